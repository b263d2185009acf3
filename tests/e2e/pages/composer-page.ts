// The campaign composer (/campaigns/new) as a test talks to it: its fields by their
// contract names, the estimate's data-metric numbers, the field errors, and the
// "Check" and send buttons, with JavaScript on (server actions) or off (form posts).
import type { Page } from 'playwright-core';

export type ComposerFields = {
  name?: string;
  from?: string;
  body?: string;
  audience?: string;
  survey?: string;
  when?: 'now' | 'schedule';
  /** `YYYY-MM-DDTHH:mm` on the account's clock. */
  scheduledAt?: string;
};

export type Metric = { count: number; encoding: string | null };

export class ComposerPage {
  constructor(
    readonly page: Page,
    readonly javaScript: boolean,
  ) {}

  get form() {
    return this.page.locator('form').filter({ has: this.page.locator('textarea[name="body"]') });
  }

  async open(query = ''): Promise<number> {
    const response = await this.page.goto(`/campaigns/new${query}`);
    return response?.status() ?? 0;
  }

  async fill(fields: ComposerFields): Promise<void> {
    const form = this.form;
    if (fields.name !== undefined) await form.locator('input[name="name"]').fill(fields.name);
    if (fields.from !== undefined) await form.locator('select[name="from"]').selectOption(fields.from);
    if (fields.body !== undefined) await form.locator('textarea[name="body"]').fill(fields.body);
    if (fields.audience !== undefined) await form.locator('select[name="audience"]').selectOption(fields.audience);
    if (fields.survey !== undefined) await form.locator('select[name="survey"]').selectOption(fields.survey);
    if (fields.when !== undefined) await form.locator(`input[name="when"][value="${fields.when}"]`).check();
    if (fields.scheduledAt !== undefined) await form.locator('input[name="scheduled_at"]').fill(fields.scheduledAt);
  }

  /** Every field as the form holds it now. */
  async values(): Promise<Required<ComposerFields> & { recipients: string[] }> {
    const form = this.form;
    return {
      name: await form.locator('input[name="name"]').inputValue(),
      from: await form.locator('select[name="from"]').inputValue(),
      body: await form.locator('textarea[name="body"]').inputValue(),
      audience: await form.locator('select[name="audience"]').inputValue(),
      survey: await form.locator('select[name="survey"]').inputValue(),
      when: (await form.locator('input[name="when"]:checked').getAttribute('value')) as 'now' | 'schedule',
      scheduledAt: await form.locator('input[name="scheduled_at"]').inputValue(),
      recipients: await form.locator('input[type="hidden"][name="recipient"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    };
  }

  /** Presses "Check" and waits for the page to come back with the server's estimate. */
  async check(): Promise<void> {
    await this.press('check');
    await this.page.locator('[data-metric="recipients"]').waitFor();
  }

  /** Presses the send/schedule button and waits for the server's answer (a new page or the form again). */
  async submit(): Promise<void> {
    await this.press('send');
  }

  sendButton() {
    return this.form.locator('button[name="intent"][value="send"]');
  }

  /**
   * Without JavaScript a press posts the form and loads the answer; with it, the form
   * is re-rendered with a new `data-round` (or the app navigates away on success).
   */
  private async press(intent: 'check' | 'send'): Promise<void> {
    const button = this.form.locator(`button[name="intent"][value="${intent}"]:not([aria-hidden])`);
    if (!this.javaScript) {
      await Promise.all([this.page.waitForEvent('framenavigated', { timeout: 30_000 }), button.click()]);
      await this.page.waitForLoadState('load');
      return;
    }
    const round = await this.form.getAttribute('data-round');
    await button.click();
    await this.page.waitForFunction(
      (before) => {
        const form = document.querySelector('form[data-round]');
        return !form || form.getAttribute('data-round') !== before;
      },
      round,
      { timeout: 30_000 },
    );
  }

  async metric(name: string): Promise<Metric | null> {
    const element = this.page.locator(`[data-metric="${name}"]`);
    if ((await element.count()) === 0) return null;
    return { count: Number(await element.getAttribute('data-count')), encoding: await element.getAttribute('data-encoding') };
  }

  /** The error shown beside a field, or null. */
  async fieldError(name: string): Promise<string | null> {
    const error = this.page.locator(`#field-${name}-error`);
    return (await error.count()) === 0 ? null : (await error.innerText()).replace(/^Error:\s*/, '').trim();
  }

  /** The characters the UCS-2 hint names. */
  async ucs2Characters(): Promise<string[]> {
    return this.page.locator('[data-ucs2-character]').evaluateAll((items) => items.map((item) => item.getAttribute('data-ucs2-character') ?? ''));
  }
}
