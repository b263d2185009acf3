import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPathFor } from '@/lib/auth/next-path';

describe('safeNextPath', () => {
  it('keeps a same-origin path with its query string', () => {
    expect(safeNextPath('/campaigns?status=sent')).toBe('/campaigns?status=sent');
    expect(safeNextPath('/campaigns/42/survey?view=individual&recipient=7')).toBe('/campaigns/42/survey?view=individual&recipient=7');
  });

  it.each([
    ['protocol-relative URL', '//evil.example/campaigns'],
    ['backslash that browsers read as a slash', '/\\evil.example'],
    ['backslash later in the path', '/campaigns\\..\\..\\evil'],
    ['absolute URL', 'https://evil.example/'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['relative path', 'campaigns'],
    ['tab that browsers strip, leaving //', '/\t/evil.example'],
    ['newline', '/campaigns\n/x'],
    ['NUL byte', '/campaigns\u0000'],
    ['C1 control character', '/campaigns\u0085'],
    ['the sign-in page itself', '/login'],
    ['the sign-in page with a query', '/login?next=/campaigns'],
    ['the sign-in page reached through ..', '/campaigns/../login'],
    ['an Auth.js endpoint', '/api/auth/signout'],
    ['empty string', ''],
    ['a very long value', `/${'a'.repeat(5000)}`],
  ])('refuses %s and falls back to /campaigns', (_name, value) => {
    expect(safeNextPath(value)).toBe('/campaigns');
  });

  it('falls back for anything that is not a string', () => {
    expect(safeNextPath(null)).toBe('/campaigns');
    expect(safeNextPath(undefined)).toBe('/campaigns');
    expect(safeNextPath(['/surveys'])).toBe('/campaigns');
    expect(safeNextPath(new File(['x'], 'next'))).toBe('/campaigns');
  });

  it('never yields a value a browser would resolve to another origin', () => {
    const hostile = ['/%2F%2Fevil.example', '/.//evil.example', '/..//evil.example', '/%5Cevil.example'];
    for (const value of hostile) {
      const result = safeNextPath(value);
      expect(new URL(result, 'https://pulse.example').origin, value).toBe('https://pulse.example');
    }
  });
});

describe('signInPathFor', () => {
  it('carries the requested path and query as next', () => {
    expect(signInPathFor('/campaigns?status=sent')).toBe('/login?next=%2Fcampaigns%3Fstatus%3Dsent');
  });

  it('leaves next out when it would be the default or is unsafe', () => {
    expect(signInPathFor('/campaigns')).toBe('/login');
    expect(signInPathFor('/')).toBe('/login');
    expect(signInPathFor(null)).toBe('/login');
    expect(signInPathFor('//evil.example')).toBe('/login');
  });
});
