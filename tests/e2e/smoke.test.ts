// The app as a user first meets it: it is healthy, a signed-out visitor lands on the
// sign-in form, and the demo login printed at start works, JavaScript on or off.
import { expect, it } from 'vitest';
import { describeE2E, describeWithAndWithoutJavaScript, e2e, newPage, screenshot, signIn } from './support/e2e';

describeE2E('health', () => {
  it('reports ok while the database answers', async () => {
    const response = await fetch(`${e2e.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describeWithAndWithoutJavaScript('the home page', (javaScript) => {
  it('answers a signed-out visitor with a page, after its redirects', async () => {
    const page = await newPage({ javaScript, viewport: 'phone' });
    const response = await page.goto('/');
    expect(response, 'navigation to / got no response').not.toBeNull();
    expect(response!.status()).toBeLessThan(500);
    await expect.poll(() => page.locator('body').innerText()).not.toBe('');
    await screenshot(page, `smoke-home-js-${javaScript ? 'on' : 'off'}`);
  });

  it('brings a signed-out visitor to the sign-in form', async () => {
    const page = await newPage({ javaScript, viewport: 'desktop' });
    const response = await page.goto('/');
    expect(response!.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect.poll(() => page.locator('input[name="email"]').count()).toBe(1);
    expect(await page.locator('input[name="password"]').getAttribute('type')).toBe('password');
  });

  it('lets the demo manager in with the printed login', async () => {
    const page = await newPage({ javaScript });
    await signIn(page, 'manager@demo.test', 'demo-manager');
    expect(new URL(page.url()).pathname).not.toBe('/login');
    await screenshot(page, `smoke-signed-in-js-${javaScript ? 'on' : 'off'}`);
  });

  it('keeps an unknown login out, and a real one still gets in on the same page', async () => {
    const page = await newPage({ javaScript });
    // An address nobody has, so the demo manager's failed-sign-in count (shared by the whole run) stays clean.
    await expect(signIn(page, 'nobody@demo.test', 'not-the-password')).rejects.toThrow('did not leave /login');
    await expect.poll(() => page.locator('input[name="password"]').count()).toBe(1);
    await signIn(page, 'manager@demo.test', 'demo-manager');
    expect(new URL(page.url()).pathname).not.toBe('/login');
  });
});
