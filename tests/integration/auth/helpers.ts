// Shared by the auth integration tests: users who can sign in, and a readable view of
// Next.js's thrown interrupts (redirect, forbidden, notFound).
import { db } from '@/db/client';
import { loginEmails } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { createUser } from '@/tests/support/factories';

let logins = 0;

/** A user with a password and a row in login_emails, as the seed creates them. */
export async function createLogin(
  accountId: number,
  options: { password?: string; role?: 'manager' | 'agent'; disabledAt?: Date; email?: string } = {},
) {
  logins += 1;
  const email = options.email ?? `login${logins}-${accountId}@auth.test`;
  const password = options.password ?? `secret-${logins}`;
  const user = await createUser(accountId, {
    email,
    role: options.role ?? 'manager',
    passwordHash: await hashPassword(password),
    disabledAt: options.disabledAt ?? null,
  });
  await db.insert(loginEmails).values({ email, accountId, userId: user.id });
  return { user, email, password };
}

export type Interrupt = { redirect: string } | { status: number } | { returned: unknown };

/** Runs `work` and says how Next.js would have ended it: a redirect, a 403/404, or a value. */
export async function interruptOf(work: () => Promise<unknown>): Promise<Interrupt> {
  try {
    return { returned: await work() };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== 'string') throw error;
    // NEXT_REDIRECT;<type>;<url>;<status>;  and  NEXT_HTTP_ERROR_FALLBACK;<status>
    const [kind, ...rest] = digest.split(';');
    if (kind === 'NEXT_REDIRECT') return { redirect: rest.slice(1, -2).join(';') };
    if (kind === 'NEXT_HTTP_ERROR_FALLBACK') return { status: Number(rest[0]) };
    throw error;
  }
}
