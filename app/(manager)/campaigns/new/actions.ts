'use server';
// The composer's server actions, each through managerAction (session → manager → zod →
// command). One form action reads the pressed button: "Check" (`intent=check`) and
// "Replace" (`intent=replace_ucs2`) re-render the form with the draft's estimate,
// "Send now"/"Schedule" (`intent=send`) create the campaign and land on its page, or
// come back with every field as typed. The live estimate is the same check, asked for
// by the browser while the manager types.
import { randomUUID } from 'node:crypto';
import type { Route } from 'next';
import { initialFormState, managerAction, type FormState } from '@/lib/auth/action';
import { requireManager, type AccountInfo } from '@/lib/auth/session';
import { replaceUcs2Characters, segmentsOf } from '@/lib/billing/segments';
import { createCampaign, estimateCampaign, type CampaignEstimate } from '@/lib/campaigns/compose';
import { COMPOSER_LIMITS, composerSchema, readScheduledAt, tidyBody, type ComposerField, type ComposerRules } from '@/lib/campaigns/compose-schema';
import { findUnknownMergeFields } from '@/lib/messaging/merge-fields';
import type { ComposerState, EstimateView } from './_components/composer-state';

export async function composeCampaign(_previous: ComposerState, formData: FormData): Promise<ComposerState> {
  const { account } = await requireManager();
  const rules = rulesFor(account);
  const intent = formData.get('intent');
  if (intent === 'replace_ucs2') {
    const body = formData.get('body');
    if (typeof body === 'string') formData.set('body', replaceUcs2Characters(body, segmentsOf(body).ucs2Characters));
  }
  const values = echoedValues(formData);
  const body = typeof values.body === 'string' ? tidyBody(values.body) : '';
  const answer = { round: randomUUID(), values, unknownFields: findUnknownMergeFields(body) };

  if (intent === 'send') {
    const send = managerAction(composerSchema(rules), async (input, { ctx }) => {
      const { id } = await createCampaign(ctx, input, rules);
      return { redirectTo: `/campaigns/${id}` as Route, revalidate: ['/campaigns'] };
    });
    // Reached only when the campaign was not created: the errors, and the estimate beside them.
    const refused = await send(initialFormState, formData);
    const { estimate } = await checkDraft(rules, formData);
    return { ...refused, ...answer, estimate };
  }
  const { state, estimate } = await checkDraft(rules, formData);
  return { ...state, ...answer, estimate };
}

/** The estimate of the form as it stands, or null while it cannot be read (no body yet, a bad value). */
export async function estimateComposerDraft(formData: FormData): Promise<EstimateView | null> {
  const { account } = await requireManager();
  return (await checkDraft(rulesFor(account), formData)).estimate;
}

function rulesFor(account: AccountInfo): ComposerRules {
  return { timeZone: account.timeZone, now: new Date() };
}

/**
 * The draft's problems (those it can have before it is complete) and its estimate. A
 * draft with a problem (an unknown merge field, a time that does not exist) is still
 * estimated, from the fields that could be read.
 */
async function checkDraft(rules: ComposerRules, formData: FormData): Promise<{ state: FormState<ComposerField>; estimate: EstimateView | null }> {
  let estimate = null as EstimateView | null;
  const estimateWith = (mode: 'draft' | 'estimate') =>
    managerAction(composerSchema(rules, mode), async (input, { ctx, account }) => {
      if (input.body === '') return;
      const plan = { accountId: account.id, timeZone: account.timeZone, monthlyCredits: account.monthlyCredits, overagePricePerCredit: account.overagePricePerCredit };
      const scheduled = input.when === 'schedule' ? readScheduledAt(input.scheduled_at, rules) : null;
      const sendAt = scheduled?.ok ? scheduled.instant : rules.now;
      estimate = viewOf(await estimateCampaign(ctx, plan, { body: input.body, audience: input.audience, recipients: input.recipient, sendAt }, rules.now));
    });
  const state = await estimateWith('draft')(initialFormState, formData);
  if (!state.ok) await estimateWith('estimate')(initialFormState, formData);
  return { state, estimate };
}

function viewOf(estimate: CampaignEstimate): EstimateView {
  return {
    recipients: estimate.recipients,
    suppressed: estimate.suppressed,
    first: estimate.first,
    message: estimate.message,
    segments: estimate.segments.segments,
    encoding: estimate.segments.encoding,
    credits: estimate.credits,
    creditsBasis: estimate.creditsBasis,
    sendAt: estimate.sendAt.toISOString(),
    plan: estimate.plan,
  };
}

/** The fields as typed, to put back in the form (a body far past the limit is cut, not echoed whole). */
function echoedValues(formData: FormData): NonNullable<ComposerState['values']> {
  const values: NonNullable<ComposerState['values']> = {};
  for (const field of ['name', 'from', 'body', 'audience', 'survey', 'when', 'scheduled_at'] as const) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value.slice(0, COMPOSER_LIMITS.body * 2);
  }
  values.recipient = formData
    .getAll('recipient')
    .filter((value): value is string => typeof value === 'string')
    .slice(0, COMPOSER_LIMITS.recipients);
  return values;
}
