// Opting a contact out or back in, from any source (a keyword, carrier error 21610, a
// manager, an import). The contact's opted_out_at is the state; opt_outs the history.
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { contacts, optOuts } from '@/db/schema';
import { recordOptOut } from '@/lib/messaging/rollups';

type OptOutSource = (typeof optOuts.$inferInsert)['source'];

export type OptChange = {
  accountId: number;
  contactId: number;
  source: OptOutSource;
  keyword?: string | null;
  messageId?: number | null;
  campaignId?: number | null;
  automationId?: number | null;
  userId?: number | null;
  at: Date;
};

/** Returns false when the contact was already opted out (nothing recorded twice). */
export async function optOutContact(tx: Executor, change: OptChange): Promise<boolean> {
  const [updated] = await tx
    .update(contacts)
    .set({ optedOutAt: change.at, updatedAt: change.at })
    .where(and(eq(contacts.accountId, change.accountId), eq(contacts.id, change.contactId), isNull(contacts.optedOutAt)))
    .returning({ id: contacts.id });
  if (!updated) return false;
  await tx.insert(optOuts).values({
    accountId: change.accountId,
    contactId: change.contactId,
    kind: 'opt_out',
    source: change.source,
    keyword: change.keyword ?? null,
    messageId: change.messageId ?? null,
    campaignId: change.campaignId ?? null,
    automationId: change.automationId ?? null,
    userId: change.userId ?? null,
    createdAt: change.at,
  });
  await recordOptOut(tx, {
    accountId: change.accountId,
    contactId: change.contactId,
    campaignId: change.campaignId ?? null,
    automationId: change.automationId ?? null,
    at: change.at,
  });
  return true;
}

/** Returns false when the contact was not opted out. */
export async function optInContact(tx: Executor, change: OptChange): Promise<boolean> {
  const [updated] = await tx
    .update(contacts)
    .set({ optedOutAt: null, updatedAt: change.at })
    .where(and(eq(contacts.accountId, change.accountId), eq(contacts.id, change.contactId), isNotNull(contacts.optedOutAt)))
    .returning({ id: contacts.id });
  if (!updated) return false;
  await tx.insert(optOuts).values({
    accountId: change.accountId,
    contactId: change.contactId,
    kind: 'opt_in',
    source: change.source,
    keyword: change.keyword ?? null,
    messageId: change.messageId ?? null,
    userId: change.userId ?? null,
    createdAt: change.at,
  });
  return true;
}
