// The campaigns overview as a manager uses it, with JavaScript on and off: the cards,
// then status + search + sort + next page, all in the URL, so a reload or a shared
// link opens exactly the same view; the way back; a search that finds nothing; the
// phone layout; and who may see it (agents get 403, each account sees its own).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeWithAndWithoutJavaScript, newPage, screenshot, signIn } from './support/e2e';

const manager = { email: 'manager@demo.test', password: 'demo-manager' };
const otherManager = { email: 'manager@other.test', password: 'other-manager' };
const agent = { email: 'agent@demo.test', password: 'demo-agent' };

/** The parts of the overview a test talks to. */
function overview(page: Page) {
  const filters = page.getByRole('search');
  const rows = page.locator('tr[data-campaign-id]');
  return {
    filters,
    rows,
    ids: () => rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-campaign-id')))),
    /** data-count of one metric in every row, in row order. */
    counts: (metric: string) =>
      rows.evaluateAll((trs, name) => trs.map((tr) => Number(tr.querySelector(`[data-metric="${name}"]`)?.getAttribute('data-count'))), metric),
    card: (metric: string) => page.locator(`section [data-metric="${metric}"]`).first(),
    query: () => Object.fromEntries(new URL(page.url()).searchParams),
    /** Follows a link or submits the form and waits for the new address (which must match `urlPart`). */
    async go(action: () => Promise<void>, urlPart: RegExp) {
      const before = page.url();
      await Promise.all([page.waitForURL((url) => url.href !== before && urlPart.test(url.href)), action()]);
      await page.waitForLoadState('domcontentloaded');
    },
  };
}

describeWithAndWithoutJavaScript('the campaigns overview', (javaScript) => {
  const js = javaScript ? 'js' : 'nojs';

  it('keeps status, search, sort and page in the URL, so a reload and a shared link show the same view', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(page, manager.email, manager.password);
    await page.goto('/campaigns');
    const ui = overview(page);

    // The cards, with the windows and the zone written under them.
    for (const metric of ['scheduled_30d', 'recent_30d', 'conversations_30d', 'credits_used', 'credits_remaining']) {
      expect(await ui.card(metric).getAttribute('data-count'), metric).toMatch(/^\d+$/);
    }
    expect(await page.locator('main').innerText()).toMatch(/Last 30 days: .+ · Next 30 days: .+ · America\/New_York \(E[SD]T\)/);

    // Filter: sent campaigns with an "e" in the name.
    await ui.filters.getByLabel('Search by name').fill('e');
    await ui.filters.getByLabel('Status').selectOption('sent');
    await ui.go(() => ui.filters.getByRole('button', { name: 'Apply' }).click(), /status=sent/);
    expect(ui.query()).toMatchObject({ q: 'e', status: 'sent' });

    // Sort by replies: a header link.
    await ui.go(() => page.getByRole('columnheader', { name: /Replies/ }).getByRole('link').click(), /sort=replies/);
    expect(await page.getByRole('columnheader', { name: /Replies/ }).getAttribute('aria-sort')).toBe('descending');
    // The form follows the address, also after a navigation in the browser.
    expect(await ui.filters.getByLabel('Sort by').inputValue()).toBe('replies');
    expect(await ui.filters.getByLabel('Search by name').inputValue()).toBe('e');
    const firstPage = await ui.ids();
    const firstReplies = await ui.counts('replies');
    expect(firstPage).toHaveLength(25);
    expect(firstReplies).toEqual([...firstReplies].sort((a, b) => b - a));

    // The next page carries a cursor and continues the order.
    await ui.go(() => page.getByRole('link', { name: 'Next' }).click(), /cursor=/);
    expect(ui.query()).toMatchObject({ q: 'e', status: 'sent', sort: 'replies' });
    const secondPage = await ui.ids();
    const secondReplies = await ui.counts('replies');
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    expect(Math.max(...secondReplies)).toBeLessThanOrEqual(Math.min(...firstReplies));
    expect(new Set(await page.locator('tr[data-campaign-id] td:first-child').allInnerTexts().then((cells) => cells.map((c) => c.split('\n').at(-1)?.trim())))).toEqual(
      new Set(['Sent']),
    );
    await screenshot(page, `campaigns-overview-filtered-page-2-desktop-${js}`);

    // Reload, and open the same address in another browser: the same view, form included.
    const address = page.url();
    await page.reload();
    expect(await ui.ids()).toEqual(secondPage);
    expect(await ui.filters.getByLabel('Search by name').inputValue()).toBe('e');
    expect(await ui.filters.getByLabel('Status').inputValue()).toBe('sent');
    const elsewhere = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(elsewhere, manager.email, manager.password);
    await elsewhere.goto(address);
    expect(await overview(elsewhere).ids()).toEqual(secondPage);

    // And back to the first page.
    await ui.go(() => page.getByRole('link', { name: 'Previous' }).click(), /sort=replies/);
    expect(await ui.ids()).toEqual(firstPage);
  });

  it('says when no campaign matches, and clearing the filters brings every campaign back', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(page, manager.email, manager.password);
    await page.goto('/campaigns?q=no+campaign+is+called+this&status=draft&sort=name');
    const ui = overview(page);
    expect(await ui.rows.count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('No campaign matches these filters');
    await ui.go(() => page.getByRole('link', { name: 'Clear filters' }).click(), /\/campaigns\?sort=name$/);
    expect(await ui.rows.count()).toBeGreaterThan(0);
    // Bad values in a hand-edited address fall back to the plain list instead of an error.
    const response = await page.goto('/campaigns?status=deleted&sort=drop&dir=up&cursor=%25%25');
    expect(response!.status()).toBe(200);
    expect(await ui.rows.count()).toBe(25);
  });

  it('fits a phone: the cards stack and the table scrolls inside its own frame', async () => {
    const page = await newPage({ javaScript, viewport: 'phone' });
    await signIn(page, manager.email, manager.password);
    await page.goto('/campaigns');
    expect(await overview(page).rows.count()).toBeGreaterThan(0);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, 'nothing overflows the phone screen sideways').toBeLessThanOrEqual(390);
    await screenshot(page, `campaigns-overview-phone-${js}`);
  });

  it("shows each account only its own campaigns, in its language, and refuses agents", async () => {
    const demo = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(demo, manager.email, manager.password);
    await demo.goto('/campaigns?sort=name');
    const demoIds = await overview(demo).ids();

    const other = await newPage({ javaScript, viewport: 'desktop', locale: 'pt-BR' });
    await signIn(other, otherManager.email, otherManager.password);
    await other.goto('/campaigns?sort=name');
    const ui = overview(other);
    const otherIds = await ui.ids();
    expect(otherIds.length).toBeGreaterThan(0);
    expect(otherIds.filter((id) => demoIds.includes(id))).toEqual([]);
    expect(await other.locator('h1').innerText()).toBe('Campanhas');
    // Other is on an unlimited plan: no credits remaining, and no overage anywhere.
    expect(await other.locator('[data-metric="credits_remaining"]').count()).toBe(0);
    expect(new Set(await ui.counts('overage_credits'))).toEqual(new Set([0]));
    await screenshot(other, `campaigns-overview-pt-BR-desktop-${js}`);

    // A Demo campaign's id in Other's cursor or search changes nothing: Other still sees only its own.
    await other.goto(`/campaigns?q=${encodeURIComponent('VIP night')}`);
    expect(await ui.rows.count()).toBe(0);

    const agentPage = await newPage({ javaScript, viewport: 'desktop' });
    await signIn(agentPage, agent.email, agent.password);
    for (const path of ['/campaigns', '/campaigns?status=sent&sort=replies']) {
      const response = await agentPage.goto(path);
      expect(response!.status(), path).toBe(403);
      expect(await agentPage.locator('tr[data-campaign-id]').count()).toBe(0);
    }
  });
});
