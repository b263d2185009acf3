// A campaign that sent a survey with one question of every kind, through the real
// fan-out and dispatch, plus each recipient's token and a form filler for /s/TOKEN.
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { campaigns, surveyInvitations, surveyQuestions } from '@/db/schema';
import { createSurvey } from '../../support/factories';
import { campaignWorld, phoneEndingIn, sendCampaign } from '../../support/messaging';

export const CHOICES = {
  heardFrom: ['Instagram', 'A friend', 'Walked by', 'Google'],
  shoppedFor: ['Kitchen', 'Bedding', 'Decor', 'Outdoor'],
};

export async function surveyCampaign(options: { contacts: number; names?: (index: number) => string }) {
  const world = await campaignWorld({
    contacts: Array.from({ length: options.contacts }, (_, i) => ({
      // Numbers ending in 0–7: the simulator's manual mode leaves them all pending, none suppressed.
      phone: phoneEndingIn(i % 8),
      firstName: options.names?.(i) ?? `Person${String(i).padStart(2, '0')}`,
      lastName: 'Test',
    })),
    body: 'Hi {first_name}, how did we do? {survey_link}',
  });
  const survey = await createSurvey(world.account.id, { name: 'Store visit', intro: 'Five quick questions.', thankYou: 'Thanks from the shop!' });
  const kinds = [
    { kind: 'single_choice', prompt: 'How did you hear about us?', choices: CHOICES.heardFrom, required: true },
    { kind: 'multiple_choice', prompt: 'What did you shop for?', choices: CHOICES.shoppedFor, required: false },
    { kind: 'rating', prompt: 'Rate your visit', choices: [], required: true },
    { kind: 'nps', prompt: 'Would you recommend us?', choices: [], required: true },
    { kind: 'free_text', prompt: 'Anything else?', choices: [], required: false },
  ] as const;
  const questions = await db
    .insert(surveyQuestions)
    .values(kinds.map((k, i) => ({ accountId: world.account.id, surveyId: survey.id, position: i + 1, kind: k.kind, prompt: k.prompt, choices: [...k.choices], required: k.required })))
    .returning();
  await db.update(campaigns).set({ surveyId: survey.id }).where(and(eq(campaigns.accountId, world.account.id), eq(campaigns.id, world.campaign.id)));
  await sendCampaign(world);

  const invitations = await db
    .select({ contactId: surveyInvitations.contactId, token: surveyInvitations.token })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.accountId, world.account.id), eq(surveyInvitations.campaignId, world.campaign.id)))
    .orderBy(asc(surveyInvitations.contactId));
  const byKind = Object.fromEntries(questions.map((q) => [q.kind, q])) as Record<(typeof kinds)[number]['kind'], (typeof questions)[number]>;
  return { ...world, survey, questions, q: byKind, invitations };
}

export type SurveyWorld = Awaited<ReturnType<typeof surveyCampaign>>;

/** A form as the browser posts it: field name → every value sent under it. */
export function formOf(fields: Record<string, string | string[] | undefined>): (name: string) => string[] {
  return (name) => {
    const value = fields[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
}

export function formDataOf(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}
