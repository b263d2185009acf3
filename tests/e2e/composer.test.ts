// The campaign composer as a manager uses it, with JavaScript on and off: a refused
// submission keeps everything typed, "Check" shows what the campaign costs, a campaign
// scheduled for tomorrow lands on its page (where it can be canceled), and a follow-up
// starts from recipients picked on a campaign's page. Agents and other accounts are refused.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ComposerPage } from './pages/composer-page';
import { describeE2E, describeWithAndWithoutJavaScript, newPage, screenshot, signIn } from './support/e2e';

const manager = { email: 'manager@demo.test', password: 'demo-manager' };

/** A name no other run uses, so tests never depend on each other's campaigns. */
const unique = (label: string) => `${label} ${Date.now().toString(36)}`;

/** `YYYY-MM-DDTHH:mm` tomorrow at `time` on the demo account's clock (New York). */
function tomorrowInNewYork(time: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${day.format(new Date(Date.now() + 24 * 3_600_000))}T${time}`;
}

async function composerFor(javaScript: boolean, viewport: 'desktop' | 'phone' = 'desktop') {
  const page = await newPage({ javaScript, viewport });
  await signIn(page, manager.email, manager.password);
  const composer = new ComposerPage(page, javaScript);
  expect(await composer.open()).toBe(200);
  return { page, composer };
}

const campaignIdIn = (page: Page) => Number(/^\/campaigns\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);

describeWithAndWithoutJavaScript('the campaign composer', (javaScript) => {
  const js = javaScript ? 'js' : 'nojs';

  it('keeps every field as typed when a campaign is refused, each problem beside its field', async () => {
    const { page, composer } = await composerFor(javaScript, 'phone');
    const survey = await composer.form.locator('select[name="survey"] option').nth(1).getAttribute('value');
    const typed = {
      name: '',
      body: 'Hi {fname}, VIP night is on Friday at 7pm: https://harborandpine.example/vip',
      audience: 'tag:vip',
      survey: survey!,
      when: 'schedule' as const,
      scheduledAt: '2025-01-06T10:00',
    };
    await composer.fill(typed);
    const from = (await composer.values()).from;
    await composer.submit();

    expect(new URL(page.url()).pathname).toBe('/campaigns/new');
    expect(await composer.fieldError('name')).toBe('Give the campaign a name.');
    expect(await composer.fieldError('body')).toBe('Pulse does not know {fname}. Use {first_name}, {last_name} or {survey_link}.');
    expect(await composer.fieldError('scheduled_at')).toBe('That time has passed. Choose a time in the future.');
    expect(await composer.values()).toEqual({ ...typed, from, recipients: [] });
    expect(await page.locator('[role="alert"]').first().innerText()).toContain('Some fields need your attention.');
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, 'nothing overflows the phone screen sideways').toBeLessThanOrEqual(390);
    await screenshot(page, `composer-refused-phone-${js}`);
  });

  it('checks what the campaign costs: the first recipient’s segments, recipients, suppressed contacts, credits and overage', async () => {
    const { page, composer } = await composerFor(javaScript);
    await composer.fill({ name: unique('VIP night'), body: 'Hi {first_name}, it’s VIP night at the Brooklyn store on Thursday, 7pm. Drinks on us!', audience: 'tag:vip' });
    await composer.check();

    const segments = await composer.metric('segments');
    expect(segments).toEqual({ count: 2, encoding: 'UCS-2' });
    const recipients = (await composer.metric('recipients'))!.count;
    expect(recipients).toBeGreaterThan(0);
    expect((await composer.metric('suppressed'))!.count).toBeGreaterThanOrEqual(0);
    expect((await composer.metric('credits'))!.count).toBeGreaterThanOrEqual(recipients);
    expect(await composer.metric('overage_credits')).not.toBeNull();
    expect(await composer.ucs2Characters()).toEqual(['’']);
    expect(await composer.sendButton().innerText()).toMatch(/^Send to [\d,]+ recipients now$/);
    await screenshot(page, `composer-checked-desktop-${js}`);

    // The curly quote is the only reason for UCS-2: replacing it (on the server without JavaScript) halves the cost.
    await page.getByRole('button', { name: 'Replace them' }).click();
    if (!javaScript) await page.waitForLoadState('load');
    await expect.poll(() => composer.metric('segments')).toEqual({ count: 1, encoding: 'GSM-7' });
    expect((await composer.values()).body).toBe("Hi {first_name}, it's VIP night at the Brooklyn store on Thursday, 7pm. Drinks on us!");
  });

  it('schedules a campaign for tomorrow in the account’s zone, lands on its page and can cancel it there', async () => {
    const { page, composer } = await composerFor(javaScript);
    const name = unique('Spring preview');
    await composer.fill({ name, body: 'Spring preview, {first_name}: new linen colors arrive Friday.', audience: 'tag:vip', when: 'schedule', scheduledAt: tomorrowInNewYork('10:00') });
    await composer.check();
    expect(await composer.sendButton().innerText()).toMatch(/^Schedule for .+ 10:00 AM E[SD]T$/);
    await screenshot(page, `composer-schedule-desktop-${js}`);
    await composer.submit();

    await page.waitForURL(/\/campaigns\/\d+$/);
    expect(campaignIdIn(page)).toBeGreaterThan(0);
    expect(await page.locator('h1').innerText()).toContain(name);
    await screenshot(page, `composer-scheduled-campaign-${js}`);

    // The campaign page (another feature) cancels it, after asking.
    await page.getByText('Cancel campaign', { exact: true }).click();
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Yes, cancel it' }).click(),
    ]);
    await expect.poll(async () => page.locator('main').innerText(), { timeout: 20_000 }).toMatch(/Canceled/);
  });

  it('follows up recipients picked on a campaign’s page, and keeps the selection to this account', async () => {
    const { page, composer } = await composerFor(javaScript);
    const name = unique('Wholesale update');
    await composer.fill({ name, body: 'Wholesale update: the new price list is out. Reply with questions!', audience: 'tag:wholesale', when: 'now' });
    await composer.submit();
    await page.waitForURL(/\/campaigns\/\d+$/);
    const sourceId = campaignIdIn(page);

    // The worker sends within a second; the recipients table fills as it does.
    const boxes = page.locator('input[type="checkbox"][name="recipient"]');
    await expect
      .poll(async () => {
        await page.reload();
        return boxes.count();
      }, { timeout: 30_000, interval: 1_000 })
      .toBeGreaterThan(1);
    const picked = [await boxes.nth(0).getAttribute('value'), await boxes.nth(1).getAttribute('value')] as string[];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await Promise.all([page.waitForURL(/\/campaigns\/new\?/), page.locator('button[name="intent"][value="follow_up"]').click()]);

    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toBe(String(sourceId));
    expect(url.searchParams.getAll('recipient').sort()).toEqual([...picked].sort());
    expect(await page.locator('[data-selection-count]').innerText()).toBe(`2 recipients selected from “${name}”.`);
    const values = await composer.values();
    expect(values.audience).toBe(`campaign:${sourceId}`);
    expect(values.recipients.sort()).toEqual([...picked].sort());

    await composer.fill({ body: 'Thanks for your order! Anything else we can help with?' });
    await composer.check();
    expect((await composer.metric('recipients'))!.count + (await composer.metric('suppressed'))!.count).toBe(2);
    expect((await composer.values()).recipients.sort()).toEqual([...picked].sort());
    await screenshot(page, `composer-follow-up-${js}`);

    const outsider = await newPage({ javaScript });
    await signIn(outsider, 'manager@other.test', 'other-manager');
    expect(await new ComposerPage(outsider, javaScript).open(url.search)).toBe(404);
  });
});

describeE2E('the composer for other people', () => {
  it('shows an agent the 403 page', async () => {
    const page = await newPage({ javaScript: false });
    await signIn(page, 'agent@demo.test', 'demo-agent');
    expect((await page.goto('/campaigns/new'))!.status()).toBe(403);
  });

  it('is in Portuguese for a Portuguese reader, on a phone', async () => {
    const page = await newPage({ javaScript: true, viewport: 'phone', locale: 'pt-BR' });
    await signIn(page, manager.email, manager.password);
    const composer = new ComposerPage(page, true);
    await composer.open();
    expect(await page.locator('h1').innerText()).toBe('Nova campanha');
    await composer.fill({ body: 'Olá {first_name}, a coleção de primavera chegou!', audience: 'tag:vip' });
    await expect.poll(() => composer.metric('credits'), { timeout: 15_000 }).not.toBeNull();
    expect(await page.locator('aside').innerText()).toMatch(/Destinatários[\s\S]*Créditos[\s\S]*Excedente estimado/);
    await screenshot(page, 'composer-phone-pt-BR-js');
  });
});
