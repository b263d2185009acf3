// The built-in SMS simulator's outbox: what Pulse asked the simulated provider to
// send. It plays the part of Twilio's side, so it is keyed by the sender's account.
import { index, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { accountId, createdAt, id } from './columns';

export const simMessages = pgTable(
  'sim_messages',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    sid: text('sid').notNull(),
    /** The sender's idempotency key: asking twice for the same key returns the first sid. */
    idempotencyKey: text('idempotency_key').notNull(),
    to: text('to').notNull(),
    from: text('from').notNull(),
    body: text('body').notNull(),
    statusCallback: text('status_callback'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    unique('sim_messages_sid').on(t.accountId, t.sid),
    unique('sim_messages_idempotency_key').on(t.accountId, t.idempotencyKey),
    index('sim_messages_to').on(t.accountId, t.to, t.createdAt),
  ],
);
