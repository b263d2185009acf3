'use server';
// The Campaign tab's actions: the recipients form (resend to selected, resend to every
// failed one, follow up with a selection) and canceling a scheduled campaign. Resends
// ask first: the first post leads to the question, the second (`confirm=1`) sends.
import {
  campaignPath,
  confirmationPath,
  DEFAULT_VIEW,
  followUpHref,
  noticeParams,
  parseRecipientView,
  recipientsPath,
} from '@/lib/campaigns/recipient-params';
import { cancelCampaign, previewResend, requireSomethingToResend, resendToFailed, startFollowUp, type ResendSelection } from '@/lib/campaigns/commands';
import { cancelCampaignSchema, recipientsActionSchema } from '@/lib/campaigns/schemas';
import { managerActionWithId } from '@/lib/auth/action';

export const submitRecipients = managerActionWithId(recipientsActionSchema, async (campaignId, input, { ctx }) => {
  const view = parseRecipientView(new URLSearchParams(input.view));
  if (input.intent === 'follow_up') {
    const contactIds = await startFollowUp(ctx, campaignId, input.recipient);
    return { redirectTo: followUpHref(campaignId, contactIds) };
  }
  const selection: ResendSelection =
    input.intent === 'resend' ? { kind: 'selected', contactIds: input.recipient } : { kind: 'all_failed' };
  if (input.confirm !== '1') {
    requireSomethingToResend(selection, await previewResend(ctx, campaignId, selection));
    return {
      redirectTo: confirmationPath(campaignId, view, {
        intent: input.intent,
        contactIds: selection.kind === 'selected' ? selection.contactIds : [],
      }),
    };
  }
  const result = await resendToFailed(ctx, campaignId, selection);
  return {
    redirectTo: recipientsPath(campaignId, view, noticeParams({ kind: 'resent', count: result.resent, skippedOptedOut: result.skippedOptedOut })),
    revalidate: [campaignPath(campaignId), '/campaigns'],
  };
});

export const cancelScheduledCampaign = managerActionWithId(cancelCampaignSchema, async (campaignId, _input, { ctx }) => {
  const outcome = await cancelCampaign(ctx, campaignId);
  const notice = outcome === 'too_late' ? ({ kind: 'cancel_too_late' } as const) : ({ kind: 'canceled' } as const);
  return { redirectTo: recipientsPath(campaignId, DEFAULT_VIEW, noticeParams(notice)), revalidate: [campaignPath(campaignId), '/campaigns'] };
});
