// Contacts CSV import through the real upload route and the import's actions: a file
// is staged and checked by line before anything changes, applied all at once, never
// half; problems with the file as a whole send the manager back with the reason.
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, contactImportRows, contactImports, contacts, contactTags, tags } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/request';
import { applyImport } from '@/lib/contacts/import-commands';
import { getImportSummary, importErrors } from '@/lib/contacts/import-queries';
import type { Ctx } from '@/lib/context';
import { createAccount, createContact } from '@/tests/support/factories';
import { createLogin, interruptOf } from '../auth/helpers';
import { BOUNDARY, csv, fileUpload, HEADER, multipart, uploadRequest } from './helpers';

const request = vi.hoisted(() => ({ claims: null as SessionClaims | null }));
vi.mock('@/lib/auth/request', () => ({
  currentSessionClaims: () => Promise.resolve(request.claims),
  currentRequestPath: () => Promise.resolve('/contacts'),
}));
vi.mock('next-intl/server', async () => (await import('@/tests/support/next-intl-server')).inEnglish());
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { POST } = await import('@/app/(manager)/contacts/import/route');
const { decideImport } = await import('@/app/(manager)/contacts/import/[id]/actions');

let accountId: number;
let ctx: Ctx;
let manager: SessionClaims;
let agent: SessionClaims;
let otherManager: SessionClaims;

beforeAll(async () => {
  accountId = (await createAccount({ name: 'Importers', country: 'US' })).id;
  const otherAccountId = (await createAccount({ name: 'Elsewhere' })).id;
  const m = await createLogin(accountId);
  manager = { userId: m.user.id, accountId, sessionId: 'test-session' };
  agent = { userId: (await createLogin(accountId, { role: 'agent' })).user.id, accountId, sessionId: 'test-session' };
  otherManager = { userId: (await createLogin(otherAccountId)).user.id, accountId: otherAccountId, sessionId: 'test-session' };
  ctx = { accountId, userId: m.user.id, db };
});
beforeEach(() => {
  request.claims = manager;
});

/** Posts the file and returns where the route sent the browser. */
async function upload(req: Request): Promise<string> {
  const response = await POST(req);
  expect(response.status).toBe(303);
  return response.headers.get('location')!;
}

async function stage(body: string): Promise<number> {
  const location = await upload(fileUpload(body));
  const match = /^\/contacts\/import\/(\d+)$/.exec(location);
  if (!match) throw new Error(`expected an import page, got ${location}`);
  return Number(match[1]);
}

function decision(intent: string): FormData {
  const form = new FormData();
  form.append('intent', intent);
  return form;
}

async function contactByPhone(phone: string) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.phone, phone)));
  return row;
}

async function tagsOfContact(contactId: number): Promise<string[]> {
  const rows = await db
    .select({ name: tags.name })
    .from(contactTags)
    .innerJoin(tags, and(eq(tags.accountId, contactTags.accountId), eq(tags.id, contactTags.tagId)))
    .where(and(eq(contactTags.accountId, accountId), eq(contactTags.contactId, contactId)))
    .orderBy(sql`lower(${tags.name})`);
  return rows.map((row) => row.name);
}

async function contactCount(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(contacts).where(eq(contacts.accountId, accountId));
  return row!.n;
}

describe('a clean file', () => {
  it('is staged and checked without touching contacts, then imported with its tags', async () => {
    const before = await contactCount();
    const importId = await stage(
      csv(
        HEADER,
        'Ana,Souza,(202) 555-0101,America/Sao_Paulo,VIP; newsletter ,1990-04-12',
        'Bruno,,202.555.0102,,newsletter;;,',
        ',,+1 202 555 0103,,,',
      ),
    );
    expect(await contactCount()).toBe(before);
    expect(await getImportSummary(ctx, importId)).toMatchObject({
      status: 'staged',
      filename: 'contacts.csv',
      totalRows: 3,
      validRows: 3,
      errorRows: 0,
      wouldCreate: 3,
      wouldUpdate: 0,
    });

    expect(await interruptOf(() => decideImport(importId, decision('import')))).toEqual({ redirect: `/contacts/import/${importId}` });
    const ana = await contactByPhone('+12025550101');
    expect(ana).toMatchObject({ firstName: 'Ana', lastName: 'Souza', timeZone: 'America/Sao_Paulo', birthday: '1990-04-12' });
    expect(await tagsOfContact(ana!.id)).toEqual(['newsletter', 'VIP']);
    expect(await tagsOfContact((await contactByPhone('+12025550102'))!.id)).toEqual(['newsletter']);
    expect(await contactByPhone('+12025550103')).toMatchObject({ firstName: '', lastName: '', timeZone: null, birthday: null });
    expect(await getImportSummary(ctx, importId)).toMatchObject({ status: 'imported', createdContacts: 3, updatedContacts: 0 });

    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.subjectType, 'contact_import'), eq(auditEvents.subjectId, importId)));
    expect(audit).toMatchObject({ action: 'contact_import.apply', userId: manager.userId, details: { created: 3, updated: 0 } });
  });

  it('updates the contact of a phone the account has, keeping what the file leaves empty and every tag it had', async () => {
    const existing = await createContact(accountId, { firstName: 'Carla', lastName: 'Dias', phone: '+12025550111', timeZone: 'America/Chicago', birthday: '1985-01-02' });
    const [gold] = await db.insert(tags).values({ accountId, name: 'Gold' }).returning();
    await db.insert(contactTags).values({ accountId, contactId: existing.id, tagId: gold!.id });

    const importId = await stage(csv('phone,first_name,tags,notes', '2025550111,Carolina,gold;Spring sale,ignored column', '(202) 555-0112,Davi,spring SALE,'));
    expect(await getImportSummary(ctx, importId)).toMatchObject({ wouldCreate: 1, wouldUpdate: 1 });
    await interruptOf(() => decideImport(importId, decision('import')));

    expect(await contactByPhone('+12025550111')).toMatchObject({
      id: existing.id,
      firstName: 'Carolina',
      lastName: 'Dias',
      timeZone: 'America/Chicago',
      birthday: '1985-01-02',
    });
    // "gold" is the account's Gold; "spring SALE" on a later line is the tag the first line created.
    expect(await tagsOfContact(existing.id)).toEqual(['Gold', 'Spring sale']);
    expect(await tagsOfContact((await contactByPhone('+12025550112'))!.id)).toEqual(['Spring sale']);
    expect(await getImportSummary(ctx, importId)).toMatchObject({ createdContacts: 1, updatedContacts: 1 });
  });

  it('does nothing the second time it is submitted', async () => {
    const importId = await stage(csv('phone,tags', '2025550121,Twice'));
    await interruptOf(() => decideImport(importId, decision('import')));
    const contactsAfterFirst = await contactCount();
    const auditsAfterFirst = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.accountId, accountId));
    expect(await interruptOf(() => decideImport(importId, decision('import')))).toEqual({ redirect: `/contacts/import/${importId}` });
    expect(await applyImport(ctx, importId, { skipRowsWithErrors: true })).toEqual({ status: 'already_done' });
    expect(await contactCount()).toBe(contactsAfterFirst);
    expect(await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.accountId, accountId))).toEqual(auditsAfterFirst);
    expect(await getImportSummary(ctx, importId)).toMatchObject({ status: 'imported', createdContacts: 1 });
  });
});

describe('a file with errors', () => {
  const withErrors = csv(
    HEADER,
    'Eva,Lima,202 555 0131,America/New_York,,1970-01-01', // line 2: fine
    'Fábio,,not a phone,,,', // line 3
    'Gil,,2025550132,Mars/Olympus,,2026-02-30', // line 4: zone and birthday
    '"Helena ""Lena""",,2025550133,,' + 'x'.repeat(51) + ',', // line 5: a tag too long
    '"Multi',
    'line",,,,,', // lines 6–7: no phone
    ',,,,,', // line 8: blank, skipped
    'Igor,,(202) 555-0131,,,', // line 9: Eva's number again
    `${'N'.repeat(101)},,2025550134,,,`, // line 10: name too long
  );

  it('lists every problem by line and column, and imports nothing until the manager chooses', async () => {
    const before = await contactCount();
    const importId = await stage(withErrors);
    expect(await getImportSummary(ctx, importId)).toMatchObject({ totalRows: 7, validRows: 1, errorRows: 6, wouldCreate: 1 });
    expect((await importErrors(ctx, importId)).rows).toEqual([
      { line: 3, errors: [{ column: 'phone', problem: 'not_a_number' }] },
      {
        line: 4,
        errors: [
          { column: 'time_zone', problem: 'unknown' },
          { column: 'birthday', problem: 'invalid' },
        ],
      },
      { line: 5, errors: [{ column: 'tags', problem: 'too_long' }] },
      { line: 6, errors: [{ column: 'phone', problem: 'required' }] },
      { line: 9, errors: [{ column: 'phone', problem: 'duplicate' }] },
      { line: 10, errors: [{ column: 'first_name', problem: 'too_long' }] },
    ]);

    expect(await decideImport(importId, { ok: false }, decision('import'))).toEqual({
      ok: false,
      message: 'Some rows have problems. Choose “Import the valid rows” to skip them.',
      values: { intent: 'import' },
    });
    expect(await contactCount()).toBe(before);
    expect(await getImportSummary(ctx, importId)).toMatchObject({ status: 'staged' });

    await interruptOf(() => decideImport(importId, decision('import_valid')));
    expect(await contactCount()).toBe(before + 1);
    expect(await contactByPhone('+12025550131')).toMatchObject({ firstName: 'Eva' });
    expect(await contactByPhone('+12025550133')).toBeUndefined();
    // The skipped rows are still listed on the import's page.
    expect(await getImportSummary(ctx, importId)).toMatchObject({ status: 'imported', createdContacts: 1, errorRows: 6 });
    expect((await importErrors(ctx, importId)).rows.map((row) => row.line)).toEqual([3, 4, 5, 6, 9, 10]);
  });

  it('pages through errors by line, forwards and back', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `Row${i},,bad${i},,,`);
    const importId = await stage(csv(HEADER, ...lines));
    const first = await importErrors(ctx, importId, { after: 0 }, 10);
    expect(first.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(first.previousBefore).toBeNull();
    const second = await importErrors(ctx, importId, { after: first.nextAfter! }, 10);
    expect(second.rows[0]!.line).toBe(12);
    const last = await importErrors(ctx, importId, { after: second.nextAfter! }, 10);
    expect(last.rows.map((row) => row.line)).toEqual([22, 23, 24, 25, 26]);
    expect(last.nextAfter).toBeNull();
    const back = await importErrors(ctx, importId, { before: last.previousBefore! }, 10);
    expect(back.rows).toEqual(second.rows);
    const backToStart = await importErrors(ctx, importId, { before: back.previousBefore! }, 10);
    expect(backToStart.rows).toEqual(first.rows);
    expect(backToStart.previousBefore).toBeNull();
  });

  it('can be discarded, leaving no rows behind', async () => {
    const importId = await stage(withErrors);
    await interruptOf(() => decideImport(importId, decision('discard')));
    expect(await getImportSummary(ctx, importId)).toMatchObject({ status: 'discarded' });
    const rows = await db.select({ n: count() }).from(contactImportRows).where(eq(contactImportRows.importId, importId));
    expect(rows[0]!.n).toBe(0);
    expect(await applyImport(ctx, importId, { skipRowsWithErrors: true })).toEqual({ status: 'already_done' });
  });

  it('is imported all or nothing: a row the database refuses rolls back every other one', async () => {
    const before = await contactCount();
    const importId = await stage(csv('phone,first_name', '2025550141,Jo', '2025550142,Ka'));
    // A staged row corrupted after the checks (a date PostgreSQL refuses) fails the whole apply.
    await db.execute(sql`
      update contact_import_rows set contact = jsonb_set(contact, '{birthday}', '"2026-02-30"')
      where account_id = ${accountId} and import_id = ${importId} and line = 3`);
    await expect(applyImport(ctx, importId, { skipRowsWithErrors: false })).rejects.toThrow();
    expect(await contactCount()).toBe(before);
    expect(await getImportSummary(ctx, importId)).toMatchObject({ status: 'staged' });
  });
});

describe('who may import', () => {
  it('refuses an agent, a signed-out visitor and a post from another site, staging nothing', async () => {
    const importsBefore = await db.select({ n: count() }).from(contactImports).where(eq(contactImports.accountId, accountId));
    request.claims = agent;
    expect((await POST(fileUpload(csv('phone', '2025550151')))).status).toBe(403);
    request.claims = null;
    expect((await POST(fileUpload(csv('phone', '2025550151')))).status).toBe(401);
    request.claims = manager;
    expect((await POST(fileUpload(csv('phone', '2025550151'), 'c.csv', { origin: 'https://evil.example' }))).status).toBe(403);
    expect((await POST(fileUpload(csv('phone', '2025550151'), 'c.csv', { origin: null }))).status).toBe(403);
    expect(await db.select({ n: count() }).from(contactImports).where(eq(contactImports.accountId, accountId))).toEqual(importsBefore);
  });

  it('answers 404 for another account’s import, and to an agent 403', async () => {
    const importId = await stage(csv('phone', '2025550152'));
    request.claims = otherManager;
    expect(await interruptOf(() => decideImport(importId, decision('import')))).toEqual({ status: 404 });
    await expect(getImportSummary({ ...ctx, accountId: otherManager.accountId }, importId)).rejects.toThrow(/not found/);
    request.claims = agent;
    expect(await interruptOf(() => decideImport(importId, decision('import')))).toEqual({ status: 403 });
    expect(await getImportSummary(ctx, importId)).toMatchObject({ status: 'staged' });
  });
});

describe('a file refused as a whole', () => {
  const cases: Array<[string, Request, string]> = [
    ['without a phone column', fileUpload(csv('name,mobile', 'Ana,2025550161')), '/contacts?import_error=missing_phone_column&line=1#import'],
    ['empty', fileUpload(''), '/contacts?import_error=empty#import'],
    ['with only a header', fileUpload(csv(HEADER, ',,,,,')), '/contacts?import_error=header_only#import'],
    ['not UTF-8 (Latin-1)', fileUpload(Buffer.from('first_name,phone\nJos\xe9,2025550162\n', 'latin1')), '/contacts?import_error=not_utf8#import'],
    ['with a quote never closed', fileUpload(csv('phone,first_name', '2025550163,"Ana', '2025550164,Bia')), '/contacts?import_error=malformed&line=2#import'],
    ['without a file field', uploadRequest(multipart([{ name: 'note', content: 'hello' }])), '/contacts?import_error=no_file#import'],
    ['not a multipart form', uploadRequest(multipart([]), { contentType: 'application/x-www-form-urlencoded' }), '/contacts?import_error=no_file#import'],
    ['declared larger than the limit', fileUpload(csv('phone', '2025550165'), 'big.csv', { contentLength: 60 * 1024 * 1024 }), '/contacts?import_error=too_large&limit=50#import'],
  ];

  it.each(cases)('sends the manager back with the reason when the file is %s, keeping nothing', async (_name, req, expected) => {
    const before = await db.select({ n: count() }).from(contactImports).where(eq(contactImports.accountId, accountId));
    expect(await upload(req)).toBe(expected);
    expect(await db.select({ n: count() }).from(contactImports).where(eq(contactImports.accountId, accountId))).toEqual(before);
  });

  it('reads a byte-order mark, Windows line ends and header names written like labels', async () => {
    const importId = await stage('\ufeffFirst Name,PHONE,Time-Zone\r\nLia,2025550171,america/new_york\r\n');
    await interruptOf(() => decideImport(importId, decision('import')));
    expect(await contactByPhone('+12025550171')).toMatchObject({ firstName: 'Lia', timeZone: 'America/New_York' });
  });

  it('refuses a body that breaks off in the middle of the file', async () => {
    const before = await db.select({ n: count() }).from(contactImports).where(eq(contactImports.accountId, accountId));
    function* cutShort() {
      yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n`);
      yield Buffer.from('phone\n2025550181\n2025550182\n');
    }
    expect(await upload(uploadRequest(cutShort()))).toBe('/contacts?import_error=incomplete#import');
    // Shorter than it said it was: cut on the server's side (Next.js caps bodies that pass through the
    // proxy, just short of its limit), so the limit is the size that got through, to the nearest MB.
    expect(await upload(uploadRequest(cutShort(), { contentLength: 12 * 1024 * 1024 }))).toBe('/contacts?import_error=too_large&limit=1#import');
    expect(await db.select({ n: count() }).from(contactImports).where(eq(contactImports.accountId, accountId))).toEqual(before);
  });

  it('stops reading a file past 50 MB and keeps none of it', { timeout: 180_000 }, async () => {
    const before = await db.select({ n: count() }).from(contactImportRows).where(eq(contactImportRows.accountId, accountId));
    const padding = 'p'.repeat(2000);
    function* huge() {
      yield 'phone,notes\n';
      for (let i = 0; i < 27_000; i++) yield `(312) ${200 + Math.floor(i / 10_000)}-${String(i % 10_000).padStart(4, '0')},${padding}\n`;
    }
    expect(await upload(fileUpload(huge(), 'huge.csv'))).toBe('/contacts?import_error=too_large#import');
    expect(await db.select({ n: count() }).from(contactImportRows).where(eq(contactImportRows.accountId, accountId))).toEqual(before);
  });
});
