// GET /campaigns/{id}/recipients.csv: exactly the rows the table's filter shows, in
// its order, with the CONTRACT columns and ISO 8601 UTC times; cells that a
// spreadsheet would run as formulas are defused; only the campaign's own managers get
// it; and a campaign of hundreds of thousands of recipients streams in constant memory.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { campaignRecipients } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/request';
import { allRecipients } from '@/lib/campaigns/recipients';
import { encodeCursor, parseRecipientView } from '@/lib/campaigns/recipient-params';
import type { Ctx } from '@/lib/context';
import { createAccount, createCampaign, createContact, createOutboundMessage, createPhoneNumber } from '../../support/factories';
import { createLogin } from '../auth/helpers';

const request = vi.hoisted(() => ({ claims: null as SessionClaims | null }));
vi.mock('@/lib/auth/request', () => ({
  currentSessionClaims: () => Promise.resolve(request.claims),
  currentRequestPath: () => Promise.resolve('/campaigns'),
}));
vi.mock('next-intl/server', async () => (await import('@/tests/support/next-intl-server')).inEnglish());

const { GET } = await import('@/app/(manager)/campaigns/[id]/recipients.csv/route');

const COLUMNS =
  'contact_id,name,phone,status,error_code,message_sid,sent_at,delivered_at,replied_at,reply,opted_out_at,clicks,survey_viewed_at,survey_responded_at';

let ctx: Ctx;
let campaignId: number;
let manager: SessionClaims;
let agent: SessionClaims;
let outsider: SessionClaims;
const contactIds: Record<string, number> = {};

function exportCsv(id: number | string, query = ''): Promise<Response> {
  return GET(new Request(`http://localhost/campaigns/${id}/recipients.csv${query}`), { params: Promise.resolve({ id: String(id) }) });
}

async function rowsOf(response: Response): Promise<Record<string, string>[]> {
  return parse<Record<string, string>>(await response.text(), { columns: true });
}

beforeAll(async () => {
  const account = await createAccount({ name: 'Export' });
  ctx = { accountId: account.id, userId: null, db };
  const number = await createPhoneNumber(account.id);
  const campaign = await createCampaign(account.id, { fromNumberId: number.id, status: 'sent', sentAt: new Date('2026-03-01T15:00:00Z') });
  campaignId = campaign.id;
  const people = [
    { key: 'ana', first: 'Ana', last: 'Souza', phone: '+14155550101', status: 'delivered' as const, reply: 'Sim, obrigada! 😊', clicks: 2 },
    { key: 'formula', first: '=HYPERLINK("http://evil.example","click")', last: '', phone: '+14155550102', status: 'failed' as const, reply: null, clicks: 0 },
    { key: 'pipe', first: 'Bob', last: 'Lee', phone: '+14155550103', status: 'delivered' as const, reply: '+cmd|\' /C calc\'!A0', clicks: 0 },
    { key: 'comma', first: 'Lee, "Junior"', last: 'Park', phone: '+14155550104', status: 'pending' as const, reply: 'line one\nline two', clicks: 1 },
    { key: 'minus', first: 'Dee', last: 'Ray', phone: '+14155550105', status: 'delivered' as const, reply: '-5', clicks: 0 },
    { key: 'nameless', first: '', last: '', phone: '+14155550106', status: 'suppressed' as const, reply: null, clicks: 0 },
  ];
  for (const p of people) {
    const contact = await createContact(account.id, { firstName: p.first, lastName: p.last, phone: p.phone });
    contactIds[p.key] = contact.id;
    const message =
      p.status === 'suppressed'
        ? null
        : await createOutboundMessage(account.id, {
            contactId: contact.id,
            phoneNumberId: number.id,
            campaignId,
            status: p.status === 'pending' ? 'sent' : p.status,
            sentAt: new Date('2026-03-01T15:00:01.250Z'),
          });
    const name = `${p.first} ${p.last}`.trim();
    await db.insert(campaignRecipients).values({
      accountId: account.id,
      campaignId,
      contactId: contact.id,
      name,
      phone: p.phone,
      sortName: name.toLowerCase() || p.phone,
      status: p.status,
      messageId: message?.id ?? null,
      errorCode: p.status === 'failed' ? 30006 : null,
      sentAt: message ? new Date('2026-03-01T15:00:01.250Z') : null,
      deliveredAt: p.status === 'delivered' ? new Date('2026-03-01T15:00:03.000Z') : null,
      repliedAt: p.reply ? new Date('2026-03-01T16:30:00.000Z') : null,
      replyCount: p.reply ? 1 : 0,
      lastReply: p.reply,
      clickCount: p.clicks,
      clickedAt: p.clicks > 0 ? new Date('2026-03-01T15:10:00.000Z') : null,
    });
  }
  manager = { userId: (await createLogin(account.id)).user.id, accountId: account.id, sessionId: 'test-session' };
  agent = { userId: (await createLogin(account.id, { role: 'agent' })).user.id, accountId: account.id, sessionId: 'test-session' };
  const other = await createAccount({ name: 'Elsewhere' });
  outsider = { userId: (await createLogin(other.id)).user.id, accountId: other.id, sessionId: 'test-session' };
});

beforeEach(() => {
  request.claims = manager;
});

describe('the recipients CSV', () => {
  it('is a CSV attachment named after the campaign, with the CONTRACT columns', async () => {
    const response = await exportCsv(campaignId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="campaign-${campaignId}-recipients.csv"`);
    const text = await response.text();
    expect(text.split('\n')[0]).toBe(COLUMNS);
    expect(parse<Record<string, string>>(text, { columns: true })).toHaveLength(6);
  });

  it('writes each recipient as the table shows them, times in ISO 8601 UTC', async () => {
    const rows = await rowsOf(await exportCsv(campaignId));
    const ana = rows.find((row) => row.contact_id === String(contactIds.ana))!;
    const [message] = await db.select().from(campaignRecipients).where(eq(campaignRecipients.contactId, contactIds.ana!));
    expect(ana).toMatchObject({
      name: 'Ana Souza',
      phone: '+14155550101',
      status: 'delivered',
      error_code: '',
      sent_at: '2026-03-01T15:00:01.250Z',
      delivered_at: '2026-03-01T15:00:03.000Z',
      replied_at: '2026-03-01T16:30:00.000Z',
      reply: 'Sim, obrigada! 😊',
      opted_out_at: '',
      clicks: '2',
      survey_viewed_at: '',
    });
    expect(ana.message_sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message!.messageId).not.toBeNull();
    expect(rows.find((row) => row.contact_id === String(contactIds.formula))).toMatchObject({ status: 'failed', error_code: '30006' });
    expect(rows.find((row) => row.contact_id === String(contactIds.nameless))).toMatchObject({ name: '', status: 'suppressed', message_sid: '', sent_at: '' });
    expect(rows.find((row) => row.contact_id === String(contactIds.comma))).toMatchObject({ name: 'Lee, "Junior" Park', reply: 'line one\nline two' });
  });

  it('defuses formulas but keeps phone numbers and plain numbers as they are', async () => {
    const rows = await rowsOf(await exportCsv(campaignId));
    const of = (key: string) => rows.find((row) => row.contact_id === String(contactIds[key]))!;
    expect(of('formula').name).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(of('pipe').reply).toBe(`'+cmd|' /C calc'!A0`);
    expect(of('pipe').phone).toBe('+14155550103');
    expect(of('minus').reply).toBe('-5');
  });

  it('has exactly the rows of the filtered table, in its order, ignoring the page the table was on', async () => {
    for (const query of ['status=delivered&sort=phone&dir=desc', 'clicked=1', 'q=lee', 'q=(415) 555-0101', 'sort=replied_at&dir=desc', 'status=pending&replied=1']) {
      const expected: number[] = [];
      for await (const batch of allRecipients(ctx, campaignId, parseRecipientView(new URLSearchParams(query)))) expected.push(...batch.map((r) => r.contactId));
      const cursor = encodeCursor({ mode: 'after', sort: 'name', dir: 'asc', key: 'zzz', contactId: 1 });
      const rows = await rowsOf(await exportCsv(campaignId, `?${query}&cursor=${cursor}`));
      expect(rows.map((row) => Number(row.contact_id)), query).toEqual(expected);
    }
    expect((await rowsOf(await exportCsv(campaignId, '?q=nobody-here'))).length).toBe(0);
  });

  it('answers 401 signed out, 403 to an agent, 404 to another account and for ids that are not campaigns', async () => {
    request.claims = null;
    expect((await exportCsv(campaignId)).status).toBe(401);
    request.claims = agent;
    expect((await exportCsv(campaignId)).status).toBe(403);
    request.claims = outsider;
    const refused = await exportCsv(campaignId);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('Ana');
    request.claims = manager;
    expect((await exportCsv('abc')).status).toBe(404);
    expect((await exportCsv('0')).status).toBe(404);
    expect((await exportCsv(99_999_999)).status).toBe(404);
  });

  it('shrugs off a malformed query: bad values fall back to the defaults', async () => {
    const response = await exportCsv(campaignId, '?status=%00&sort=1;drop&dir=up&cursor=%FF%FE&q=%00%00');
    expect(response.status).toBe(200);
    expect((await rowsOf(response)).length).toBe(6);
  });
});

describe('a large campaign', () => {
  // The server the brief names gets the full size; the embedded database a smaller one.
  const SIZE = process.env.TEST_DATABASE_URL ? 250_000 : 20_000;

  it(`streams ${SIZE.toLocaleString('en')} recipients in constant memory`, async () => {
    const number = await createPhoneNumber(ctx.accountId);
    const big = await createCampaign(ctx.accountId, { fromNumberId: number.id, status: 'sent', sentAt: new Date() });
    await db.execute(sql`
      with people as (
        insert into contacts (account_id, first_name, last_name, phone)
        select ${ctx.accountId}, 'Person', lpad(i::text, 7, '0'), '+1628' || lpad(i::text, 7, '0')
        from generate_series(1, ${SIZE}) i
        returning account_id, id, first_name, last_name, phone),
      texts as (
        insert into messages (account_id, direction, outbound_kind, contact_id, phone_number_id, contact_phone, number_phone,
                              campaign_id, body, encoding, segments, credits, status, status_rank, provider_sid, sent_at, delivered_at)
        select account_id, 'outbound', 'campaign', id, ${number.id}, phone, ${number.e164}, ${big.id},
               'Hello ' || first_name || ', our big sale is on: https://pulse.example.test/l/abcdefghijkl', 'GSM-7', 1, 1,
               'delivered', 6, 'SM' || md5(id::text), now(), now()
        from people
        returning account_id, id, contact_id)
      insert into campaign_recipients (account_id, campaign_id, contact_id, name, phone, sort_name, status, message_status,
                                       status_rank, message_id, attempts, sent_at, delivered_at, last_reply, reply_count, replied_at)
      select p.account_id, ${big.id}, p.id, p.first_name || ' ' || p.last_name, p.phone, lower(p.first_name || ' ' || p.last_name),
             'delivered', 'delivered', 6, t.id, 1, now(), now(),
             case when p.id % 10 = 0 then 'Thanks, see you Saturday! Is parking free near the store?' end,
             (p.id % 10 = 0)::int, case when p.id % 10 = 0 then now() end
      from people p join texts t on t.contact_id = p.id`);

    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const baseline = heap();

    const started = performance.now();
    const response = await exportCsv(big.id);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let bytes = 0;
    let lines = 0;
    let chunks = 0;
    let peak = 0;
    let first = '';
    let last = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (chunks === 0) first = text.split('\n')[0]!;
      lines += text.split('\n').length - 1;
      last = text;
      chunks += 1;
      if (chunks % 25 === 0) peak = Math.max(peak, heap() - baseline);
    }
    peak = Math.max(peak, heap() - baseline);
    console.log(`exported ${lines - 1} rows, ${(bytes / 1e6).toFixed(1)} MB in ${chunks} chunks, ${((performance.now() - started) / 1000).toFixed(1)} s; heap above baseline at most ${(peak / 1e6).toFixed(1)} MB`);

    expect(first).toBe(COLUMNS);
    expect(lines - 1).toBe(SIZE);
    expect(last.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^\\d+,Person ${String(SIZE).padStart(7, '0')},\\+1628${String(SIZE).padStart(7, '0')},delivered,`));
    // The whole file is far larger than what the export ever holds at once.
    expect(bytes).toBeGreaterThan(SIZE * 100);
    expect(peak).toBeLessThan(Math.min(24e6, bytes / 3));
  }, 600_000);
});
