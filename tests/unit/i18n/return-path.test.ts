import { describe, expect, it } from 'vitest';
import { pathOfReferer, sameSitePath } from '@/lib/i18n/return-path';

describe('where the language choice sends the browser back', () => {
  it('keeps a path on this site with its query', () => {
    expect(sameSitePath('/campaigns?status=sent&sort=name')).toBe('/campaigns?status=sent&sort=name');
    expect(sameSitePath('/')).toBe('/');
  });

  it('refuses anything that could leave the site', () => {
    for (const value of ['https://evil.test/', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', 'campaigns', '', null, 42]) {
      expect(sameSitePath(value)).toBeNull();
    }
  });

  it('takes only the path and query of a Referer', () => {
    expect(pathOfReferer('http://localhost:3000/surveys?cursor=abc')).toBe('/surveys?cursor=abc');
    expect(pathOfReferer('not a url')).toBeNull();
    expect(pathOfReferer(null)).toBeNull();
  });
});
