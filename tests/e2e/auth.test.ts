// Signing in and out as people do it, with JavaScript on and off: the redirect to
// /login and back to the page asked for, wrong and oversized input, the agent's 403.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithAndWithoutJavaScript, newPage, screenshot, signIn } from './support/e2e';

const manager = { email: 'manager@demo.test', password: 'demo-manager' };
const agent = { email: 'agent@demo.test', password: 'demo-agent' };

/** The sign-in page as a test talks to it. */
function loginPage(page: Page) {
  const form = page.locator('form').filter({ has: page.locator('input[name="password"]') });
  return {
    email: form.locator('input[name="email"]'),
    password: form.locator('input[name="password"]'),
    alert: page.locator('#sign-in-message'),
    submitButton: form.locator('button[type="submit"]'),
    fieldError: (field: 'email' | 'password') => page.locator(`#${field}-error`),
    /** Submits and waits for the answer (a navigation without JavaScript, the action's reply with it). */
    async submit() {
      await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST'),
        form.locator('button[type="submit"]').click(),
      ]);
    },
  };
}

describeWithAndWithoutJavaScript('sign-in', (javaScript) => {
  const js = javaScript ? 'js' : 'nojs';

  it('looks like a sign-in card on a phone and on a desktop', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const page = await newPage({ javaScript, viewport });
      const response = await page.goto('/login');
      expect(response!.status()).toBe(200);
      const ui = loginPage(page);
      expect(await page.locator('h1').innerText()).toBe('Sign in to Pulse');
      expect(await ui.email.getAttribute('autocomplete')).toBe('username');
      expect(await ui.password.getAttribute('autocomplete')).toBe('current-password');
      expect(await page.locator('label[for="email"]').innerText()).toBe('Email');
      // Nothing sticks out sideways on a narrow screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `auth-login-${viewport}-${js}`);
    }
  });

  it('says which fields are empty and keeps the visitor on /login', async () => {
    const page = await newPage({ javaScript, viewport: 'phone' });
    await page.goto('/login');
    const ui = loginPage(page);
    await ui.submit();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await ui.fieldError('email').innerText()).toBe('Enter your email address.');
    expect(await ui.fieldError('password').innerText()).toBe('Enter your password.');
    expect(await ui.email.getAttribute('aria-describedby')).toBe('email-error');
    expect(await ui.email.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a wrong password with one clear message, keeping the email and clearing the password', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await page.goto('/login');
    const ui = loginPage(page);
    await ui.email.fill(manager.email);
    await ui.password.fill('not-the-password');
    await ui.submit();
    await expect.poll(() => ui.alert.innerText()).toBe('That email and password don’t match. Check them and try again.');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await ui.email.inputValue()).toBe(manager.email);
    expect(await ui.password.inputValue()).toBe('');
    await screenshot(page, `auth-wrong-password-${js}`);

    // The right password right after, in the same form, works (and clears the failure count).
    await ui.password.fill(manager.password);
    await Promise.all([page.waitForURL((url) => url.pathname === '/campaigns'), ui.submitButton.click()]);
  });

  it('answers a 10 MB password with a message, not an error page', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await page.goto('/login?next=%2Fsurveys');
    const ui = loginPage(page);
    await ui.email.fill(manager.email);
    // What a paste into a field without maxlength would send.
    await ui.password.evaluate((input: HTMLInputElement) => {
      input.removeAttribute('maxlength');
      input.value = 'x'.repeat(10 * 1024 * 1024);
    });
    if (javaScript) {
      // The form checks the size before sending anything.
      await page.locator('button[type="submit"]').click();
      await expect.poll(() => ui.fieldError('password').innerText()).toBe('A password has at most 1024 characters.');
    } else {
      const [response] = await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
      expect(response!.status()).toBe(200);
      expect(await ui.alert.innerText()).toContain('far too long');
      // Still headed for the page asked for.
      expect(new URL(page.url()).searchParams.get('next')).toBe('/surveys');
    }
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('sends a signed-out visitor to /login and, after signing in, back to the page asked for', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await page.goto('/campaigns?status=sent');
    const asked = new URL(page.url());
    expect(asked.pathname).toBe('/login');
    expect(asked.searchParams.get('next')).toBe('/campaigns?status=sent');

    await signIn(page, manager.email, manager.password);
    const landed = new URL(page.url());
    expect(`${landed.pathname}${landed.search}`).toBe('/campaigns?status=sent');
  });

  it('ignores a next= that points at another site', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await page.goto('/login?next=%2F%2Fevil.example%2Fphish');
    await signIn(page, manager.email, manager.password);
    const landed = new URL(page.url());
    expect(landed.origin).toBe(new URL(page.url()).origin);
    expect(landed.pathname).toBe('/campaigns');
  });

  it('signs a manager out to /login, after which manager pages ask to sign in again', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await page.goto('/login');
    await signIn(page, manager.email, manager.password);
    const otherDevice = await newPage({ javaScript, viewport: 'phone' });
    await otherDevice.goto('/login');
    await signIn(otherDevice, manager.email, manager.password);
    const copiedCookies = await page.context().cookies();
    const menu = page.locator('header details');
    await menu.locator('summary').click();
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/login'),
      menu.getByRole('button', { name: 'Sign out' }).click(),
    ]);
    await page.goto('/campaigns');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('input[name="password"]').count()).toBe(1);

    // A copy of the signed-out session's cookie signs nobody in; the other device stays signed in.
    const copy = await newPage({ javaScript, viewport: 'desktop' });
    await copy.context().addCookies(copiedCookies);
    await copy.goto('/campaigns');
    expect(new URL(copy.url()).pathname).toBe('/login');
    expect((await copy.context().cookies()).map((cookie) => cookie.name)).not.toContain('authjs.session-token');
    await copy.context().addCookies(copiedCookies);
    // Nor does Auth.js's own session endpoint, nor an export.
    expect(await (await copy.request.get('/api/auth/session')).json()).toBeNull();
    const csv = await copy.request.get('/campaigns/1/recipients.csv', { maxRedirects: 0 });
    expect(new URL(csv.headers()['location']!, copy.url()).pathname).toBe('/login');
    expect((await otherDevice.goto('/campaigns'))!.status()).toBe(200);

    // Signing in again while the old cookie is still there starts a new session that works.
    await copy.goto('/login');
    await copy.context().addCookies(copiedCookies);
    await signIn(copy, manager.email, manager.password);
    expect((await copy.goto('/campaigns'))!.status()).toBe(200);
    expect(new URL(copy.url()).pathname).toBe('/campaigns');
    expect(new URL(otherDevice.url()).pathname).toBe('/campaigns');
  });

  it('shows an agent a real 403 page saying who is signed in, with a way out', async () => {
    const page = await newPage({ javaScript, viewport: 'phone' });
    await page.goto('/login');
    await signIn(page, agent.email, agent.password);
    const response = await page.goto('/campaigns');
    expect(response!.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('This area is for managers');
    expect(await page.locator('main').innerText()).toContain('agent@demo.test');
    await screenshot(page, `auth-forbidden-phone-${js}`);

    for (const path of ['/automations', '/surveys', '/contacts']) {
      expect((await page.goto(path))!.status(), path).toBe(403);
    }

    const copiedCookies = await page.context().cookies();
    await Promise.all([page.waitForURL((url) => url.pathname === '/login'), page.getByRole('button', { name: 'Sign out' }).click()]);
    await page.goto('/campaigns?status=sent');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/campaigns?status=sent');

    // A copy of the agent's signed-out cookie is asked to sign in, not shown the 403 notice.
    const copy = await newPage({ javaScript, viewport: 'phone' });
    await copy.context().addCookies(copiedCookies);
    expect((await copy.goto('/campaigns'))!.status()).toBe(200);
    expect(new URL(copy.url()).pathname).toBe('/login');
  });
});
