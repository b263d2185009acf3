// The Campaign tab (/campaigns/{id}) as a test talks to it: its data-metric numbers,
// the recipients table (rows by contact id, filters, sort links, pages), the selection
// form's intents and the resend question, the notice after an action and the CSV link,
// with JavaScript on (client navigations, server actions) or off (links and form posts).
import type { Page } from 'playwright-core';

export type MetricValue = { count: number; rate: string | null; total: number | null };

export type RecipientFilters = {
  q?: string;
  status?: '' | 'delivered' | 'pending' | 'failed';
  flags?: Array<'replied' | 'opted_out' | 'clicked' | 'responded'>;
};

export class CampaignPage {
  constructor(
    readonly page: Page,
    readonly javaScript: boolean,
  ) {}

  /** The id of the campaign the overview lists under this exact name. */
  async idOf(name: string): Promise<number> {
    await this.page.goto(`/campaigns?q=${encodeURIComponent(name)}`);
    const row = this.page.locator('tr[data-campaign-id]').filter({ hasText: name }).first();
    return Number(await row.getAttribute('data-campaign-id'));
  }

  async open(id: number, query = ''): Promise<number> {
    const response = await this.page.goto(`/campaigns/${id}${query}`);
    return response?.status() ?? 0;
  }

  query(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  async metric(name: string): Promise<MetricValue | null> {
    const element = this.page.locator(`[data-metric="${name}"]`).first();
    if ((await element.count()) === 0) return null;
    const total = await element.getAttribute('data-total');
    return { count: Number(await element.getAttribute('data-count')), rate: await element.getAttribute('data-rate'), total: total === null ? null : Number(total) };
  }

  get rows() {
    return this.page.locator('tr[data-contact-id]');
  }

  rowIds(): Promise<number[]> {
    return this.rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-contact-id'))));
  }

  row(contactId: number) {
    return this.page.locator(`tr[data-contact-id="${contactId}"]`);
  }

  /** "1,234 recipients match" as its number, and whether it is exact. */
  async matchCount(): Promise<{ count: number; exact: boolean }> {
    const summary = this.page.locator('[data-recipients-match]');
    return { count: Number(await summary.getAttribute('data-recipients-match')), exact: (await summary.getAttribute('data-exact')) === '1' };
  }

  get filterForm() {
    return this.page.locator('#recipients form[role="search"]');
  }

  async filterValues(): Promise<Required<RecipientFilters>> {
    const form = this.filterForm;
    const flags: Required<RecipientFilters>['flags'] = [];
    for (const flag of ['replied', 'opted_out', 'clicked', 'responded'] as const) {
      const box = form.locator(`input[name="${flag}"]`);
      if ((await box.count()) > 0 && (await box.isChecked())) flags.push(flag);
    }
    return {
      q: await form.locator('input[name="q"]').inputValue(),
      status: (await form.locator('select[name="status"]').inputValue()) as Required<RecipientFilters>['status'],
      flags,
    };
  }

  /** Fills the filter form and applies it; resolves once the new address is shown. */
  async filter(filters: RecipientFilters): Promise<void> {
    const form = this.filterForm;
    if (filters.q !== undefined) await form.locator('input[name="q"]').fill(filters.q);
    if (filters.status !== undefined) await form.locator('select[name="status"]').selectOption(filters.status);
    for (const flag of ['replied', 'opted_out', 'clicked', 'responded'] as const) {
      const box = form.locator(`input[name="${flag}"]`);
      if (filters.flags && (await box.count()) > 0) await box.setChecked(filters.flags.includes(flag));
    }
    await this.navigate(() => form.getByRole('button', { name: /^(Apply|Aplicar)$/ }).click());
  }

  /** Clicks the sort link in the column header with this name. */
  sortBy(column: string): Promise<void> {
    return this.navigate(() => this.page.getByRole('columnheader', { name: new RegExp(`^${column}`) }).getByRole('link').click());
  }

  next(): Promise<void> {
    return this.navigate(() => this.page.locator('a[rel="next"]').click());
  }

  previous(): Promise<void> {
    return this.navigate(() => this.page.locator('a[rel="prev"]').click());
  }

  async select(contactIds: number[]): Promise<void> {
    for (const id of contactIds) await this.row(id).locator('input[name="recipient"]').check();
  }

  /** Presses one of the selection form's buttons (CONTRACT intents) and waits for where it leads. */
  press(intent: 'resend' | 'resend_failed' | 'follow_up'): Promise<void> {
    return this.navigate(() => this.page.locator(`button[name="intent"][value="${intent}"]`).first().click());
  }

  get question() {
    return this.page.locator('#confirm-resend');
  }

  /** Answers the resend question with yes. */
  confirm(): Promise<void> {
    return this.navigate(() => this.question.locator('button[name="intent"]').click());
  }

  /** Answers the resend question with no. */
  keep(): Promise<void> {
    return this.navigate(() => this.question.getByRole('link').click());
  }

  notice(): Promise<string> {
    return this.page.locator('main [role="status"]').first().innerText();
  }

  /** The form's own message (a refusal), once shown. */
  async formMessage(): Promise<string> {
    const alert = this.page.locator('#recipients [role="alert"] p');
    await alert.waitFor();
    return alert.innerText();
  }

  csvHref(): Promise<string | null> {
    return this.page.locator('#recipients a[download]').getAttribute('href');
  }

  /** Runs `action` and waits until the address changed and the page settled. */
  async navigate(action: () => Promise<void>): Promise<void> {
    const before = this.page.url();
    await Promise.all([this.page.waitForURL((url) => url.href !== before, { timeout: 30_000 }), action()]);
    await this.page.waitForLoadState('load');
  }
}
