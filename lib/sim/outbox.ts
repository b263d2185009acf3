// What the simulator was asked to send for one account (the /sim page and its JSON),
// newest first, and the account's own numbers for the simulate-a-reply form.
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { phoneNumbers, simMessages } from '@/db/schema';
import type { Ctx } from '@/lib/context';

export const OUTBOX_LIMIT = 200;

export type OutboxText = { sid: string; to: string; from: string; body: string; createdAt: Date };

export async function simOutbox(ctx: Ctx, filter: { to?: string | null } = {}): Promise<OutboxText[]> {
  return ctx.db
    .select({ sid: simMessages.sid, to: simMessages.to, from: simMessages.from, body: simMessages.body, createdAt: simMessages.createdAt })
    .from(simMessages)
    .where(and(eq(simMessages.accountId, ctx.accountId), filter.to ? eq(simMessages.to, filter.to) : undefined))
    .orderBy(desc(simMessages.createdAt), desc(simMessages.id))
    .limit(OUTBOX_LIMIT);
}

export async function accountNumbers(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db
    .select({ e164: phoneNumbers.e164 })
    .from(phoneNumbers)
    .where(eq(phoneNumbers.accountId, ctx.accountId))
    .orderBy(phoneNumbers.id);
  return rows.map((r) => r.e164);
}
