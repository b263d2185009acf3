// What the survey form shows after a submission: the outcome, the problem per
// question, and every answer as it was sent, so nothing typed is lost.
import type { AnswerProblem } from '@/lib/surveys/responses';

export type SurveyFormState = {
  status: 'editing' | 'saved' | 'invalid' | 'alreadySubmitted' | 'notFound';
  /** Keyed by question id. */
  problems: Record<number, AnswerProblem>;
  /** The `q_{id}` fields as submitted. */
  values: Record<string, string[]>;
  /** Counts submissions, so the fields re-mount with the values sent back. */
  attempt: number;
};

export const initialSurveyFormState: SurveyFormState = { status: 'editing', problems: {}, values: {}, attempt: 0 };

/** The form field of a question (CONTRACT: `q_{questionId}`, repeated for multiple choice). */
export const fieldName = (questionId: number) => `q_${questionId}`;
