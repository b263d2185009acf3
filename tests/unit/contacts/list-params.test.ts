// The contact list's URL: parsed into a typed state with defaults for anything odd,
// and written back by the same module, so a link always parses to what it meant.
import { describe, expect, it } from 'vitest';
import {
  contactsHref,
  decodeContactCursor,
  encodeContactCursor,
  importErrorHref,
  parseContactListParams,
  parseId,
  type ContactCursor,
} from '@/lib/contacts/list-params';

const cursor: ContactCursor = { direction: 'after', createdAt: '2026-11-25T13:19:50.123456Z', id: 42 };

describe('parseContactListParams', () => {
  it('defaults to everyone, first page', () => {
    expect(parseContactListParams({})).toEqual({ q: '', tag: null, cursor: null, importError: null });
  });

  it('reads the search, tag and cursor, taking the first of repeated values', () => {
    const state = parseContactListParams({ q: ['  ana  ', 'x'], tag: ' VIP ', cursor: encodeContactCursor(cursor) });
    expect(state).toEqual({ q: 'ana', tag: 'VIP', cursor, importError: null });
  });

  it('cuts an overlong search and ignores an overlong tag', () => {
    const state = parseContactListParams({ q: 'a'.repeat(500), tag: 't'.repeat(51) });
    expect(state.q).toHaveLength(100);
    expect(state.tag).toBeNull();
  });

  it('reads a refused upload only when it names a known problem', () => {
    expect(parseContactListParams({ import_error: 'malformed', line: '7' }).importError).toEqual({ problem: 'malformed', line: 7, limitMb: null });
    expect(parseContactListParams({ import_error: 'empty', line: '-1' }).importError).toEqual({ problem: 'empty', line: null, limitMb: null });
    expect(parseContactListParams({ import_error: 'too_large', limit: '10' }).importError).toEqual({ problem: 'too_large', line: null, limitMb: 10 });
    expect(parseContactListParams({ import_error: '<script>' }).importError).toBeNull();
  });
});

describe('cursors', () => {
  it('round-trip through the URL in both directions', () => {
    for (const direction of ['after', 'before'] as const) {
      const encoded = encodeContactCursor({ ...cursor, direction });
      expect(encoded).toMatch(/^[ab]\.[A-Za-z0-9_-]+$/);
      expect(decodeContactCursor(encoded)).toEqual({ ...cursor, direction });
    }
  });

  it.each([
    ['garbage', 'nonsense'],
    ['an unknown direction', `c.${Buffer.from('2026-11-25T13:19:50.123456Z 42').toString('base64url')}`],
    ['a date that does not exist', `a.${Buffer.from('2026-02-30T13:19:50.123456Z 42').toString('base64url')}`],
    ['a time without microseconds', `a.${Buffer.from('2026-11-25T13:19:50Z 42').toString('base64url')}`],
    ['an id that is not a whole number', `a.${Buffer.from('2026-11-25T13:19:50.123456Z 4.2').toString('base64url')}`],
    ['an id too large to be exact', `a.${Buffer.from('2026-11-25T13:19:50.123456Z 99999999999999999').toString('base64url')}`],
    ['extra parts', `a.${Buffer.from('2026-11-25T13:19:50.123456Z 42 7').toString('base64url')}`],
    ['SQL', `a.${Buffer.from("2026-11-25T13:19:50.123456Z'; drop table contacts;-- 1").toString('base64url')}`],
  ])('read %s as the first page', (_name, value) => {
    expect(decodeContactCursor(value)).toBeNull();
    expect(parseContactListParams({ cursor: value }).cursor).toBeNull();
  });
});

describe('links', () => {
  it('leave defaults out and keep every character of a search', () => {
    expect(contactsHref()).toBe('/contacts');
    expect(contactsHref({ q: 'Ana & Bia', tag: 'VIP list' })).toBe('/contacts?q=Ana+%26+Bia&tag=VIP+list');
  });

  it('parse back to the state they were built from', () => {
    const state = { q: '(202) 555', tag: 'São Paulo', cursor: { ...cursor, direction: 'before' as const } };
    const href = contactsHref(state);
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseContactListParams(params)).toEqual({ ...state, importError: null });
  });

  it('send a refused upload back to the import form', () => {
    expect(importErrorHref({ problem: 'missing_phone_column', line: 1 })).toBe('/contacts?import_error=missing_phone_column&line=1#import');
    expect(importErrorHref({ problem: 'too_large', limitMb: 10 })).toBe('/contacts?import_error=too_large&limit=10#import');
    expect(importErrorHref({ problem: 'empty' })).toBe('/contacts?import_error=empty#import');
  });
});

describe('parseId', () => {
  it('takes positive whole numbers only', () => {
    expect(parseId('42')).toBe(42);
    for (const value of ['0', '-1', '1.5', '1e3', 'abc', '', '12345678901234567']) expect(parseId(value)).toBeNull();
  });
});
