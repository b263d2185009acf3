// Contacts as a manager uses them, with JavaScript on and off: a CSV with a bad line
// is checked by line before anything changes, the valid rows are imported, the new
// contacts are found by search and by tag with the state in the URL, and a contact
// is opted out by hand and back in. Each run imports contacts of its own.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithAndWithoutJavaScript, newPage, screenshot, signIn } from './support/e2e';

const manager = { email: 'manager@demo.test', password: 'demo-manager' };

/** A run's own numbers, (312) XYZ-ABCD, so runs and other test files never share a contact. */
function runNumbers(count: number) {
  const seed = Date.now() % 700_000 + Math.floor(Math.random() * 1000) * 700;
  return Array.from({ length: count }, (_, i) => {
    const n = (seed + i * 7919) % 7_000_000;
    const exchange = 200 + Math.floor(n / 10_000);
    const line = String(n % 10_000).padStart(4, '0');
    return { national: `(312) ${exchange}-${line}`, digits: `312${exchange}${line}` };
  });
}

/** Uploads a CSV through the form on /contacts and lands on the import's page. */
async function uploadCsv(page: Page, name: string, csv: string): Promise<void> {
  await page.goto('/contacts#import');
  await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await Promise.all([page.waitForURL(/\/contacts\/import\/\d+$/), page.getByRole('button', { name: 'Upload and check' }).click()]);
}

const metric = (page: Page, name: string) => page.locator(`[data-metric="${name}"]`).getAttribute('data-count');

/** The names in the contact table, in order. */
const listedNames = (page: Page) => page.locator('tbody tr[data-contact-id] td:first-child a').allInnerTexts();

describeWithAndWithoutJavaScript('contacts', (javaScript) => {
  const js = javaScript ? 'js' : 'nojs';

  it('imports the valid rows of a file with a bad line, then finds them by search and tag through the URL', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(page, manager.email, manager.password);
    const run = `${js}${Date.now().toString(36)}`;
    const tag = `e2e-${run}`;
    const [ana, bia] = runNumbers(2);
    await uploadCsv(
      page,
      `contacts-${run}.csv`,
      [
        'first_name,last_name,phone,time_zone,tags,birthday',
        `Ana,Import${run},${ana!.national},America/Chicago,${tag};VIP,1990-04-12`,
        `Broken,Import${run},not a phone,,${tag},`,
        `Bia,Import${run},${bia!.digits},,${tag},`,
      ].join('\n'),
    );

    // Checked, not imported: counts, and the bad line with its column and problem.
    expect(await metric(page, 'rows')).toBe('3');
    expect(await metric(page, 'valid')).toBe('2');
    expect(await metric(page, 'errors')).toBe('1');
    const badLine = page.locator('tr[data-line="3"]');
    expect(await badLine.locator('[data-column="phone"]').innerText()).toContain('Not a phone number.');
    await screenshot(page, `contacts-import-errors-desktop-${js}`);

    await page.locator('summary', { hasText: 'Import the 2 valid rows' }).click();
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Yes, import 2 rows' }).click(),
    ]);
    await page.getByText('2 contacts created').waitFor();
    expect(await metric(page, 'created')).toBe('2');
    expect(await metric(page, 'skipped')).toBe('1');

    // Search by a piece of the number as a person types it: the state goes into the URL.
    await page.goto('/contacts');
    await page.getByRole('searchbox', { name: 'Name or phone' }).fill(ana!.national.slice(0, 10));
    await Promise.all([page.waitForURL(/[?&]q=/), page.getByRole('button', { name: 'Search', exact: true }).click()]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(ana!.national.slice(0, 10));
    expect(await listedNames(page)).toContain(`Ana Import${run}`);

    // The tag filter, then both, each a URL that reopens as the same list.
    await page.getByRole('searchbox', { name: 'Name or phone' }).fill('');
    await page.getByLabel('Tag').selectOption(tag);
    await Promise.all([page.waitForURL(/[?&]tag=/), page.getByRole('button', { name: 'Search', exact: true }).click()]);
    expect(new URL(page.url()).searchParams.get('tag')).toBe(tag);
    expect((await listedNames(page)).sort()).toEqual([`Ana Import${run}`, `Bia Import${run}`]);
    expect(await metric(page, 'contacts')).toBe('2');

    await page.goto(`/contacts?q=bia&tag=${encodeURIComponent(tag)}`);
    expect(await listedNames(page)).toEqual([`Bia Import${run}`]);
    expect(await page.getByRole('searchbox', { name: 'Name or phone' }).inputValue()).toBe('bia');
    expect(await page.getByLabel('Tag').inputValue()).toBe(tag);
    await screenshot(page, `contacts-search-desktop-${js}`);
  });

  it('opts a contact out by hand, after confirming, and back in, on a phone', async () => {
    const page = await newPage({ javaScript, viewport: 'phone' });
    await signIn(page, manager.email, manager.password);
    const run = `${js}${Date.now().toString(36)}`;
    const [number] = runNumbers(1);
    await uploadCsv(page, `one-${run}.csv`, `phone,first_name,last_name\n${number!.national},Caio,Opt${run}\n`);
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Import 1 contact' }).click(),
    ]);
    await page.getByText('1 contact created').waitFor();

    await page.goto(`/contacts?q=${run}`);
    await Promise.all([page.waitForURL(/\/contacts\/\d+$/), page.getByRole('link', { name: `Caio Opt${run}` }).click()]);
    expect(await page.locator('main').innerText()).toContain(`Caio Opt${run} can receive your campaigns`);

    await page.locator('summary', { hasText: 'Opt out' }).click();
    await screenshot(page, `contacts-opt-out-confirm-phone-${js}`);
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Yes, opt out' }).click(),
    ]);
    await page.locator('[data-opted-out]').waitFor();
    const optedOut = page.locator('[data-opt-change="opt_out"][data-source="manual"]');
    expect(await optedOut.innerText()).toContain('By hand, by Demo Manager');

    // The list says so too.
    await page.goto(`/contacts?q=${run}`);
    expect(await page.locator('tbody tr[data-contact-id] [data-opted-out]').count()).toBe(1);
    await page.goBack();

    await page.locator('summary', { hasText: 'Opt back in' }).click();
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Yes, opt back in' }).click(),
    ]);
    await page.locator('[data-opt-change="opt_in"][data-source="manual"]').waitFor();
    expect(await page.locator('[data-opted-out]').count()).toBe(0);
    await screenshot(page, `contacts-opted-back-in-phone-${js}`);
  });

  it('sends a file without a phone column back with the reason; refuses an agent, and another account gets 404', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(page, manager.email, manager.password);
    await page.goto('/contacts#import');
    await page.locator('input[name="file"]').setInputFiles({ name: 'no-phone.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email\nAna,a@x.test\n') });
    await Promise.all([page.waitForURL(/import_error=missing_phone_column/), page.getByRole('button', { name: 'Upload and check' }).click()]);
    expect(await page.getByRole('alert').filter({ hasText: 'no “phone” column' }).count()).toBe(1);

    const agent = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(agent, 'agent@demo.test', 'demo-agent');
    expect((await agent.goto('/contacts'))!.status()).toBe(403);

    // A Demo contact and a Demo import (staged, never applied), asked for by the manager of another account.
    const [number] = runNumbers(1);
    await uploadCsv(page, 'staged.csv', `phone\n${number!.digits}\n`);
    const importPath = new URL(page.url()).pathname;
    await page.goto('/contacts');
    const contactId = await page.locator('tbody tr[data-contact-id]').first().getAttribute('data-contact-id');
    const other = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(other, 'manager@other.test', 'other-manager');
    for (const path of [`/contacts/${contactId}`, importPath]) {
      expect((await other.goto(path))!.status()).toBe(404);
      // The friendly page, with or without JavaScript.
      expect(await other.locator('h1').innerText()).toBe('We couldn’t find that page');
    }
  });
});
