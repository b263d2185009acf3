// A recipient's side of a survey (/s/TOKEN): opening it records a view, submitting it
// records the answers once. Both update the campaign's or automation's rollups in the
// same transaction.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db/client';
import { accounts, surveyAnswers, surveyInvitations, surveyQuestions, surveys, surveyTokens } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { isLinkCode } from '@/lib/messaging/links';
import { recordSurveyResponse, recordSurveyView } from '@/lib/messaging/rollups';

export type SurveyQuestion = typeof surveyQuestions.$inferSelect;

async function invitationFor(token: string) {
  // Survey tokens come from the same generator as link codes; anything else is not one.
  if (!isLinkCode(token)) return null;
  const [row] = await db
    .select({ invitation: surveyInvitations, survey: surveys, account: { name: accounts.name, locale: accounts.locale } })
    .from(surveyTokens)
    .innerJoin(surveyInvitations, and(eq(surveyInvitations.accountId, surveyTokens.accountId), eq(surveyInvitations.id, surveyTokens.invitationId)))
    .innerJoin(surveys, and(eq(surveys.accountId, surveyInvitations.accountId), eq(surveys.id, surveyInvitations.surveyId)))
    .innerJoin(accounts, eq(accounts.id, surveyInvitations.accountId))
    .where(eq(surveyTokens.token, token));
  return row ?? null;
}

type Invitation = typeof surveyInvitations.$inferSelect;

/**
 * Records a view; only the first one (decided under the row lock, so two concurrent
 * first views count once) reaches the rollups.
 */
async function markViewed(tx: Transaction, invitation: Invitation, at: Date, { countView }: { countView: boolean }) {
  const where = and(eq(surveyInvitations.accountId, invitation.accountId), eq(surveyInvitations.id, invitation.id));
  if (countView) await tx.update(surveyInvitations).set({ viewCount: sql`${surveyInvitations.viewCount} + 1` }).where(where);
  const [first] = await tx
    .update(surveyInvitations)
    .set({ viewedAt: at })
    .where(and(where, isNull(surveyInvitations.viewedAt)))
    .returning({ id: surveyInvitations.id });
  if (first) {
    await recordSurveyView(tx, { accountId: invitation.accountId, contactId: invitation.contactId, campaignId: invitation.campaignId, automationId: invitation.automationId, at });
  }
}

/**
 * The survey behind a token with its questions and the sending account (its name and
 * language), recording the view unless `recordView` is false (a link-preview fetcher
 * is not the recipient); null for an unknown token.
 */
export async function openSurvey(token: string, at = new Date(), { recordView = true }: { recordView?: boolean } = {}) {
  const found = await invitationFor(token);
  if (!found) return null;
  const { invitation, survey, account } = found;
  if (recordView) await db.transaction((tx) => markViewed(tx, invitation, at, { countView: true }));
  const questions = await questionsOf(invitation.accountId, survey.id);
  return { survey, questions, account, submittedAt: invitation.submittedAt };
}

function questionsOf(accountId: number, surveyId: number) {
  return db
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.accountId, accountId), eq(surveyQuestions.surveyId, surveyId)))
    .orderBy(asc(surveyQuestions.position));
}

/** The longest free-text answer a recipient may give. */
export const MAX_FREE_TEXT_LENGTH = 2000;

export type AnswerProblem = 'required' | 'invalidChoice' | 'invalidScore' | 'tooLong';

export type Answer = { questionId: number; choices?: string[]; score?: number; text?: string };

/**
 * Checks the submitted form against the questions: a choice must be one of the
 * question's, a rating 1–5, an NPS score 0–10, free text at most 2,000 characters,
 * and required questions answered. Returns the answers or the problems per question.
 */
export function readAnswers(questions: SurveyQuestion[], form: (name: string) => string[]) {
  const answers: Answer[] = [];
  const problems: Record<number, AnswerProblem> = {};
  for (const q of questions) {
    const values = form(`q_${q.id}`).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (q.required) problems[q.id] = 'required';
      continue;
    }
    switch (q.kind) {
      case 'single_choice':
      case 'multiple_choice': {
        const chosen = q.kind === 'single_choice' ? values.slice(0, 1) : [...new Set(values)];
        if (!chosen.every((c) => q.choices.includes(c)) || (q.kind === 'single_choice' && values.length > 1)) problems[q.id] = 'invalidChoice';
        else answers.push({ questionId: q.id, choices: chosen });
        break;
      }
      case 'rating':
      case 'nps': {
        const [min, max] = q.kind === 'rating' ? [1, 5] : [0, 10];
        const score = Number(values[0]);
        if (values.length > 1 || !Number.isInteger(score) || score < min || score > max) problems[q.id] = 'invalidScore';
        else answers.push({ questionId: q.id, score });
        break;
      }
      case 'free_text':
        if (values[0]!.length > MAX_FREE_TEXT_LENGTH) problems[q.id] = 'tooLong';
        else answers.push({ questionId: q.id, text: values[0] });
        break;
    }
  }
  return { answers, problems };
}

/** Stores the answers once; a second submission is refused with `alreadySubmitted`. */
export async function submitSurvey(token: string, answers: Answer[], at = new Date()): Promise<void> {
  const found = await invitationFor(token);
  if (!found) throw new DomainError('surveyNotFound');
  const { invitation } = found;
  await db.transaction(async (tx) => {
    // Submitting without having opened the page (a form posted directly) still counts as a view.
    await markViewed(tx, invitation, at, { countView: false });
    const [claimed] = await tx
      .update(surveyInvitations)
      .set({ submittedAt: at })
      .where(and(eq(surveyInvitations.accountId, invitation.accountId), eq(surveyInvitations.id, invitation.id), isNull(surveyInvitations.submittedAt)))
      .returning({ id: surveyInvitations.id });
    if (!claimed) throw new DomainError('alreadySubmitted');
    if (answers.length > 0) {
      await tx.insert(surveyAnswers).values(
        answers.map((a) => ({
          accountId: invitation.accountId,
          invitationId: invitation.id,
          questionId: a.questionId,
          choices: a.choices ?? null,
          score: a.score ?? null,
          text: a.text ?? null,
          createdAt: at,
        })),
      );
    }
    await recordSurveyResponse(tx, { accountId: invitation.accountId, contactId: invitation.contactId, campaignId: invitation.campaignId, automationId: invitation.automationId, at });
  });
}

export type SurveySubmission =
  | { status: 'saved' }
  | { status: 'invalid'; problems: Record<number, AnswerProblem> }
  | { status: 'alreadySubmitted' }
  | { status: 'notFound' };

/**
 * A recipient's form post, checked against the survey's questions as stored (never
 * the form's idea of them) and stored once. Nothing is written unless every answer is valid.
 */
export async function answerSurvey(token: string, form: (name: string) => string[], at = new Date()): Promise<SurveySubmission> {
  const found = await invitationFor(token);
  if (!found) return { status: 'notFound' };
  if (found.invitation.submittedAt) return { status: 'alreadySubmitted' };
  const { answers, problems } = readAnswers(await questionsOf(found.invitation.accountId, found.survey.id), form);
  if (Object.keys(problems).length > 0) return { status: 'invalid', problems };
  try {
    await submitSurvey(token, answers, at);
  } catch (error) {
    // Two tabs submitting at once: the row lock lets one through.
    if (error instanceof DomainError && error.messageKey === 'alreadySubmitted') return { status: 'alreadySubmitted' };
    throw error;
  }
  return { status: 'saved' };
}
