// A manager opting a contact out or back in by hand, through the contact page's
// action: recorded in the opt-out ledger and the audit log with who did it, never
// twice, only by a manager of the contact's own account; and a contact opted out by
// hand gets no campaign text.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, contacts, optOuts } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/request';
import { verifyStats } from '@/lib/stats';
import { createAccount, createContact } from '@/tests/support/factories';
import { campaignWorld, sendCampaign, stopTestBoss, useTwilioTestEnvironment } from '@/tests/support/messaging';
import { createLogin, interruptOf } from '../auth/helpers';

const request = vi.hoisted(() => ({ claims: null as SessionClaims | null }));
vi.mock('@/lib/auth/request', () => ({
  currentSessionClaims: () => Promise.resolve(request.claims),
  currentRequestPath: () => Promise.resolve('/contacts/1'),
}));
vi.mock('next-intl/server', async () => (await import('@/tests/support/next-intl-server')).inEnglish());
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { changeOptOut } = await import('@/app/(manager)/contacts/[id]/actions');

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

let accountId: number;
let manager: SessionClaims;
let agent: SessionClaims;
beforeAll(async () => {
  accountId = (await createAccount({ name: 'Opt-outs' })).id;
  manager = { userId: (await createLogin(accountId)).user.id, accountId, sessionId: 'test-session' };
  agent = { userId: (await createLogin(accountId, { role: 'agent' })).user.id, accountId, sessionId: 'test-session' };
});
beforeEach(() => {
  request.claims = manager;
});

const intent = (value: string) => {
  const form = new FormData();
  form.append('intent', value);
  return form;
};

async function ledgerOf(contactId: number) {
  return db
    .select({ kind: optOuts.kind, source: optOuts.source, userId: optOuts.userId, campaignId: optOuts.campaignId })
    .from(optOuts)
    .where(and(eq(optOuts.accountId, accountId), eq(optOuts.contactId, contactId)))
    .orderBy(asc(optOuts.id));
}

async function auditOf(contactId: number) {
  const rows = await db
    .select({ action: auditEvents.action, userId: auditEvents.userId })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.subjectType, 'contact'), eq(auditEvents.subjectId, contactId)))
    .orderBy(asc(auditEvents.id));
  return rows;
}

async function optedOutAt(contactId: number) {
  const [row] = await db.select({ at: contacts.optedOutAt }).from(contacts).where(eq(contacts.id, contactId));
  return row!.at;
}

describe('opting a contact out and in by hand', () => {
  it('records each change once, as manual, with the manager, and lands back on the contact', async () => {
    const contact = await createContact(accountId);
    expect(await interruptOf(() => changeOptOut(contact.id, intent('opt_out')))).toEqual({ redirect: `/contacts/${contact.id}` });
    expect(await optedOutAt(contact.id)).toBeInstanceOf(Date);
    // A second press (a double submit, a stale page) records nothing more.
    await interruptOf(() => changeOptOut(contact.id, intent('opt_out')));
    await interruptOf(() => changeOptOut(contact.id, intent('opt_in')));
    expect(await optedOutAt(contact.id)).toBeNull();
    await interruptOf(() => changeOptOut(contact.id, intent('opt_in')));

    const by = manager.userId;
    expect(await ledgerOf(contact.id)).toEqual([
      { kind: 'opt_out', source: 'manual', userId: by, campaignId: null },
      { kind: 'opt_in', source: 'manual', userId: by, campaignId: null },
    ]);
    expect(await auditOf(contact.id)).toEqual([
      { action: 'contact.opt_out', userId: by },
      { action: 'contact.opt_in', userId: by },
    ]);
  });

  it('refuses an agent with 403 and answers 404 for another account’s contact, changing nothing', async () => {
    const ours = await createContact(accountId);
    const theirs = await createContact((await createAccount()).id);
    request.claims = agent;
    expect(await interruptOf(() => changeOptOut(ours.id, intent('opt_out')))).toEqual({ status: 403 });
    request.claims = manager;
    expect(await interruptOf(() => changeOptOut(theirs.id, intent('opt_out')))).toEqual({ status: 404 });
    expect(await optedOutAt(ours.id)).toBeNull();
    expect(await optedOutAt(theirs.id)).toBeNull();
    expect(await ledgerOf(theirs.id)).toEqual([]);
  });

  it('answers a form that names no known change with a message, not a 500', async () => {
    const contact = await createContact(accountId);
    expect(await changeOptOut(contact.id, { ok: false }, intent('delete_everything'))).toMatchObject({
      ok: false,
      fieldErrors: { intent: ['Choose one of the options.'] },
    });
    expect(await optedOutAt(contact.id)).toBeNull();
  });

  it('keeps a contact opted out by hand out of the next campaign, with every rollup still equal to its recount', async () => {
    const world = await campaignWorld({ contacts: [{ firstName: 'Kept' }, { firstName: 'Out' }] });
    const [kept, out] = world.contacts;
    const worldManager = await createLogin(world.account.id);
    request.claims = { userId: worldManager.user.id, accountId: world.account.id, sessionId: 'test-session' };
    await interruptOf(() => changeOptOut(out!.id, intent('opt_out')));

    const sent = await sendCampaign(world);
    const statusOf = (contactId: number) => sent.find((message) => message.contactId === contactId)?.status;
    expect(statusOf(out!.id)).toBe('suppressed');
    expect(statusOf(kept!.id)).not.toBe('suppressed');
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
  });
});
