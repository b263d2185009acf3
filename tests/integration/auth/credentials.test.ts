// Signing in against real rows: right and wrong passwords, unknown and disabled users,
// and the throttle that locks an email or an address after repeated failures.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { loginThrottle } from '@/db/schema';
import { authenticate, clientAddressFrom } from '@/lib/auth/credentials';
import { ADDRESS_RULE, EMAIL_RULE } from '@/lib/auth/throttle';
import { createAccount } from '@/tests/support/factories';
import { createLogin } from './helpers';

let accountId: number;
beforeAll(async () => {
  accountId = (await createAccount({ name: 'Credentials' })).id;
});

/** Ends every lock on `key`, as if its time had run out. */
async function expireLock(key: string) {
  await db
    .update(loginThrottle)
    .set({ lockedUntil: sql`now() - interval '1 second'` })
    .where(eq(loginThrottle.key, key));
}

describe('authenticate', () => {
  it('signs in with the right password and names the user, account and role', async () => {
    const { user, email, password } = await createLogin(accountId, { role: 'agent' });
    const result = await authenticate(email, password, '203.0.113.1');
    expect(result).toEqual({
      outcome: 'signed-in',
      user: { id: user.id, accountId, email, name: user.name, role: 'agent' },
    });
  });

  it('refuses a wrong password, an unknown email and a disabled user with the same answer', async () => {
    const active = await createLogin(accountId);
    const disabled = await createLogin(accountId, { disabledAt: new Date() });
    expect(await authenticate(active.email, `${active.password}x`, null)).toEqual({ outcome: 'invalid' });
    expect(await authenticate('nobody@auth.test', active.password, null)).toEqual({ outcome: 'invalid' });
    expect(await authenticate(disabled.email, disabled.password, null)).toEqual({ outcome: 'invalid' });
  });

  it('locks an email after five failures, with the minutes left, even for the right password', async () => {
    const { email, password } = await createLogin(accountId);
    for (let i = 1; i < EMAIL_RULE.maxFailures; i++) {
      expect(await authenticate(email, 'wrong', `198.51.100.${i}`)).toEqual({ outcome: 'invalid' });
    }
    expect(await authenticate(email, 'wrong', '198.51.100.99')).toEqual({ outcome: 'throttled', minutes: 15 });
    expect(await authenticate(email, password, '198.51.100.100')).toEqual({ outcome: 'throttled', minutes: 15 });

    await expireLock(`email:${email}`);
    expect(await authenticate(email, password, '198.51.100.101')).toMatchObject({ outcome: 'signed-in' });
  });

  it('locks an unknown email exactly like a known one', async () => {
    for (let i = 1; i < EMAIL_RULE.maxFailures; i++) await authenticate('ghost@auth.test', 'guess', null);
    expect(await authenticate('ghost@auth.test', 'guess', null)).toEqual({ outcome: 'throttled', minutes: 15 });
  });

  it('clears the email count on success, so earlier typos do not add up to a lock', async () => {
    const { email, password } = await createLogin(accountId);
    for (let i = 1; i < EMAIL_RULE.maxFailures; i++) await authenticate(email, 'typo', null);
    expect(await authenticate(email, password, null)).toMatchObject({ outcome: 'signed-in' });
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, `email:${email}`));
    expect(row).toBeUndefined();
    expect(await authenticate(email, 'typo', null)).toEqual({ outcome: 'invalid' });
  });

  it('locks an address that guesses across many emails, and a success elsewhere does not reset it', async () => {
    const address = '192.0.2.77';
    const own = await createLogin(accountId);
    for (let i = 1; i < ADDRESS_RULE.maxFailures; i++) {
      expect(await authenticate(`victim${i}@auth.test`, 'guess', address)).toEqual({ outcome: 'invalid' });
      if (i === 10) expect(await authenticate(own.email, own.password, address)).toMatchObject({ outcome: 'signed-in' });
    }
    expect(await authenticate('victim-last@auth.test', 'guess', address)).toEqual({ outcome: 'throttled', minutes: 15 });
    expect(await authenticate(own.email, own.password, address)).toEqual({ outcome: 'throttled', minutes: 15 });
    // The same account from elsewhere is not affected.
    expect(await authenticate(own.email, own.password, '192.0.2.78')).toMatchObject({ outcome: 'signed-in' });
  });

  it('counts failures arriving at the same time from several servers', async () => {
    const { email } = await createLogin(accountId);
    await Promise.all(Array.from({ length: EMAIL_RULE.maxFailures }, () => authenticate(email, 'wrong', null)));
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, `email:${email}`));
    expect(row?.failures).toBe(EMAIL_RULE.maxFailures);
    expect(row?.lockedUntil).not.toBeNull();
  });
});

describe('clientAddressFrom', () => {
  it('takes the first hop of X-Forwarded-For', () => {
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }))).toBe('203.0.113.9');
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '::1' }))).toBe('::1');
  });

  it('is null when absent or not plausibly an address', () => {
    expect(clientAddressFrom(new Headers())).toBeNull();
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': 'x'.repeat(500) }))).toBeNull();
  });
});
