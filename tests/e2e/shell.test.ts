// The app shell as a manager meets it, on a phone and on a desktop, with
// JavaScript on and off: the four sections, the account and its time zone, the
// user menu with the language choice, and pages in the reader's language.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithAndWithoutJavaScript, newPage, screenshot, signIn } from './support/e2e';

const manager = { email: 'manager@demo.test', password: 'demo-manager' };

/** The parts of the shell a test talks to. */
function shell(page: Page) {
  const sections = page.getByRole('navigation', { name: /^(Sections|Seções)$/ });
  const menu = page.locator('header details');
  return {
    sections,
    currentSection: () => sections.locator('a[aria-current="page"]').getAttribute('href'),
    heading: () => page.locator('h1').innerText(),
    lang: () => page.locator('html').getAttribute('lang'),
    /** Opens the user menu (a <details>, so a click opens it with or without JavaScript). */
    async openMenu() {
      if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open))) await menu.locator('summary').click();
      await menu.locator('form').first().waitFor({ state: 'visible' });
      return menu;
    },
    /** Chooses in the user menu and waits for the page to come back in `expectedLang`. */
    async chooseLanguage(value: 'en' | 'pt-BR' | 'auto', expectedLang: string) {
      const opened = await this.openMenu();
      await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST'),
        opened.locator(`button[name="locale"][value="${value}"]`).click(),
      ]);
      await expect.poll(() => this.lang()).toBe(expectedLang);
    },
  };
}

describeWithAndWithoutJavaScript('the app shell', (javaScript) => {
  const js = javaScript ? 'js' : 'nojs';

  it('leads a manager from the front door to Campaigns, with the four sections, the account and its time zone', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await page.goto('/');
    await signIn(page, manager.email, manager.password);
    await page.goto('/');
    await page.waitForURL('**/campaigns');
    const ui = shell(page);

    expect(await ui.sections.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '/campaigns',
      '/automations',
      '/surveys',
      '/contacts',
    ]);
    expect(await ui.currentSection()).toBe('/campaigns');
    expect(await ui.heading()).toBe('Campaigns');
    const header = await page.locator('header').first().innerText();
    expect(header).toContain('Demo');
    // The demo account is in America/New_York: EST in winter, EDT in summer.
    expect(header).toMatch(/Times in E[SD]T/);
    await screenshot(page, `shell-campaigns-desktop-${js}`);
  });

  it('moves between the sections on a phone, each saying what it will hold and what to do first', async () => {
    const page = await newPage({ javaScript, viewport: 'phone' });
    await signIn(page, manager.email, manager.password);
    const ui = shell(page);

    const expected = [
      { href: '/automations', heading: 'Automations', action: { name: 'New automation', href: '/automations/new' } },
      { href: '/surveys', heading: 'Surveys', action: { name: 'New survey', href: '/surveys/new' } },
      { href: '/contacts', heading: 'Contacts', action: null },
      { href: '/campaigns', heading: 'Campaigns', action: { name: 'New campaign', href: '/campaigns/new' } },
    ];
    for (const section of expected) {
      const link = ui.sections.locator(`a[href="${section.href}"]`);
      await link.scrollIntoViewIfNeeded();
      expect(await link.isVisible(), `${section.href} is visible in the phone navigation`).toBe(true);
      await Promise.all([page.waitForURL(`**${section.href}`), link.click()]);
      expect(await ui.heading()).toBe(section.heading);
      expect(await ui.currentSection()).toBe(section.href);
      if (section.action) {
        expect(await page.getByRole('link', { name: section.action.name }).getAttribute('href')).toBe(section.action.href);
      }
    }
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, 'nothing overflows the phone screen sideways').toBeLessThanOrEqual(390);
    await screenshot(page, `shell-campaigns-phone-${js}`);
  });

  it('switches the language from the user menu, stays on the page, and remembers the choice for the user', async () => {
    const page = await newPage({ javaScript, viewport: 'phone' });
    await signIn(page, manager.email, manager.password);
    await page.goto('/surveys?from=menu');
    const ui = shell(page);

    const menu = await ui.openMenu();
    const menuText = await menu.innerText();
    expect(menuText).toContain('Demo Manager');
    expect(menuText).toContain(manager.email);
    expect(menuText).toMatch(/Eastern Time \(E[SD]T\)/);
    expect(menuText).toContain('Sign out');
    await screenshot(page, `shell-user-menu-phone-${js}`);

    await ui.chooseLanguage('pt-BR', 'pt-BR');
    try {
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/surveys?from=menu');
      expect(await ui.heading()).toBe('Pesquisas');
      expect(await ui.sections.innerText()).toMatch(/Campanhas[\s\S]*Automações[\s\S]*Pesquisas[\s\S]*Contatos/);
      expect(await (await ui.openMenu()).innerText()).toContain('Sair');
      await screenshot(page, `shell-surveys-phone-pt-BR-${js}`);

      // Another browser, English by its Accept-Language, without the cookie: the saved choice wins.
      const elsewhere = await newPage({ javaScript, viewport: 'desktop', locale: 'en-US' });
      await signIn(elsewhere, manager.email, manager.password);
      expect(await shell(elsewhere).lang()).toBe('pt-BR');
      expect(await shell(elsewhere).heading()).toBe('Campanhas');
    } finally {
      // Back to following the browser, as the demo user started.
      await ui.chooseLanguage('auto', 'en');
    }
    expect(await ui.heading()).toBe('Surveys');
  });

  it('speaks Portuguese to a Portuguese browser that made no choice, with dates in the account zone', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop', locale: 'pt-PT' });
    await signIn(page, manager.email, manager.password);
    const ui = shell(page);
    expect(await ui.lang()).toBe('pt-BR');
    expect(await ui.heading()).toBe('Campanhas');
    expect(await page.locator('header').first().innerText()).toMatch(/Horários em GMT-[45]/);
  });

  it('offers a skip link to the main content and a localized, friendly 404', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(page, manager.email, manager.password);
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.getAttribute('href')).toBe('#content');
    expect(await page.locator('main#content').count()).toBe(1);

    const response = await page.goto('/no-such-page');
    expect(response!.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('We couldn’t find that page');
    expect(await page.getByRole('link', { name: 'Go to campaigns' }).getAttribute('href')).toBe('/campaigns');
  });
});
