// A form post over Next's 1 MB server-action limit would end in a 500; the proxy
// answers 413 (or, for sign-in, back to the form with a message) before that.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import proxy, { config } from '@/proxy';

const post = (path: string, bytes: number, headers: Record<string, string> = {}) =>
  new NextRequest(`http://localhost:3000${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(bytes), ...headers },
    body: 'x'.repeat(bytes),
  });

describe('oversized form posts', () => {
  it("refuses a recipient's 2 MB survey post with 413 and a page saying nothing was saved", async () => {
    const response = await proxy(post('/s/AbCdEfGhIjKl', 2 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('Nothing was saved');
  });

  it('lets an ordinary survey post through', async () => {
    const response = await proxy(post('/s/AbCdEfGhIjKl', 2_000));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('sends an oversized sign-in back to the form with a message', async () => {
    const response = await proxy(post('/login', 2 * 1024 * 1024));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('error=too_large');
  });

  it('leaves the webhooks to their own limits', async () => {
    process.env.AUTH_SECRET ??= 'unit-test-secret';
    const response = await proxy(post('/api/webhooks/twilio/status', 2 * 1024 * 1024));
    expect(response.status).not.toBe(413);
  });

  it('lets the contact upload stream past it (Next.js would hold and cut it at 10 MB), but not the import pages', () => {
    const matches = (path: string) => unstable_doesMiddlewareMatch({ config, url: path });
    expect(matches('/contacts/import')).toBe(false);
    expect(matches('/contacts/import/42')).toBe(true);
    expect(matches('/contacts')).toBe(true);
    expect(matches('/campaigns/7')).toBe(true);
    expect(matches('/_next/static/chunks/app.js')).toBe(false);
  });
});
