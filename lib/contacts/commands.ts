// A manager opting a contact out or back in by hand: the change goes through the
// opt-out ledger (lib/messaging/opt-outs.ts) as a manual one naming the manager, and
// the audit log records who did it, in the same transaction.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auditEvents, contacts } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { optInContact, optOutContact } from '@/lib/messaging/opt-outs';

export type OptChangeOutcome = 'changed' | 'unchanged';

/** Opts the contact out; 'unchanged' when they already were (nothing is recorded twice). */
export function optOutByHand(ctx: Ctx, contactId: number, at = new Date()): Promise<OptChangeOutcome> {
  return changeByHand(ctx, contactId, 'contact.opt_out', (tx, change) => optOutContact(tx, { ...change, at }));
}

/** Opts the contact back in; 'unchanged' when they were not opted out. */
export function optInByHand(ctx: Ctx, contactId: number, at = new Date()): Promise<OptChangeOutcome> {
  return changeByHand(ctx, contactId, 'contact.opt_in', (tx, change) => optInContact(tx, { ...change, at }));
}

type ManualChange = { accountId: number; contactId: number; source: 'manual'; userId: number | null };

async function changeByHand(
  ctx: Ctx,
  contactId: number,
  action: 'contact.opt_out' | 'contact.opt_in',
  change: (tx: Executor, manual: ManualChange) => Promise<boolean>,
): Promise<OptChangeOutcome> {
  return ctx.db.transaction(async (tx) => {
    // Locked, so a keyword arriving at the same moment waits and sees the result.
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.accountId, ctx.accountId), eq(contacts.id, contactId)))
      .for('update');
    if (!contact) throw new NotFoundError('contact', contactId);
    const changed = await change(tx, { accountId: ctx.accountId, contactId, source: 'manual', userId: ctx.userId });
    if (!changed) return 'unchanged';
    await tx.insert(auditEvents).values({
      accountId: ctx.accountId,
      userId: ctx.userId,
      action,
      subjectType: 'contact',
      subjectId: contactId,
    });
    return 'changed';
  });
}
