import { describe, expect, it } from 'vitest';
import { findUrls, isLinkCode, LINK_CODE_LENGTH, linkDestination, newLinkCode, rewriteUrls } from '@/lib/messaging/links';

describe('link codes', () => {
  it('are 12 URL-safe base-62 characters', () => {
    for (let i = 0; i < 1_000; i++) {
      const code = newLinkCode();
      expect(code).toMatch(/^[0-9A-Za-z]{12}$/);
      expect(isLinkCode(code)).toBe(true);
    }
    expect(LINK_CODE_LENGTH).toBe(12);
    // At least 64 random bits.
    expect(LINK_CODE_LENGTH * Math.log2(62)).toBeGreaterThanOrEqual(64);
  });

  it('never repeat over 100,000 codes', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 100_000; i++) codes.add(newLinkCode());
    expect(codes.size).toBe(100_000);
  });

  it('use the whole alphabet about evenly', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) for (const c of newLinkCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (20_000 * 12) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });

  it.each([
    '',
    'abc',
    'abcdefghijk', // 11
    'abcdefghijklm', // 13
    'abcdefghij-k',
    'abcdefghij_k',
    '../../etc/pa',
    'abcdefghij%2',
    'abcdef/ghijk',
    'abcdefghijk.',
    'abcdefghijk ',
    'ａｂｃｄｅｆｇｈｉｊｋｌ',
    'abcdefghijk\n',
  ])('rejects %j', (value) => {
    expect(isLinkCode(value)).toBe(false);
  });

  it('rejects what is not a string', () => {
    expect(isLinkCode(undefined)).toBe(false);
    expect(isLinkCode(123456789012)).toBe(false);
    expect(isLinkCode(['abcdefghijkl'])).toBe(false);
  });
});

describe('finding web addresses in a message', () => {
  const urls = (text: string) => findUrls(text).map((u) => u.text);

  it.each([
    ['Shop now: https://shop.example.com/sale', ['https://shop.example.com/sale']],
    ['http://a.example and https://b.example/x?y=1&z=2#top', ['http://a.example', 'https://b.example/x?y=1&z=2#top']],
    ['Visit www.shop.example.com today', ['www.shop.example.com']],
    ['See https://shop.example.com.', ['https://shop.example.com']],
    ['(details at https://shop.example.com/terms)', ['https://shop.example.com/terms']],
    ['https://en.wikipedia.org/wiki/Foo_(bar) is good', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['Go to https://x.example/a, then https://y.example/b!', ['https://x.example/a', 'https://y.example/b']],
    ['"https://shop.example.com/q"', ['https://shop.example.com/q']],
    ['Link: https://shop.example.com/ação?', ['https://shop.example.com/ação']],
    ['HTTPS://SHOP.EXAMPLE.COM', ['HTTPS://SHOP.EXAMPLE.COM']],
    ['line one\nhttps://a.example\nline three', ['https://a.example']],
  ])('%j', (text, expected) => {
    expect(urls(text)).toEqual(expected);
  });

  it.each(['write to ana@www.example.com', 'http:// is not a link', 'www. alone', 'notwww.example.com', 'no links here'])('finds none in %j', (text) => {
    expect(urls(text)).toEqual([]);
  });

  it('gives a bare www. address a scheme', () => {
    expect(linkDestination('www.shop.example.com/x')).toBe('http://www.shop.example.com/x');
    expect(linkDestination('https://shop.example.com')).toBe('https://shop.example.com');
  });

  it('rewrites every address and keeps the rest of the text', () => {
    const seen: string[] = [];
    const text = rewriteUrls('Sale at www.shop.example.com, terms: https://shop.example.com/terms.', (destination) => {
      seen.push(destination);
      return `https://pulse.example/l/${seen.length}`;
    });
    expect(text).toBe('Sale at https://pulse.example/l/1, terms: https://pulse.example/l/2.');
    expect(seen).toEqual(['http://www.shop.example.com', 'https://shop.example.com/terms']);
  });
});
