// The campaigns overview's URL: what a bookmark or a hand-edited link turns into, and
// that every link the page builds reads back as the state it was built from.
import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_SORTS,
  campaignsHref,
  decodeCursor,
  DEFAULT_LIST_PARAMS,
  encodeCursor,
  MAX_QUERY_LENGTH,
  parseCampaignListParams,
  sortHref,
  withoutFilters,
  type CampaignCursor,
  type CampaignListParams,
} from '@/lib/campaigns/list-params';

/** What the page would parse after following a link. */
function follow(href: string): CampaignListParams {
  const url = new URL(href, 'http://pulse.test');
  expect(url.pathname).toBe('/campaigns');
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const previous = params[key];
    params[key] = previous === undefined ? value : [...[previous].flat(), value];
  }
  return parseCampaignListParams(params);
}

const cursor = (overrides: Partial<CampaignCursor> = {}): CampaignCursor => ({
  direction: 'after',
  sort: 'recent',
  dir: 'desc',
  value: '2026-11-20T15:30:00.123456Z',
  id: 42,
  ...overrides,
});

describe('parsing the query string', () => {
  it('gives the plain list, most recent first, for a bare /campaigns', () => {
    expect(parseCampaignListParams({})).toEqual(DEFAULT_LIST_PARAMS);
    expect(DEFAULT_LIST_PARAMS).toMatchObject({ sort: 'recent', dir: 'desc', q: '', status: null, cursor: null });
  });

  it('reads every contract value', () => {
    expect(parseCampaignListParams({ q: 'Spring', status: 'scheduled', sort: 'replies', dir: 'asc' })).toEqual({
      q: 'Spring',
      status: 'scheduled',
      sort: 'replies',
      dir: 'asc',
      cursor: null,
    });
    for (const sort of CAMPAIGN_SORTS) expect(parseCampaignListParams({ sort }).sort).toBe(sort);
  });

  it('falls back to defaults for values outside the contract instead of failing', () => {
    const parsed = parseCampaignListParams({
      status: 'deleted',
      sort: 'id; drop table campaigns',
      dir: 'sideways',
      cursor: '!!!',
    });
    expect(parsed).toEqual(DEFAULT_LIST_PARAMS);
    expect(parseCampaignListParams({ status: 'SENT', sort: 'Name' })).toMatchObject({ status: null, sort: 'recent' });
  });

  it('sorts names A to Z and numbers and dates largest first unless told otherwise', () => {
    expect(parseCampaignListParams({ sort: 'name' }).dir).toBe('asc');
    expect(parseCampaignListParams({ sort: 'delivered' }).dir).toBe('desc');
    expect(parseCampaignListParams({ sort: 'sent_at' }).dir).toBe('desc');
    expect(parseCampaignListParams({ sort: 'name', dir: 'desc' }).dir).toBe('desc');
  });

  it('takes the first of repeated parameters and tidies the search', () => {
    expect(parseCampaignListParams({ status: ['sent', 'draft'], q: ['  spring \t sale\n ', 'other'] })).toMatchObject({
      status: 'sent',
      q: 'spring sale',
    });
    expect(parseCampaignListParams({ q: 'x'.repeat(5000) }).q).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseCampaignListParams({ q: '   ' }).q).toBe('');
  });

  it('keeps LIKE characters as typed: they are searched for literally later', () => {
    expect(parseCampaignListParams({ q: '50%_off\\' }).q).toBe('50%_off\\');
  });
});

describe('cursors', () => {
  it('round-trip every kind of sort value, null included', () => {
    for (const c of [
      cursor(),
      cursor({ direction: 'before' }),
      cursor({ sort: 'name', dir: 'asc', value: 'Black Friday — “VIP” 🎉' }),
      cursor({ sort: 'replies', value: 0 }),
      cursor({ sort: 'sent_at', value: null, id: 9_007_199_254_740_991 }),
    ]) {
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    }
  });

  it('only apply to the order they were made for', () => {
    const forReplies = encodeCursor(cursor({ sort: 'replies', value: 3 }));
    expect(parseCampaignListParams({ sort: 'replies', cursor: forReplies }).cursor).toMatchObject({ sort: 'replies', value: 3 });
    expect(parseCampaignListParams({ sort: 'delivered', cursor: forReplies }).cursor).toBeNull();
    expect(parseCampaignListParams({ sort: 'replies', dir: 'asc', cursor: forReplies }).cursor).toBeNull();
  });

  it('refuse anything that is not exactly what the page writes', () => {
    const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
    const refused = [
      encode(['a', 'recent', 'desc', '2026-02-30T00:00:00.000000Z', 1]), // no such day
      encode(['a', 'recent', 'desc', '2026-11-20 15:30:00', 1]),
      encode(['a', 'recent', 'desc', '0000-01-01T00:00:00.000000Z', 1]),
      encode(['a', 'replies', 'desc', -1, 1]),
      encode(['a', 'replies', 'desc', 1.5, 1]),
      encode(['a', 'replies', 'desc', '3', 1]),
      encode(['a', 'name', 'asc', 7, 1]),
      encode(['a', 'name', 'asc', 'x'.repeat(501), 1]),
      encode(['a', 'recent', 'desc', null, 0]),
      encode(['a', 'recent', 'desc', null, 2 ** 53]),
      encode(['x', 'recent', 'desc', null, 1]),
      encode(['a', 'status', 'desc', null, 1]),
      encode({ sort: 'recent' }),
      'bm90IGpzb24', // "not json"
      'a'.repeat(900),
      'abc=',
    ];
    for (const value of refused) expect(decodeCursor(value), value).toBeNull();
  });
});

describe('links', () => {
  it('leave out every default, so the plain list is /campaigns', () => {
    expect(campaignsHref()).toBe('/campaigns');
    expect(campaignsHref(DEFAULT_LIST_PARAMS)).toBe('/campaigns');
    expect(campaignsHref({ sort: 'name', dir: 'asc' })).toBe('/campaigns?sort=name');
    expect(campaignsHref({ dir: 'asc' })).toBe('/campaigns?dir=asc');
  });

  it('read back as the state they were built from', () => {
    const states: CampaignListParams[] = [
      { q: 'spring & summer / 50% off?', status: 'sent', sort: 'replies', dir: 'asc', cursor: cursor({ sort: 'replies', dir: 'asc', value: 7 }) },
      { q: '', status: 'draft', sort: 'name', dir: 'desc', cursor: cursor({ sort: 'name', dir: 'desc', value: 'zebra', direction: 'before' }) },
      { q: 'ação', status: null, sort: 'recent', dir: 'asc', cursor: null },
      { q: '', status: null, sort: 'scheduled_at', dir: 'desc', cursor: cursor({ sort: 'scheduled_at', value: null }) },
    ];
    for (const state of states) expect(follow(campaignsHref(state))).toEqual(state);
  });

  it('sort by a column keeping the filters, flipping the direction of the current one and starting from the first page', () => {
    const current = follow('/campaigns?q=vip&status=sent&sort=replies&cursor=' + encodeCursor(cursor({ sort: 'replies', value: 3 })));
    expect(current.cursor).not.toBeNull();
    expect(follow(sortHref(current, 'replies'))).toEqual({ q: 'vip', status: 'sent', sort: 'replies', dir: 'asc', cursor: null });
    expect(follow(sortHref(current, 'name'))).toEqual({ q: 'vip', status: 'sent', sort: 'name', dir: 'asc', cursor: null });
    expect(follow(sortHref({ ...current, sort: 'name', dir: 'asc' }, 'name'))).toMatchObject({ sort: 'name', dir: 'desc' });
  });

  it('clear the search and status but keep the order', () => {
    const current = follow('/campaigns?q=vip&status=sent&sort=opt_outs&dir=asc');
    expect(withoutFilters(current)).toBe('/campaigns?sort=opt_outs&dir=asc');
  });
});
