// The Campaign tab as a manager uses it, with JavaScript on and off: the numbers and
// how they relate; filter + search + sort + pages in the URL (a reload shows the same);
// resend to failed recipients after the question; a follow-up from a selection; a
// scheduled campaign canceled; the CSV of exactly the filtered table; and who may see
// any of it (agents 403, another account 404).
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { CampaignPage } from './pages/campaign-page';
import { ComposerPage } from './pages/composer-page';
import { describeE2E, describeWithAndWithoutJavaScript, newPage, screenshot, signIn } from './support/e2e';

const manager = { email: 'manager@demo.test', password: 'demo-manager' };
/** The demo account's largest campaign (its name is fixed in the demo data). */
const BIG = 'Anniversary sale — everyone';

async function campaignPageFor(javaScript: boolean, viewport: 'desktop' | 'phone' = 'desktop', locale?: string) {
  const page = await newPage({ javaScript, viewport, locale });
  await signIn(page, manager.email, manager.password);
  return { page, campaign: new CampaignPage(page, javaScript) };
}

/** The simulator fails numbers ending in 8 or 9 (CONTRACT); a resend to any other is delivered. */
const deliverable = (phoneText: string) => !/[89]$/.test(phoneText.trim());

describeWithAndWithoutJavaScript('the campaign page', (javaScript) => {
  const js = javaScript ? 'js' : 'nojs';

  it('shows delivery, replies, opt-outs, clicks and survey responses as counts with their rates over recipients', async () => {
    const { page, campaign } = await campaignPageFor(javaScript);
    const id = await campaign.idOf(BIG);
    expect(await campaign.open(id)).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(BIG);

    const recipients = (await campaign.metric('recipients'))!.count;
    expect(recipients).toBeGreaterThan(1000);
    const delivery = { delivered: 0, pending: 0, failed: 0 };
    for (const name of ['delivered', 'pending', 'failed'] as const) delivery[name] = (await campaign.metric(name))!.count;
    expect(delivery.delivered + delivery.pending + delivery.failed).toBe(recipients);
    for (const name of ['delivered', 'pending', 'failed', 'replies', 'opt_outs', 'survey_responses', 'link_clicks']) {
      const metric = (await campaign.metric(name))!;
      expect(metric.rate, name).toBe(((Math.round((metric.count / recipients) * 1000) / 10).toFixed(1)));
    }
    const clicks = (await campaign.metric('link_clicks'))!;
    expect(clicks.total).toBeGreaterThanOrEqual(clicks.count);
    // All rows, the not-sent (opted-out) ones included.
    expect((await campaign.matchCount()).count).toBeGreaterThanOrEqual(recipients);
    expect(await page.locator('main').innerText()).toMatch(/Sent at\s+\w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T/);
    expect(await page.locator('[data-encoding]').first().innerText()).toMatch(/^(GSM-7|UCS-2)$/);
    await screenshot(page, `campaign-detail-desktop-${js}`);
  });

  it('keeps filters, search, sort and page in the URL, so a reload and the way back show the same rows', async () => {
    const { page, campaign } = await campaignPageFor(javaScript);
    const id = await campaign.idOf(BIG);
    await campaign.open(id);

    await campaign.filter({ q: 'a', flags: ['clicked'] });
    expect(Object.fromEntries(campaign.query())).toMatchObject({ q: 'a', clicked: '1' });
    await campaign.sortBy('Phone');
    await campaign.sortBy('Phone'); // a second click flips it
    expect(campaign.query().get('sort')).toBe('phone');
    expect(campaign.query().get('dir')).toBe('desc');
    expect(await page.getByRole('columnheader', { name: /^Phone/ }).getAttribute('aria-sort')).toBe('descending');
    const firstPage = await campaign.rowIds();
    expect(firstPage).toHaveLength(50);

    await campaign.next();
    expect(campaign.query().get('cursor')).toBeTruthy();
    const secondPage = await campaign.rowIds();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.some((rowId) => firstPage.includes(rowId))).toBe(false);
    const phones = await campaign.rows.locator('td:nth-child(2)').allInnerTexts();
    const digits = phones.map((p) => p.replace(/\D/g, ''));
    expect(digits).toEqual([...digits].sort().reverse());

    // The same address shows the same view, form included.
    const address = page.url();
    await page.reload();
    expect(page.url()).toBe(address);
    expect(await campaign.rowIds()).toEqual(secondPage);
    expect(await campaign.filterValues()).toEqual({ q: 'a', status: '', flags: ['clicked'] });
    const shared = await newPage({ javaScript });
    await signIn(shared, manager.email, manager.password);
    await shared.goto(address);
    expect(await new CampaignPage(shared, javaScript).rowIds()).toEqual(secondPage);

    await campaign.previous();
    expect(await campaign.rowIds()).toEqual(firstPage);
    // Every row shown clicked a link and has an "a" in its name or phone.
    for (const text of await campaign.rows.locator('td:nth-child(7)').allInnerTexts()) expect(text).toMatch(/\d+ clicks?/);

    // A search that finds nobody says so, with the way back to everyone.
    await campaign.filter({ q: 'zzqxj', flags: [] });
    expect(await page.locator('#recipients').innerText()).toContain('No recipients match these filters.');
    await screenshot(page, `campaign-detail-empty-search-${js}`);
  });

  it('resends to selected failed recipients after asking, and their new attempts replace the failures', async () => {
    const { page, campaign } = await campaignPageFor(javaScript);
    const id = await campaign.idOf(BIG);
    await campaign.open(id, '?status=failed&sort=phone');
    const failedBefore = (await campaign.metric('failed'))!.count;

    // Two failed recipients on their first attempt whose numbers the simulator delivers to.
    const picked: Array<{ id: number; phone: string }> = [];
    for (const row of await campaign.rows.all()) {
      const phone = await row.locator('td:nth-child(2)').innerText();
      const status = await row.locator('td:nth-child(3)').innerText();
      if (deliverable(phone) && !/Attempt/.test(status)) picked.push({ id: Number(await row.getAttribute('data-contact-id')), phone });
      if (picked.length === 2) break;
    }
    expect(picked).toHaveLength(2);
    await campaign.select(picked.map((p) => p.id));
    await campaign.press('resend');

    // The question, on the same filtered view; nothing was sent yet.
    expect(campaign.query().get('confirm')).toBe('resend');
    expect(campaign.query().get('status')).toBe('failed');
    expect(await campaign.question.innerText()).toContain('Resend to 2 failed recipients?');
    expect((await campaign.metric('failed'))!.count).toBe(failedBefore);
    await screenshot(page, `campaign-detail-resend-question-${js}`);

    await campaign.confirm();
    expect(campaign.query().get('resent')).toBe('2');
    expect(campaign.query().get('status')).toBe('failed');
    expect(await campaign.notice()).toContain('2 recipients will be texted again.');
    for (const p of picked) expect(await campaign.row(p.id).count()).toBe(0);

    // The worker sends them and the simulator reports them delivered.
    await expect
      .poll(
        async () => {
          await page.reload();
          return (await campaign.metric('failed'))!.count;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(failedBefore - 2);
    for (const p of picked) {
      await campaign.open(id, `?q=${encodeURIComponent(p.phone)}`);
      const status = await campaign.row(p.id).locator('td:nth-child(3)').innerText();
      expect(status).toMatch(/Attempt 2/);
      expect(status).toMatch(/Delivered|Pending/);
    }
  });

  it('asks before resending to every failed recipient, and "Don’t resend" leaves them be', async () => {
    const { campaign } = await campaignPageFor(javaScript);
    const id = await campaign.idOf(BIG);
    await campaign.open(id);
    const failed = (await campaign.metric('failed'))!.count;
    await campaign.press('resend_failed');
    expect(campaign.query().get('confirm')).toBe('resend_failed');
    expect(await campaign.question.innerText()).toMatch(/Resend to all [\d,]+ failed recipients\?/);
    await campaign.keep();
    expect(campaign.query().get('confirm')).toBeNull();
    expect(await campaign.question.count()).toBe(0);
    expect((await campaign.metric('failed'))!.count).toBe(failed);
  });

  it('explains a resend it cannot do instead of sending', async () => {
    const { campaign } = await campaignPageFor(javaScript);
    const id = await campaign.idOf(BIG);
    await campaign.open(id, '?status=delivered');
    const [first] = await campaign.rowIds();
    await campaign.select([first!]);
    await campaign.page.locator('button[name="intent"][value="resend"]').click();
    expect(await campaign.formMessage()).toBe('None of the selected recipients failed. Only failed recipients can be resent to.');
    expect(campaign.query().get('confirm')).toBeNull();
  });

  it('starts a follow-up campaign from the selected recipients', async () => {
    const { campaign } = await campaignPageFor(javaScript);
    const id = await campaign.idOf(BIG);
    await campaign.open(id, '?replied=1');
    const picked = (await campaign.rowIds()).slice(0, 3);
    await campaign.select(picked);
    await campaign.press('follow_up');
    const url = new URL(campaign.page.url());
    expect(url.pathname).toBe('/campaigns/new');
    expect(url.searchParams.get('from')).toBe(String(id));
    expect(url.searchParams.getAll('recipient').map(Number)).toEqual(picked);
  });

  it('cancels a scheduled campaign after asking, and says so', async () => {
    const { page, campaign } = await campaignPageFor(javaScript);
    const composer = new ComposerPage(page, javaScript);
    expect(await composer.open()).toBe(200);
    const name = `Cancel me ${js} ${Date.now().toString(36)}`;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });
    await composer.fill({ name, body: 'See you at the spring preview, {first_name}!', audience: 'tag:vip', when: 'schedule', scheduledAt: `${day.format(new Date(Date.now() + 2 * 86_400_000))}T11:00` });
    await composer.submit();
    await page.waitForURL(/\/campaigns\/\d+$/);
    expect(await page.locator('h1').innerText()).toBe(name);
    expect(await page.locator('main').innerText()).toMatch(/Goes out \w{3} \d{1,2}, \d{4}, 11:00 AM E[SD]T/);

    await page.getByText('Cancel campaign', { exact: true }).click();
    expect(await page.getByRole('group', { name: 'Cancel this scheduled campaign?' }).innerText()).toContain('Nobody has been texted yet.');
    await campaign.navigate(() => page.getByRole('button', { name: 'Yes, cancel it' }).click());
    expect(campaign.query().get('canceled')).toBe('1');
    expect(await campaign.notice()).toContain('The campaign was canceled. Nobody will be texted.');
    expect(await page.locator('header').filter({ has: page.locator('h1') }).innerText()).toContain('Canceled');
    expect(await page.getByText('Cancel campaign', { exact: true }).count()).toBe(0);
  });

  it('exports exactly what the filtered table shows', async () => {
    const { page, campaign } = await campaignPageFor(javaScript);
    const id = await campaign.idOf(BIG);
    await campaign.open(id);
    await campaign.filter({ status: 'failed', q: 'a' });
    await campaign.sortBy('Name');
    expect(campaign.query().get('dir')).toBe('desc');
    const shown = await campaign.rowIds();
    const { count, exact } = await campaign.matchCount();
    expect(exact).toBe(true);

    const href = (await campaign.csvHref())!;
    expect(href).toBe(`/campaigns/${id}/recipients.csv?status=failed&q=a&dir=desc`);
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="campaign-${id}-recipients.csv"`);
    const rows = parse<Record<string, string>>(await response.text(), { columns: true });
    expect(rows).toHaveLength(count);
    expect(rows.slice(0, shown.length).map((row) => Number(row.contact_id))).toEqual(shown);
    expect(rows.every((row) => row.status === 'failed')).toBe(true);
    expect(rows.some((row) => /^\d{5}$/.test(row.error_code!))).toBe(true);
    expect(rows.every((row) => row.sent_at === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(row.sent_at!))).toBe(true);
  });
});

describeE2E('the campaign page on a phone and in Portuguese', () => {
  it('fits a phone: nothing but the table scrolls sideways', async () => {
    const { page, campaign } = await campaignPageFor(false, 'phone');
    await campaign.open(await campaign.idOf(BIG));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'nothing overflows the phone screen sideways').toBeLessThanOrEqual(390);
    await screenshot(page, 'campaign-detail-phone-nojs');
  });

  it('speaks Portuguese to a Portuguese reader', async () => {
    const { page, campaign } = await campaignPageFor(true, 'phone', 'pt-BR');
    await campaign.open(await campaign.idOf(BIG));
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Entrega[\s\S]*Entregues[\s\S]*Respostas[\s\S]*Descadastros[\s\S]*Cliques em links[\s\S]*Destinatários/);
    expect(text).toContain('Exportar CSV');
    await screenshot(page, 'campaign-detail-phone-pt-BR-js');
  });
});

describeE2E('the campaign page for other people', () => {
  it('is refused to an agent: 403 for the page and the export', async () => {
    const { campaign } = await campaignPageFor(false);
    const id = await campaign.idOf(BIG);
    const page = await newPage({ javaScript: false });
    await signIn(page, 'agent@demo.test', 'demo-agent');
    expect((await page.goto(`/campaigns/${id}`))!.status()).toBe(403);
    expect((await page.goto(`/campaigns/${id}?status=failed`))!.status()).toBe(403);
    expect((await page.request.get(`/campaigns/${id}/recipients.csv`)).status()).toBe(403);
  });

  it('is not found for another account’s manager: 404 for the page and the export', async () => {
    const { campaign } = await campaignPageFor(false);
    const id = await campaign.idOf(BIG);
    const page = await newPage({ javaScript: false });
    await signIn(page, 'manager@other.test', 'other-manager');
    expect((await page.goto(`/campaigns/${id}`))!.status()).toBe(404);
    // The friendly page, drawn on the server (JavaScript is off), names nothing of the campaign.
    expect(await page.locator('h1').innerText()).toBe('We couldn’t find that page');
    expect(await page.content()).not.toContain(BIG);
    const csv = await page.request.get(`/campaigns/${id}/recipients.csv`);
    expect(csv.status()).toBe(404);
    expect(await csv.text()).not.toContain('contact_id');
    for (const path of ['/campaigns/not-a-number', `/campaigns/${id}/survey`]) {
      expect((await page.goto(path))!.status()).toBe(404);
      expect(await page.locator('h1').innerText()).toBe('We couldn’t find that page');
    }
  });
});
