// A 100,000-contact file through the real upload route: it is staged while it is
// still arriving, in batches, without the file or its rows piling up in memory, and
// then imported in one transaction.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { contactImportRows, contacts, contactTags } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/request';
import { STAGING_BATCH_SIZE } from '@/lib/contacts/csv-import';
import { applyImport } from '@/lib/contacts/import-commands';
import { getImportSummary } from '@/lib/contacts/import-queries';
import { createAccount } from '@/tests/support/factories';
import { createLogin } from '../auth/helpers';
import { fileUpload } from './helpers';

const request = vi.hoisted(() => ({ claims: null as SessionClaims | null }));
vi.mock('@/lib/auth/request', () => ({
  currentSessionClaims: () => Promise.resolve(request.claims),
  currentRequestPath: () => Promise.resolve('/contacts'),
}));

const { POST } = await import('@/app/(manager)/contacts/import/route');

const ROWS = 100_000;
// An extra column the import ignores makes the file big enough (≈ 30 MB) that holding
// it, or its rows, would show in the heap.
const NOTES = 'n'.repeat(240);

// The heap is measured after a full collection, so only what is still held counts.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function liveHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

let accountId: number;
beforeAll(async () => {
  accountId = (await createAccount({ name: 'Big list', country: 'US' })).id;
  const login = await createLogin(accountId);
  request.claims = { userId: login.user.id, accountId, sessionId: 'test-session' };
});

/** (312) 2xx-xxxx numbers, all valid and distinct. */
const phoneOf = (i: number) => `(312) ${200 + Math.floor(i / 10_000)}-${String(i % 10_000).padStart(4, '0')}`;

async function stagedSoFar(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(contactImportRows).where(eq(contactImportRows.accountId, accountId));
  return row!.n;
}

describe('a 100,000-row file', () => {
  it('streams into staging in batches with a small heap, then imports in one transaction', { timeout: 240_000 }, async () => {
    const sent = { bytes: 0, rows: 0, stagedWhileSending: 0 };
    const baseline = liveHeap();
    let peak = baseline;
    async function* file() {
      const header = 'first_name,last_name,phone,tags,notes\n';
      sent.bytes += header.length;
      yield header;
      for (let i = 0; i < ROWS; i += 500) {
        let chunk = '';
        for (let j = i; j < i + 500; j++) chunk += `Person${j},Family${j % 97},${phoneOf(j)},${j % 2 ? 'odd' : 'even'};bulk,${NOTES}\n`;
        sent.bytes += chunk.length;
        sent.rows += 500;
        yield chunk;
        if (sent.rows % 10_000 === 0) peak = Math.max(peak, liveHeap());
        // Near the end of the body, look at what the route has already written.
        if (sent.rows === ROWS - 5_000) sent.stagedWhileSending = await stagedSoFar();
      }
    }

    const response = await POST(fileUpload(file(), 'big.csv'));

    expect(response.status).toBe(303);
    const importId = Number(/\/contacts\/import\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
    expect(sent.bytes).toBeGreaterThan(25_000_000);
    // Rows reach the database while the body is still arriving, a batch at a time.
    expect(sent.stagedWhileSending).toBeGreaterThan(ROWS / 2);
    expect(sent.stagedWhileSending % STAGING_BATCH_SIZE).toBe(0);
    // What stays in memory while the body streams is a small part of the file
    // (which as a JavaScript string would take twice its bytes).
    expect(peak - baseline).toBeLessThan(sent.bytes / 5);

    expect(await getImportSummary({ accountId, userId: null, db }, importId)).toMatchObject({
      status: 'staged',
      totalRows: ROWS,
      validRows: ROWS,
      errorRows: 0,
      wouldCreate: ROWS,
    });

    const stagedAt = performance.now();
    const outcome = await applyImport({ accountId, userId: request.claims!.userId, db }, importId, { skipRowsWithErrors: false });
    console.log(
      `${ROWS} rows, ${Math.round(sent.bytes / 1e6)} MB: live heap grew at most ${Math.round((peak - baseline) / 1e6)} MB while staging; applied in ${Math.round(performance.now() - stagedAt)} ms`,
    );
    expect(outcome).toEqual({ status: 'imported', created: ROWS, updated: 0, tagsCreated: 3 });

    const [imported] = await db.select({ n: count() }).from(contacts).where(eq(contacts.accountId, accountId));
    expect(imported!.n).toBe(ROWS);
    const [tagged] = await db.select({ n: count() }).from(contactTags).where(eq(contactTags.accountId, accountId));
    expect(tagged!.n).toBe(2 * ROWS);
    const [last] = await db
      .select({ firstName: contacts.firstName, phone: contacts.phone })
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), eq(contacts.phone, '+13122099999')));
    expect(last).toEqual({ firstName: `Person${ROWS - 1}`, phone: '+13122099999' });
    // The staged copies of imported rows are gone.
    const [left] = await db
      .select({ n: count() })
      .from(contactImportRows)
      .where(and(eq(contactImportRows.accountId, accountId), isNotNull(contactImportRows.contact)));
    expect(left!.n).toBe(0);
    // Every contact came from the same transaction.
    const [moments] = await db.execute<{ n: number }>(sql`select count(distinct created_at)::int as n from contacts where account_id = ${accountId}`);
    expect(moments!.n).toBe(1);
  });
});
