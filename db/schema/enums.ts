// Every enum of the schema, in one module with no imports of its own, so the table
// modules (which reference each other) can all use them whatever order they load in.
import { pgEnum } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['manager', 'agent']);

export const numberKind = pgEnum('number_kind', ['long_code', 'toll_free', 'short_code']);

export const automationStatus = pgEnum('automation_status', ['active', 'inactive']);

export const automationTrigger = pgEnum('automation_trigger', [
  'contact_created',
  'tag_added',
  'keyword',
  'date',
  'recurring',
]);

export const automationAction = pgEnum('automation_action', ['send_message', 'send_survey']);

export const executionStatus = pgEnum('execution_status', ['scheduled', 'sent', 'failed', 'skipped', 'canceled']);

export const campaignStatus = pgEnum('campaign_status', ['draft', 'scheduled', 'sending', 'sent', 'canceled']);

/** A recipient's delivery bucket (DESIGN §5): the status of their latest message. */
export const recipientStatus = pgEnum('recipient_status', ['pending', 'delivered', 'failed', 'suppressed']);

export const optOutKind = pgEnum('opt_out_kind', ['opt_out', 'opt_in']);

export const optOutSource = pgEnum('opt_out_source', ['keyword', 'carrier', 'manual', 'import']);

export const messageDirection = pgEnum('message_direction', ['outbound', 'inbound']);

/**
 * Our own dispatch states (pending, ready, claimed, suppressed) followed by
 * Twilio's statuses. lib/messaging/status.ts ranks them; a row only moves to a
 * higher rank.
 */
export const messageStatus = pgEnum('message_status', [
  'pending',
  'ready',
  'claimed',
  'suppressed',
  'queued',
  'accepted',
  'scheduled',
  'sending',
  'sent',
  'delivered',
  'read',
  'undelivered',
  'failed',
  'canceled',
  'partially_delivered',
  'receiving',
  'received',
]);

export const messageEncoding = pgEnum('message_encoding', ['GSM-7', 'UCS-2']);

/** What an inbound message is, once classified (DESIGN §5). */
export const inboundKind = pgEnum('inbound_kind', ['reply', 'opt_out', 'opt_in', 'help']);

/** Why an outbound message exists. */
export const outboundKind = pgEnum('outbound_kind', ['campaign', 'automation', 'keyword_response']);

export const questionKind = pgEnum('question_kind', ['single_choice', 'multiple_choice', 'rating', 'nps', 'free_text']);

/** staged: parsed and checked, waiting for the manager; imported; discarded. */
export const contactImportStatus = pgEnum('contact_import_status', ['staged', 'imported', 'discarded']);
