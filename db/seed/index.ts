// PLACEHOLDER (being replaced by the demo-data task): creates the demo accounts and
// logins of CONTRACT.md so the launcher and sign-in can be exercised.
import { sql } from 'drizzle-orm';
import { connect } from '@/db/client';
import { accounts, loginEmails, phoneNumbers, numberRoutes, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';

export type SeedScale = 'S' | 'M' | 'L';
export type SeedOptions = { scale: SeedScale; seed: number; reset?: boolean; log?: (line: string) => void };

export const DEMO_LOGINS = [
  { email: 'manager@demo.test', password: 'demo-manager', role: 'manager', account: 'Demo' },
  { email: 'agent@demo.test', password: 'demo-agent', role: 'agent', account: 'Demo' },
  { email: 'manager@other.test', password: 'other-manager', role: 'manager', account: 'Other' },
] as const;

/** True when the database has no users yet (the launcher seeds only then). */
export async function databaseIsEmpty(url: string): Promise<boolean> {
  const { sql: client, db } = connect(url, { max: 1 });
  try {
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
    return (row?.n ?? 0) === 0;
  } finally {
    await client.end();
  }
}

export async function seedDemoData(url: string, options: SeedOptions): Promise<void> {
  const { sql: client, db } = connect(url, { max: 1 });
  try {
    await db.transaction(async (tx) => {
      for (const [name, zone, locale, number] of [
        ['Demo', 'America/New_York', 'en', '+12025550100'],
        ['Other', 'America/Sao_Paulo', 'pt-BR', '+5511955550100'],
      ] as const) {
        const [account] = await tx.insert(accounts).values({ name, timeZone: zone, locale }).returning();
        if (!account) throw new Error('account not created');
        const [phone] = await tx.insert(phoneNumbers).values({ accountId: account.id, e164: number }).returning();
        if (!phone) throw new Error('number not created');
        await tx.insert(numberRoutes).values({ e164: number, accountId: account.id, phoneNumberId: phone.id });
        for (const login of DEMO_LOGINS.filter((l) => l.account === name)) {
          const [user] = await tx
            .insert(users)
            .values({
              accountId: account.id,
              email: login.email,
              name: login.role === 'manager' ? `${name} Manager` : `${name} Agent`,
              role: login.role,
              passwordHash: await hashPassword(login.password),
            })
            .returning();
          if (!user) throw new Error('user not created');
          await tx.insert(loginEmails).values({ email: login.email, accountId: account.id, userId: user.id });
        }
      }
    });
    options.log?.(`seeded demo accounts (scale ${options.scale}, seed ${options.seed})`);
  } finally {
    await client.end();
  }
}
