'use server';
// A recipient sending their answers from /s/TOKEN. Recipients are not managers, so this
// is not a managerAction: the token is the only credential, and the survey's stored
// questions decide what is valid. Every outcome is a state the form shows, never an error page.
import { answerSurvey } from '@/lib/surveys/responses';
import type { SurveyFormState } from './survey-state';

const ANSWER_FIELD = /^q_\d{1,16}$/;
/** Enough to give back an over-long answer so it can be shortened, not a megabyte of it. */
const MAX_ECHOED_LENGTH = 10_000;
const MAX_ECHOED_FIELDS = 200;

export async function sendSurveyAnswers(token: unknown, previous: SurveyFormState, formData: FormData): Promise<SurveyFormState> {
  const values = answersIn(formData);
  const attempt = (previous?.attempt ?? 0) + 1;
  if (typeof token !== 'string') return { status: 'notFound', problems: {}, values, attempt };
  const outcome = await answerSurvey(token, (name) => formData.getAll(name).filter((v): v is string => typeof v === 'string'));
  return { status: outcome.status, problems: outcome.status === 'invalid' ? outcome.problems : {}, values, attempt };
}

function answersIn(formData: FormData): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const name of new Set(formData.keys())) {
    if (!ANSWER_FIELD.test(name) || Object.keys(values).length >= MAX_ECHOED_FIELDS) continue;
    values[name] = formData
      .getAll(name)
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 50)
      .map((v) => v.slice(0, MAX_ECHOED_LENGTH));
  }
  return values;
}
