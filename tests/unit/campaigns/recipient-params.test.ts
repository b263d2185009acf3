import { describe, expect, it } from 'vitest';
import {
  confirmationPath,
  decodeCursor,
  DEFAULT_VIEW,
  encodeCursor,
  followUpHref,
  isValidSortKey,
  parseCampaignNotice,
  parsePendingConfirmation,
  parseRecipientView,
  recipientsCsvHref,
  recipientsHref,
  recipientsPath,
  sortHref,
  noticeParams,
  type RecipientCursor,
} from '@/lib/campaigns/recipient-params';

const cursor: RecipientCursor = { mode: 'after', sort: 'delivered_at', dir: 'desc', key: '2026-03-08T07:30:00.123456Z', contactId: 42 };

describe('reading the recipients table from the URL', () => {
  it('reads every CONTRACT parameter', () => {
    const view = parseRecipientView(
      new URLSearchParams({ status: 'failed', replied: '1', opted_out: '1', clicked: '1', responded: '1', q: '  Ana  ', sort: 'delivered_at', dir: 'desc', cursor: encodeCursor(cursor) }),
    );
    expect(view).toEqual({
      status: 'failed',
      flags: { replied: true, opted_out: true, clicked: true, responded: true },
      q: 'Ana',
      sort: 'delivered_at',
      dir: 'desc',
      cursor,
    });
  });

  it('falls back to the defaults for anything it does not know, instead of failing', () => {
    const view = parseRecipientView({ status: 'suppressed', replied: 'yes', sort: 'contact_id; drop table', dir: 'sideways', cursor: '%%%' });
    expect(view).toEqual(DEFAULT_VIEW);
  });

  it('takes the first of repeated parameters, as Next passes them', () => {
    expect(parseRecipientView({ status: ['pending', 'failed'], sort: ['phone', 'name'] })).toMatchObject({ status: 'pending', sort: 'phone' });
  });

  it('keeps a search to one line of at most 100 characters without control characters', () => {
    expect(parseRecipientView({ q: 'ana\u0000\n  souza\t' }).q).toBe('ana souza');
    expect(parseRecipientView({ q: 'x'.repeat(500) }).q).toHaveLength(100);
  });
});

describe('cursors', () => {
  it('survive the round trip through the URL', () => {
    const view = parseRecipientView(new URLSearchParams(recipientsHref(7, { ...DEFAULT_VIEW, sort: 'delivered_at', dir: 'desc', cursor }).split('?')[1]!.split('#')[0]));
    expect(view.cursor).toEqual(cursor);
  });

  it('are ignored when made for another sort or direction, so no rows are skipped', () => {
    const raw = encodeCursor(cursor);
    expect(decodeCursor(raw, 'delivered_at', 'desc')).toEqual(cursor);
    expect(decodeCursor(raw, 'delivered_at', 'asc')).toBeNull();
    expect(decodeCursor(raw, 'replied_at', 'desc')).toBeNull();
  });

  it('never carry a value the database could not read back', () => {
    const forge = (packed: unknown[]) => Buffer.from(JSON.stringify(packed)).toString('base64url');
    expect(decodeCursor(forge(['a', 'delivered_at', 'asc', '2026-02-30T10:00:00.000000Z', 1]), 'delivered_at', 'asc')).toBeNull();
    expect(decodeCursor(forge(['a', 'delivered_at', 'asc', 'yesterday', 1]), 'delivered_at', 'asc')).toBeNull();
    expect(decodeCursor(forge(['a', 'status', 'asc', 'lost', 1]), 'status', 'asc')).toBeNull();
    expect(decodeCursor(forge(['a', 'name', 'asc', 'ana\u0000', 1]), 'name', 'asc')).toBeNull();
    expect(decodeCursor(forge(['a', 'name', 'asc', null, 1]), 'name', 'asc')).toBeNull();
    expect(decodeCursor(forge(['a', 'name', 'asc', 'ana', -3]), 'name', 'asc')).toBeNull();
    expect(decodeCursor(forge(['a', 'name', 'asc', 'ana', 2 ** 60]), 'name', 'asc')).toBeNull();
    expect(decodeCursor(forge(['a', 'name', 'asc', 'ana', 5]), 'name', 'asc')).toMatchObject({ key: 'ana', contactId: 5 });
    // The empty tail of a nullable column is addressed by a null key.
    expect(decodeCursor(forge(['b', 'clicked_at', 'desc', null, 9]), 'clicked_at', 'desc')).toMatchObject({ mode: 'before', key: null });
  });

  it('accept timestamps only as the exact UTC form the query writes', () => {
    expect(isValidSortKey('replied_at', '2024-02-29T23:59:59.999999Z')).toBe(true);
    expect(isValidSortKey('replied_at', '2025-02-29T23:59:59.999999Z')).toBe(false);
    expect(isValidSortKey('replied_at', '2024-02-29 23:59:59+00')).toBe(false);
  });
});

describe('links', () => {
  const view = parseRecipientView({ status: 'failed', q: 'ana', sort: 'phone', cursor: encodeCursor({ ...cursor, sort: 'phone', dir: 'asc', key: '+1415' }) });

  it('leave defaults out of the URL', () => {
    expect(recipientsHref(3, DEFAULT_VIEW)).toBe('/campaigns/3#recipients');
    expect(recipientsHref(3, DEFAULT_VIEW, { dir: 'desc' })).toBe('/campaigns/3?dir=desc#recipients');
  });

  it('start from the first page when a filter or the sort changes, and keep the rest', () => {
    expect(recipientsHref(3, view, { status: 'pending' })).toBe('/campaigns/3?status=pending&q=ana&sort=phone#recipients');
    expect(recipientsHref(3, view, { flags: { ...view.flags, clicked: true } })).toBe('/campaigns/3?status=failed&clicked=1&q=ana&sort=phone#recipients');
  });

  it('sort a new column in its natural direction and flip the current one', () => {
    expect(sortHref(3, view, 'name')).toBe('/campaigns/3?status=failed&q=ana#recipients');
    expect(sortHref(3, view, 'phone')).toBe('/campaigns/3?status=failed&q=ana&sort=phone&dir=desc#recipients');
    // Times: newest first.
    expect(sortHref(3, view, 'replied_at')).toBe('/campaigns/3?status=failed&q=ana&sort=replied_at&dir=desc#recipients');
  });

  it('export what the filter shows, from the top', () => {
    expect(recipientsCsvHref(3, view)).toBe('/campaigns/3/recipients.csv?status=failed&q=ana&sort=phone');
  });

  it('encode searches safely', () => {
    expect(recipientsHref(3, DEFAULT_VIEW, { q: 'a&b=c #1' })).toBe('/campaigns/3?q=a%26b%3Dc+%231#recipients');
  });

  it('open the composer with the follow-up selection', () => {
    expect(followUpHref(9, [4, 5])).toBe('/campaigns/new?from=9&recipient=4&recipient=5');
  });
});

describe('confirmations and notices', () => {
  it('ask about a selected resend with the ids, and about all failed without', () => {
    const path = confirmationPath(3, { ...DEFAULT_VIEW, status: 'failed' }, { intent: 'resend', contactIds: [4, 5] });
    expect(path).toBe('/campaigns/3?status=failed&confirm=resend&recipient=4&recipient=5');
    const params = new URLSearchParams(path.split('?')[1]);
    expect(parsePendingConfirmation(params)).toEqual({ intent: 'resend', contactIds: [4, 5] });
    expect(parsePendingConfirmation(new URLSearchParams('confirm=resend_failed&recipient=4'))).toEqual({ intent: 'resend_failed', contactIds: [] });
  });

  it('ask nothing for an unknown intent or a resend without a valid id', () => {
    expect(parsePendingConfirmation(new URLSearchParams('confirm=delete'))).toBeNull();
    expect(parsePendingConfirmation(new URLSearchParams('confirm=resend&recipient=abc&recipient=-1'))).toBeNull();
  });

  it('round-trip what an action did', () => {
    for (const notice of [{ kind: 'resent', count: 12, skippedOptedOut: 3 }, { kind: 'resent', count: 0, skippedOptedOut: 0 }, { kind: 'canceled' }, { kind: 'cancel_too_late' }] as const) {
      expect(parseCampaignNotice(noticeParams(notice))).toEqual(notice);
    }
    expect(parseCampaignNotice({ resent: '1e9' })).toBeNull();
  });

  it('come back to the filtered view after an action', () => {
    const view = parseRecipientView({ status: 'failed', q: 'ana', sort: 'phone', cursor: encodeCursor({ ...cursor, sort: 'phone', dir: 'asc', key: '+1415' }) });
    expect(recipientsPath(3, view, { resent: '2' })).toMatch(/^\/campaigns\/3\?status=failed&q=ana&sort=phone&cursor=[\w-]+&resent=2$/);
  });
});
