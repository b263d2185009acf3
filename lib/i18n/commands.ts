// Writes that belong to the language choice: remembering it on the user's record so
// it follows them to other browsers (null: follow each browser's languages).
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import type { Locale } from './config';

export async function saveUserLocale(ctx: Ctx, locale: Locale | null): Promise<void> {
  if (ctx.userId === null) throw new Error('saveUserLocale needs a signed-in user');
  await ctx.db
    .update(users)
    .set({ locale })
    .where(and(eq(users.accountId, ctx.accountId), eq(users.id, ctx.userId)));
}
