// Surveys end to end: a manager finds a recipient who has not answered and their link on
// the Survey results tab, the recipient answers on a phone (first with a required answer
// missing, then in full), and the response shows in the tab's count and individual view.
// With JavaScript on and off; each run picks a recipient no earlier run has answered.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, describeWithAndWithoutJavaScript, newPage, screenshot, signIn } from './support/e2e';

/** A campaign of the demo account with a survey: the one with the most responses. */
async function campaignWithSurvey(manager: Page): Promise<number> {
  await manager.goto('/campaigns?sort=survey_responses&dir=desc');
  const ids = await manager.locator('tr[data-campaign-id]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-campaign-id'))));
  for (const id of ids.slice(0, 5)) {
    if ((await manager.goto(`/campaigns/${id}/survey`))?.status() === 200) return id;
  }
  throw new Error(`none of the campaigns ${ids.slice(0, 5).join(', ')} has a survey`);
}

async function responsesCount(manager: Page, campaignId: number): Promise<number> {
  await manager.goto(`/campaigns/${campaignId}/survey`);
  return Number(await manager.locator('[data-metric="survey_responses"]').getAttribute('data-count'));
}

/** A recipient who has not answered yet and their personal survey link, from the tab. */
async function awaitingRecipient(manager: Page, campaignId: number): Promise<{ contactId: number; link: string }> {
  await manager.goto(`/campaigns/${campaignId}/survey?view=individual&list=awaiting`);
  const candidates = await manager.locator('aside a[data-recipient]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
  for (const href of candidates.slice(0, 10)) {
    await manager.goto(href);
    const link = manager.locator('a[data-survey-link]');
    if ((await link.count()) === 1) {
      return { contactId: Number(new URL(href, 'http://x').searchParams.get('recipient')), link: (await link.getAttribute('href'))! };
    }
  }
  throw new Error('no recipient waiting to answer has a survey link');
}

/** Answers every question: the last option of each radio group, two boxes, a written answer. */
async function answerEverything(survey: Page, text: string) {
  for (const fieldset of await survey.locator('form fieldset').all()) {
    const labels = fieldset.locator('label');
    if ((await fieldset.locator('input[type="checkbox"]').count()) > 0) {
      await labels.nth(0).click();
      await labels.nth(1).click();
    } else {
      await labels.last().click();
    }
  }
  for (const textarea of await survey.locator('form textarea').all()) await textarea.fill(text);
}

describeWithAndWithoutJavaScript('a recipient answering a survey', (javaScript) => {
  it('is asked to fix a missing answer with nothing lost, then counted once in the results', async () => {
    const manager = await newPage({ javaScript });
    await signIn(manager, 'manager@demo.test', 'demo-manager');
    const campaignId = await campaignWithSurvey(manager);
    const before = await responsesCount(manager, campaignId);
    const { contactId, link } = await awaitingRecipient(manager, campaignId);
    expect(link).toMatch(/^\/s\/[0-9A-Za-z]{12}$/);

    const survey = await newPage({ javaScript, viewport: 'phone' });
    expect((await survey.goto(link))?.status()).toBe(200);
    expect(await survey.locator('meta[name="robots"]').first().getAttribute('content')).toContain('noindex');
    await expect.poll(() => survey.locator('h1').innerText()).not.toBe('');
    await screenshot(survey, `survey-phone-js-${javaScript ? 'on' : 'off'}`);

    // Only a written answer: the required questions are missing.
    const text = `Loved the e2e candles ${javaScript ? 'on' : 'off'} ${Date.now()}`;
    await survey.locator('form textarea').first().fill(text);
    await survey.locator('form [type="submit"]').click();
    await expect.poll(() => survey.locator('form [role="alert"]').innerText(), { timeout: 20_000 }).toMatch(/need(s)? your attention/);
    expect(await survey.locator('form [aria-invalid="true"]').count()).toBeGreaterThan(0);
    expect(await survey.locator('form textarea').first().inputValue()).toBe(text);
    await screenshot(survey, `survey-phone-invalid-js-${javaScript ? 'on' : 'off'}`);
    expect(await responsesCount(manager, campaignId)).toBe(before);

    await answerEverything(survey, text);
    await survey.locator('form [type="submit"]').click();
    await expect.poll(() => survey.locator('[role="status"]').first().innerText(), { timeout: 20_000 }).toMatch(/received|thank/i);
    await screenshot(survey, `survey-phone-thanks-js-${javaScript ? 'on' : 'off'}`);

    // Opening the link again says it was answered; the count moved by exactly one.
    await survey.goto(link);
    await expect.poll(() => survey.locator('[role="status"]').first().innerText()).toMatch(/already answered/i);
    expect(await responsesCount(manager, campaignId)).toBe(before + 1);
    await manager.goto(`/campaigns/${campaignId}/survey?view=individual&recipient=${contactId}`);
    await expect.poll(() => manager.locator(`article[data-recipient="${contactId}"]`).innerText()).toContain(text);
    await screenshot(manager, `survey-results-individual-js-${javaScript ? 'on' : 'off'}`);
  });
});

describeE2E('the survey results tab', () => {
  it('summarizes every question on a phone, and is only for the account’s managers', async () => {
    const manager = await newPage({ javaScript: true, viewport: 'phone' });
    await signIn(manager, 'manager@demo.test', 'demo-manager');
    const campaignId = await campaignWithSurvey(manager);
    const views = manager.locator('[data-metric="survey_views"]');
    expect(Number(await views.getAttribute('data-count'))).toBeGreaterThan(0);
    expect(await views.getAttribute('data-rate')).toMatch(/^\d+\.\d$/);
    expect(await manager.locator('section[id^="question-"]').count()).toBeGreaterThan(0);
    await screenshot(manager, 'survey-results-phone');

    const other = await newPage({ javaScript: true });
    await signIn(other, 'manager@other.test', 'other-manager');
    expect((await other.goto(`/campaigns/${campaignId}/survey`))?.status()).toBe(404);

    const agent = await newPage({ javaScript: false });
    await signIn(agent, 'agent@demo.test', 'demo-agent').catch(() => undefined);
    expect((await agent.goto(`/campaigns/${campaignId}/survey`))?.status()).toBe(403);
  });

  it('answers a survey link that does not exist with a friendly 404', async () => {
    for (const javaScript of [true, false]) {
      const visitor = await newPage({ javaScript, viewport: 'phone' });
      for (const token of ['AAAAAAAAAAAA', 'not-a-token']) {
        expect((await visitor.goto(`/s/${token}`))?.status()).toBe(404);
        // Drawn on the server, so it shows without JavaScript too (lib/routing/missing-pages.ts).
        await expect.poll(() => visitor.locator('h1').first().innerText()).toMatch(/doesn.t work/);
      }
      if (javaScript) await screenshot(visitor, 'survey-not-found-phone');
    }
  });
});
