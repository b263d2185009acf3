// The manager action wrapper with real rows: who may run it, what comes back to the
// form when input is wrong or a rule is broken, and how success ends.
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { contacts } from '@/db/schema';
import type { SessionClaims } from '@/lib/auth/request';
import { DomainError, NotFoundError } from '@/lib/errors';
import { createAccount, createContact } from '@/tests/support/factories';
import { createLogin, interruptOf } from './helpers';

const request = vi.hoisted(() => ({ claims: null as SessionClaims | null, revalidated: [] as string[] }));
vi.mock('@/lib/auth/request', () => ({
  currentSessionClaims: () => Promise.resolve(request.claims),
  currentRequestPath: () => Promise.resolve('/contacts'),
}));
// The English catalogs, as the app's request config would load them.
vi.mock('next-intl/server', async () => (await import('@/tests/support/next-intl-server')).inEnglish());
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => request.revalidated.push(path) }));
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { managerAction, managerActionWithId, initialFormState } = await import('@/lib/auth/action');

let accountId: number;
let otherAccountId: number;
let manager: SessionClaims;
let agent: SessionClaims;
beforeAll(async () => {
  accountId = (await createAccount({ name: 'Actions' })).id;
  otherAccountId = (await createAccount({ name: 'Elsewhere' })).id;
  const m = await createLogin(accountId);
  const a = await createLogin(accountId, { role: 'agent' });
  manager = { userId: m.user.id, accountId, sessionId: 'manager-session' };
  agent = { userId: a.user.id, accountId, sessionId: 'agent-session' };
});
beforeEach(() => {
  request.claims = manager;
  request.revalidated = [];
});

/** A small real command: renames contacts of the manager's account, by id. */
const renameSchema = z.object({
  first_name: z.string().trim().min(1, { error: 'auth.errors.emailRequired' }),
  recipient: z.array(z.coerce.number().int().positive()).min(1),
});
const renameContacts = managerAction(renameSchema, async (input, { ctx }) => {
  if (input.first_name === 'Forbidden') throw new DomainError('auth.errors.passwordTooLong', 'first_name', { max: 3 });
  if (input.first_name === 'Internal') throw new DomainError('contacts.not-a-catalog-key');
  for (const id of input.recipient) {
    const updated = await ctx.db
      .update(contacts)
      .set({ firstName: input.first_name })
      .where(and(eq(contacts.accountId, ctx.accountId), eq(contacts.id, id)))
      .returning({ id: contacts.id });
    if (updated.length === 0) throw new NotFoundError('contact', id);
  }
  return input.recipient.length > 1 ? { redirectTo: '/contacts', revalidate: ['/contacts'] } : undefined;
});

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  data.append('$ACTION_ID_abc', ''); // React's own field, never part of the input
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

async function firstNameOf(id: number) {
  const [row] = await db.select({ firstName: contacts.firstName }).from(contacts).where(eq(contacts.id, id));
  return row?.firstName;
}

describe('managerAction', () => {
  it('refuses an agent with 403 before touching anything', async () => {
    const contact = await createContact(accountId, { firstName: 'Ana' });
    request.claims = agent;
    const result = await interruptOf(() => renameContacts(initialFormState, form([['first_name', 'Bea'], ['recipient', String(contact.id)]])));
    expect(result).toEqual({ status: 403 });
    expect(await firstNameOf(contact.id)).toBe('Ana');
  });

  it('sends a signed-out visitor to sign in', async () => {
    request.claims = null;
    expect(await interruptOf(() => renameContacts(form([['first_name', 'Bea']])))).toEqual({ redirect: '/login?next=%2Fcontacts' });
  });

  it('returns field messages and echoes what was typed, repeated fields included', async () => {
    const state = await renameContacts(initialFormState, form([['first_name', '  '], ['recipient', 'abc'], ['recipient', '7']]));
    expect(state).toEqual({
      ok: false,
      message: 'Some fields need your attention.',
      fieldErrors: { first_name: ['Enter your email address.'], recipient: ['Check this value.'] },
      values: { first_name: '  ', recipient: ['abc', '7'] },
    });
  });

  it('reads a single checked checkbox as a list', async () => {
    const contact = await createContact(accountId, { firstName: 'Caio' });
    const state = await renameContacts(form([['first_name', 'Duda'], ['recipient', String(contact.id)]]));
    expect(state).toEqual({ ok: true });
    expect(await firstNameOf(contact.id)).toBe('Duda');
  });

  it('puts a broken rule next to its field in the user’s language, and hides internal keys', async () => {
    const contact = String((await createContact(accountId)).id);
    expect(await renameContacts(form([['first_name', 'Forbidden'], ['recipient', contact]]))).toEqual({
      ok: false,
      fieldErrors: { first_name: ['A password has at most 3 characters.'] },
      values: { first_name: 'Forbidden', recipient: [contact] },
    });
    expect(await renameContacts(form([['first_name', 'Internal'], ['recipient', contact]]))).toMatchObject({
      ok: false,
      message: 'Check this value.',
    });
  });

  it('answers 404 for another account’s object and changes nothing there', async () => {
    const theirs = await createContact(otherAccountId, { firstName: 'Eva' });
    expect(await interruptOf(() => renameContacts(form([['first_name', 'Fred'], ['recipient', String(theirs.id)]])))).toEqual({ status: 404 });
    expect(await firstNameOf(theirs.id)).toBe('Eva');
  });

  it('redirects after success when the command asks, having revalidated its pages', async () => {
    const [a, b] = [await createContact(accountId), await createContact(accountId)];
    const result = await interruptOf(() => renameContacts(form([['first_name', 'Gil'], ['recipient', String(a.id)], ['recipient', String(b.id)]])));
    expect(result).toEqual({ redirect: '/contacts' });
    expect(request.revalidated).toEqual(['/contacts']);
    expect([await firstNameOf(a.id), await firstNameOf(b.id)]).toEqual(['Gil', 'Gil']);
  });
});

describe('managerActionWithId', () => {
  const renameOne = managerActionWithId(z.object({ first_name: z.string().min(1) }), async (id, input, { ctx }) => {
    const updated = await ctx.db
      .update(contacts)
      .set({ firstName: input.first_name })
      .where(and(eq(contacts.accountId, ctx.accountId), eq(contacts.id, id)))
      .returning({ id: contacts.id });
    if (updated.length === 0) throw new NotFoundError('contact', id);
    return { message: 'auth.signIn.title' };
  });

  it('passes the bound id to the command', async () => {
    const contact = await createContact(accountId);
    expect(await renameOne(contact.id, initialFormState, form([['first_name', 'Hugo']]))).toEqual({ ok: true, message: 'Sign in' });
    expect(await firstNameOf(contact.id)).toBe('Hugo');
  });

  it('answers 404 to a tampered id instead of failing', async () => {
    const tampered = 'abc' as unknown as number;
    expect(await interruptOf(() => renameOne(tampered, form([['first_name', 'Ivo']])))).toEqual({ status: 404 });
  });

  it('checks the role before the id', async () => {
    request.claims = agent;
    const tampered = -1;
    expect(await interruptOf(() => renameOne(tampered, form([['first_name', 'Ivo']])))).toEqual({ status: 403 });
  });
});
