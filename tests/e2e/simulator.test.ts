// The simulator as a manager uses it: texting in as a contact (a keyword answered
// through the real inbound webhook), the outbox page and its JSON, managers only.
import { expect, it } from 'vitest';
import { describeE2E, describeWithAndWithoutJavaScript, newPage, screenshot, signIn } from './support/e2e';

/** A number no other test uses, different for each run and each mode. */
const strangerPhone = (javaScript: boolean) => `+1415${javaScript ? 7 : 8}${String(Date.now()).slice(-6)}`;

describeWithAndWithoutJavaScript('the SMS simulator', (javaScript) => {
  it('texts in as a contact and shows what Pulse answered', async () => {
    const page = await newPage({ javaScript });
    await signIn(page, 'manager@demo.test', 'demo-manager');
    await page.goto('/sim');
    const phone = strangerPhone(javaScript);
    const form = page.locator('form').filter({ has: page.locator('textarea[name="body"]') });
    await form.locator('input[name="from"]').fill(phone);
    await form.locator('textarea[name="body"]').fill('HELP');
    await form.locator('[type="submit"]').click();
    await expect.poll(() => form.innerText(), { timeout: 20_000 }).toMatch(/Pulse answered: .*STOP/);

    await form.locator('input[name="from"]').fill(phone);
    await form.locator('textarea[name="body"]').fill('Stop please');
    await form.locator('[type="submit"]').click();
    await expect.poll(() => form.innerText(), { timeout: 20_000 }).toMatch(/unsubscribed/i);
    await screenshot(page, `simulator-js-${javaScript ? 'on' : 'off'}`);
  });

  it('keeps what was typed when the phone is not a number', async () => {
    const page = await newPage({ javaScript, viewport: 'phone' });
    await signIn(page, 'manager@demo.test', 'demo-manager');
    await page.goto('/sim');
    const form = page.locator('form').filter({ has: page.locator('textarea[name="body"]') });
    await form.locator('input[name="from"]').fill('not a phone');
    await form.locator('textarea[name="body"]').fill('Are you open on Sunday?');
    await form.locator('[type="submit"]').click();
    await expect.poll(() => form.innerText(), { timeout: 20_000 }).toContain('Enter a valid phone number');
    expect(await form.locator('textarea[name="body"]').inputValue()).toBe('Are you open on Sunday?');
    expect(await form.locator('input[name="from"]').inputValue()).toBe('not a phone');
  });
});

describeE2E('the outbox JSON', () => {
  it("lists the manager's own account's texts, newest first, and refuses agents", async () => {
    const page = await newPage({ javaScript: true });
    await signIn(page, 'manager@demo.test', 'demo-manager');
    const all = (await (await page.request.get('/api/sim/outbox')).json()) as Array<{ sid: string; to: string; createdAt: string }>;
    expect(all.length).toBeGreaterThan(0);
    const times = all.map((t) => Date.parse(t.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const one = all[0]!;
    const filtered = (await (await page.request.get(`/api/sim/outbox?to=${encodeURIComponent(one.to)}`)).json()) as Array<{ to: string }>;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((t) => t.to === one.to)).toBe(true);
    expect((await page.request.get('/api/sim/outbox?to=banana')).status()).toBe(400);

    const other = await newPage({ javaScript: true });
    await signIn(other, 'manager@other.test', 'other-manager');
    const theirs = (await (await other.request.get('/api/sim/outbox')).json()) as Array<{ sid: string }>;
    expect(theirs.map((t) => t.sid)).not.toContain(one.sid);

    const agent = await newPage({ javaScript: true });
    await signIn(agent, 'agent@demo.test', 'demo-agent').catch(() => undefined);
    expect((await agent.request.get('/api/sim/outbox')).status()).toBe(403);
    expect((await agent.goto('/sim'))!.status()).toBe(403);
    expect((await (await newPage({ javaScript: true })).request.get('/api/sim/outbox')).status()).toBe(401);
  });
});
