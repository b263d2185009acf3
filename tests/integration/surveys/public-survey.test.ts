// A recipient's side of /s/TOKEN: opening counts one view per recipient (link previews
// none), sending stores the answers once, and every bad form — a choice not offered, a
// rating of 6, a 3,000-character text, a missing answer, a made-up token — comes back as
// a message with what was typed, stores nothing and moves no counter.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { campaignRecipients, campaignStats, surveyAnswers, surveyInvitations } from '@/db/schema';
import { verifyStats } from '@/lib/stats';
import { answerSurvey, openSurvey } from '@/lib/surveys/responses';
import { sendSurveyAnswers } from '@/app/s/[token]/actions';
import { initialSurveyFormState } from '@/app/s/[token]/survey-state';
import { stopTestBoss, useTwilioTestEnvironment } from '../../support/messaging';
import { formDataOf, formOf, surveyCampaign, type SurveyWorld } from './helpers';

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

let world: SurveyWorld;

beforeAll(async () => {
  world = await surveyCampaign({ contacts: 8 });
}, 120_000);

async function stats() {
  const [row] = await db
    .select({ viewed: campaignStats.surveyViewed, responded: campaignStats.surveyResponded })
    .from(campaignStats)
    .where(and(eq(campaignStats.accountId, world.account.id), eq(campaignStats.campaignId, world.campaign.id)));
  return row!;
}

async function invitation(token: string) {
  const [row] = await db.select().from(surveyInvitations).where(and(eq(surveyInvitations.accountId, world.account.id), eq(surveyInvitations.token, token)));
  return row!;
}

async function answersOf(token: string) {
  const { id } = await invitation(token);
  return db.select().from(surveyAnswers).where(and(eq(surveyAnswers.accountId, world.account.id), eq(surveyAnswers.invitationId, id)));
}

/** A complete, valid form for the world's survey. */
function validForm(): Record<string, string | string[]> {
  const { q } = world;
  return {
    [`q_${q.single_choice.id}`]: 'A friend',
    [`q_${q.multiple_choice.id}`]: ['Kitchen', 'Decor'],
    [`q_${q.rating.id}`]: '4',
    [`q_${q.nps.id}`]: '9',
    [`q_${q.free_text.id}`]: 'Loved the candles',
  };
}

describe('opening a survey link', () => {
  it('shows the survey in the account’s words and counts one view per recipient, however often it is opened', async () => {
    const token = world.invitations[0]!.token;
    const before = await stats();
    const opened = await openSurvey(token);
    expect(opened?.account.name).toBe(world.account.name);
    expect(opened?.survey.name).toBe('Store visit');
    expect(opened?.questions.map((q) => q.kind)).toEqual(['single_choice', 'multiple_choice', 'rating', 'nps', 'free_text']);
    expect(opened?.submittedAt).toBeNull();
    await openSurvey(token);
    await openSurvey(token);
    expect(await stats()).toEqual({ viewed: before.viewed + 1, responded: before.responded });
    expect((await invitation(token)).viewCount).toBe(3);
    const [recipient] = await db
      .select({ viewedAt: campaignRecipients.surveyViewedAt })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.accountId, world.account.id), eq(campaignRecipients.contactId, world.invitations[0]!.contactId)));
    expect(recipient?.viewedAt).not.toBeNull();
  });

  it('records nothing for a link-preview fetch', async () => {
    const token = world.invitations[1]!.token;
    const before = await stats();
    expect(await openSurvey(token, new Date(), { recordView: false })).not.toBeNull();
    expect(await stats()).toEqual(before);
    expect(await invitation(token)).toMatchObject({ viewedAt: null, viewCount: 0 });
  });

  it('finds nothing for an unknown or malformed token', async () => {
    for (const token of ['AAAAAAAAAAAA', 'short', '../../etc', `${world.invitations[0]!.token}x`, '']) {
      expect(await openSurvey(token)).toBeNull();
    }
  });
});

describe('sending answers', () => {
  it('stores every answer once and counts the response (and the view, when the page was never opened)', async () => {
    const token = world.invitations[2]!.token;
    const before = await stats();
    expect(await answerSurvey(token, formOf(validForm()))).toEqual({ status: 'saved' });
    expect(await stats()).toEqual({ viewed: before.viewed + 1, responded: before.responded + 1 });
    const stored = await answersOf(token);
    const byQuestion = new Map(stored.map((a) => [a.questionId, a]));
    expect(byQuestion.get(world.q.single_choice.id)?.choices).toEqual(['A friend']);
    expect(byQuestion.get(world.q.multiple_choice.id)?.choices).toEqual(['Kitchen', 'Decor']);
    expect(byQuestion.get(world.q.rating.id)?.score).toBe(4);
    expect(byQuestion.get(world.q.nps.id)?.score).toBe(9);
    expect(byQuestion.get(world.q.free_text.id)?.text).toBe('Loved the candles');
    expect((await openSurvey(token))?.submittedAt).not.toBeNull();
  });

  it('refuses a second submission and keeps the first answers', async () => {
    const token = world.invitations[2]!.token;
    const before = await stats();
    const again = { ...validForm(), [`q_${world.q.rating.id}`]: '1' };
    expect(await answerSurvey(token, formOf(again))).toEqual({ status: 'alreadySubmitted' });
    expect(await stats()).toEqual(before);
    expect((await answersOf(token)).find((a) => a.questionId === world.q.rating.id)?.score).toBe(4);
  });

  it('lets two tabs race and stores one set of answers', async () => {
    const token = world.invitations[3]!.token;
    const outcomes = await Promise.all([answerSurvey(token, formOf(validForm())), answerSurvey(token, formOf(validForm()))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['alreadySubmitted', 'saved']);
    expect(await answersOf(token)).toHaveLength(5);
  });

  it.each([
    ['a choice the question does not offer', 'single_choice', 'Carrier pigeon', 'invalidChoice'],
    ['two answers to a single-choice question', 'single_choice', ['A friend', 'Google'], 'invalidChoice'],
    ['a multiple-choice answer with one unknown choice', 'multiple_choice', ['Kitchen', 'Garage'], 'invalidChoice'],
    ['a rating of 6', 'rating', '6', 'invalidScore'],
    ['a rating of 0', 'rating', '0', 'invalidScore'],
    ['a rating of 4.5', 'rating', '4.5', 'invalidScore'],
    ['an NPS of 11', 'nps', '11', 'invalidScore'],
    ['an NPS that is not a number', 'nps', 'ten', 'invalidScore'],
    ['a 3,000-character text', 'free_text', 'x'.repeat(3000), 'tooLong'],
    ['no answer to a required question', 'rating', '   ', 'required'],
  ] as const)('refuses %s with a message on that question and stores nothing', async (_case, kind, value, problem) => {
    const token = world.invitations[4]!.token;
    const before = await stats();
    const question = world.q[kind];
    const outcome = await answerSurvey(token, formOf({ ...validForm(), [`q_${question.id}`]: value as string | string[] }));
    expect(outcome).toEqual({ status: 'invalid', problems: { [question.id]: problem } });
    expect(await answersOf(token)).toHaveLength(0);
    expect((await invitation(token)).submittedAt).toBeNull();
    expect(await stats()).toEqual(before);
  });

  it('accepts an empty optional question and stores only what was answered', async () => {
    const token = world.invitations[5]!.token;
    const form = validForm();
    delete form[`q_${world.q.multiple_choice.id}`];
    form[`q_${world.q.free_text.id}`] = '  ';
    expect(await answerSurvey(token, formOf(form))).toEqual({ status: 'saved' });
    expect((await answersOf(token)).map((a) => a.questionId).sort()).toEqual([world.q.single_choice.id, world.q.rating.id, world.q.nps.id].sort());
  });

  it('answers a made-up token with "not found", never an error', async () => {
    expect(await answerSurvey('ZZZZZZZZZZZZ', formOf(validForm()))).toEqual({ status: 'notFound' });
    expect(await answerSurvey('<script>', formOf(validForm()))).toEqual({ status: 'notFound' });
  });
});

describe('the form action', () => {
  it('sends back every answer as typed with the problems, and saves once they are fixed', async () => {
    const token = world.invitations[6]!.token;
    const { q } = world;
    const long = 'y'.repeat(3000);
    const bad = { ...validForm(), [`q_${q.rating.id}`]: '6', [`q_${q.free_text.id}`]: long, [`q_${q.nps.id}`]: '' };
    const refused = await sendSurveyAnswers(token, initialSurveyFormState, formDataOf(bad));
    expect(refused.status).toBe('invalid');
    expect(refused.problems).toEqual({ [q.rating.id]: 'invalidScore', [q.free_text.id]: 'tooLong', [q.nps.id]: 'required' });
    expect(refused.values[`q_${q.multiple_choice.id}`]).toEqual(['Kitchen', 'Decor']);
    expect(refused.values[`q_${q.free_text.id}`]).toEqual([long]);
    expect(refused.attempt).toBe(1);
    expect(await answersOf(token)).toHaveLength(0);

    const saved = await sendSurveyAnswers(token, refused, formDataOf(validForm()));
    expect(saved).toMatchObject({ status: 'saved', problems: {}, attempt: 2 });
    const again = await sendSurveyAnswers(token, saved, formDataOf(validForm()));
    expect(again.status).toBe('alreadySubmitted');
  });

  it('does not echo fields that are not answers, nor a megabyte of one', async () => {
    const token = world.invitations[7]!.token;
    const state = await sendSurveyAnswers(token, initialSurveyFormState, formDataOf({ ...validForm(), [`q_${world.q.free_text.id}`]: 'z'.repeat(1_000_000), $ACTION_KEY: 'k', other: 'x' }));
    expect(state.status).toBe('invalid');
    expect(Object.keys(state.values).every((name) => /^q_\d+$/.test(name))).toBe(true);
    expect(state.values[`q_${world.q.free_text.id}`]![0]!.length).toBeLessThanOrEqual(10_000);
  });

  it('answers a token that is not a string with "not found"', async () => {
    const state = await sendSurveyAnswers({ token: 'x' }, initialSurveyFormState, formDataOf(validForm()));
    expect(state.status).toBe('notFound');
  });

  it('leaves every rollup equal to a recount from raw rows', async () => {
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from survey_answers where account_id = ${world.account.id}`);
    expect(row?.n).toBe(5 + 5 + 3 + 5);
  });
});
