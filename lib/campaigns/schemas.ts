// The forms of the Campaign tab (CONTRACT "recipients table on /campaigns/{id}"):
// checkboxes `recipient`, submit buttons `intent`, and the fields the confirmation
// step adds. Messages are catalog keys; the action wrapper translates them.
import { z } from 'zod';
import { MAX_SELECTION } from './recipient-params';

export const RECIPIENT_INTENTS = ['resend', 'resend_failed', 'follow_up'] as const;
export type RecipientIntent = (typeof RECIPIENT_INTENTS)[number];

const contactId = z
  .string()
  .regex(/^\d{1,15}$/, { error: 'campaign.errors.badSelection' })
  .transform(Number)
  .pipe(z.number().int().positive({ error: 'campaign.errors.badSelection' }));

export const recipientsActionSchema = z.object({
  intent: z.enum(RECIPIENT_INTENTS, { error: 'campaign.errors.unknownAction' }),
  recipient: z
    .array(contactId)
    .max(MAX_SELECTION, { error: 'campaign.errors.tooManySelected' })
    .transform((ids) => [...new Set(ids)])
    .default([]),
  /** `1` on the second submit, after the manager saw what will happen. */
  confirm: z.enum(['1'], { error: 'campaign.errors.unknownAction' }).optional(),
  /** The table's query string, so the answer comes back to the same filtered view. */
  view: z.string().max(2000, { error: 'campaign.errors.unknownAction' }).default(''),
});

export type RecipientsActionInput = z.output<typeof recipientsActionSchema>;

/** Canceling takes nothing but the campaign id bound to the form. */
export const cancelCampaignSchema = z.object({});
