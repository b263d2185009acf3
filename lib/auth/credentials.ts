// Checks an email and password against the users table, with throttling. Whether the
// email exists is never revealed: same answer, and the same argon2 work either way.
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { loginEmails, users } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';
import { lockedMinutes, recordFailure, recordSuccess, throttleKeys } from './throttle';

export type AuthenticatedUser = {
  id: number;
  accountId: number;
  email: string;
  name: string;
  role: 'manager' | 'agent';
};

export type Authentication =
  | { outcome: 'signed-in'; user: AuthenticatedUser }
  | { outcome: 'invalid' }
  | { outcome: 'throttled'; minutes: number };

let dummyHash: Promise<string> | undefined;

/** A real argon2 hash to verify against when the email is unknown, so timing matches. */
function hashForUnknownEmail(): Promise<string> {
  dummyHash ??= hashPassword('pulse-unknown-email-timing-equalizer');
  return dummyHash;
}

/**
 * Signs in `email` (already normalized: trimmed, NFC, lower-case) with `password`.
 * `clientAddress` is the caller's address, or null when unknown.
 */
export async function authenticate(email: string, password: string, clientAddress: string | null): Promise<Authentication> {
  const keys = throttleKeys(email, clientAddress);
  const lockedFor = await lockedMinutes(keys);
  if (lockedFor > 0) return { outcome: 'throttled', minutes: lockedFor };

  const [found] = await db
    .select({
      id: users.id,
      accountId: users.accountId,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(loginEmails)
    .innerJoin(users, and(eq(users.accountId, loginEmails.accountId), eq(users.id, loginEmails.userId)))
    .where(eq(loginEmails.email, email))
    .limit(1);

  const passwordMatches = await verifyPassword(found?.passwordHash ?? (await hashForUnknownEmail()), password);
  if (!found || !passwordMatches || found.disabledAt !== null) {
    const minutes = await recordFailure(keys);
    return minutes > 0 ? { outcome: 'throttled', minutes } : { outcome: 'invalid' };
  }

  await recordSuccess(email);
  const { passwordHash: _hash, disabledAt: _disabled, ...user } = found;
  return { outcome: 'signed-in', user };
}

/** The client's address: the first hop of X-Forwarded-For (which Next.js fills from the socket). */
export function clientAddressFrom(headers: Headers): string | null {
  const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  // An address is short; anything else is junk we do not want as a key.
  return first && first.length <= 64 ? first : null;
}
