// The Twilio REST client against a local server that plays Twilio's API.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMessage,
  findMessages,
  PermanentProviderError,
  TransientProviderError,
  type NewMessage,
} from '@/lib/messaging/twilio/client';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio';

let twilio: FakeTwilio;

beforeAll(async () => {
  twilio = await startFakeTwilio();
});

afterAll(async () => {
  await twilio.close();
});

const text = (overrides: Partial<NewMessage> = {}): NewMessage => ({
  accountSid: twilio.accountSid,
  authToken: twilio.authToken,
  baseUrl: twilio.baseUrl,
  to: '+12025550143',
  from: '+12025550100',
  body: 'Hi Ana, our spring sale starts today',
  statusCallback: 'https://pulse.example.com/api/webhooks/twilio/status',
  ...overrides,
});

/** The error a call throws, for assertions on its fields. */
async function failureOf(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}

describe('sending a text', () => {
  it("posts Twilio's form fields with Basic auth and returns the new sid", async () => {
    const created = await createMessage(text());

    expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(created.status).toBe('queued');
    expect(created.errorCode).toBeNull();
    const request = twilio.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request.form)).toEqual({
      To: '+12025550143',
      From: '+12025550100',
      Body: 'Hi Ana, our spring sale starts today',
      StatusCallback: 'https://pulse.example.com/api/webhooks/twilio/status',
    });
    expect(twilio.messages.map((m) => m.sid)).toContain(created.sid);
  });

  it('keeps emoji, accents and line breaks of the body intact', async () => {
    const body = 'Olá Zoë 👋\nResponda SIM & ganhe 10% <já>';
    await createMessage(text({ body }));
    expect(twilio.messages.at(-1)?.body).toBe(body);
  });
});

describe("Twilio's refusals are permanent, with Twilio's code", () => {
  it.each([
    ['+15005550001', 21211],
    ['+15005550002', 21612],
    ['+15005550003', 21408],
    ['+15005550004', 21610],
    ['+15005550009', 21614],
  ])('sending to %s fails with %i', async (to, code) => {
    const error = await failureOf(createMessage(text({ to })));
    expect(error).toBeInstanceOf(PermanentProviderError);
    expect((error as PermanentProviderError).code).toBe(code);
    expect((error as PermanentProviderError).httpStatus).toBe(400);
    expect((error as PermanentProviderError).moreInfo).toBe(`https://www.twilio.com/docs/errors/${code}`);
  });

  it('a body over 1600 characters fails with 21617 and sends nothing', async () => {
    const before = twilio.messages.length;
    const error = await failureOf(createMessage(text({ body: 'x'.repeat(1601) })));
    expect(error).toBeInstanceOf(PermanentProviderError);
    expect((error as PermanentProviderError).code).toBe(21617);
    expect(twilio.messages.length).toBe(before);
  });

  it('a wrong auth token fails with 20003', async () => {
    const error = await failureOf(createMessage(text({ authToken: 'not-the-token' })));
    expect(error).toBeInstanceOf(PermanentProviderError);
    expect((error as PermanentProviderError).code).toBe(20003);
    expect((error as PermanentProviderError).httpStatus).toBe(401);
  });
});

describe('passing trouble is transient', () => {
  it('a 429 is retried after the time Twilio asks for, and nothing was sent', async () => {
    twilio.misbehaveOnce({
      kind: 'answer',
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '7' },
      body: JSON.stringify({ code: 20429, message: 'Too Many Requests', more_info: 'https://www.twilio.com/docs/errors/20429', status: 429 }),
    });
    const error = await failureOf(createMessage(text()));
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ code: 20429, httpStatus: 429, retryAfterSeconds: 7, outcomeUnknown: false });
  });

  it('a 4xx with a transient Twilio code (a full sender queue) is retried', async () => {
    twilio.misbehaveOnce({
      kind: 'answer',
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 21611, message: "This 'From' number has exceeded the maximum number of queued messages", status: 400 }),
    });
    const error = await failureOf(createMessage(text()));
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ code: 21611, outcomeUnknown: false });
  });

  it('a 503 with JSON and a 502 with an HTML page are retried, and may have sent the text', async () => {
    twilio.misbehaveOnce({
      kind: 'answer',
      status: 503,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 20503, message: 'Service Unavailable', status: 503 }),
    });
    expect(await failureOf(createMessage(text()))).toMatchObject({ name: 'TransientProviderError', code: 20503, outcomeUnknown: true });

    twilio.misbehaveOnce({ kind: 'answer', status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' });
    const error = await failureOf(createMessage(text()));
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ code: null, httpStatus: 502, outcomeUnknown: true });
  });

  it('a 201 whose body is not JSON is treated as possibly sent', async () => {
    twilio.misbehaveOnce({ kind: 'answer', status: 201, body: 'created' });
    const error = await failureOf(createMessage(text()));
    expect(error).toBeInstanceOf(TransientProviderError);
    expect((error as TransientProviderError).outcomeUnknown).toBe(true);
  });

  it('a dropped connection is retried, and may have sent the text', async () => {
    twilio.misbehaveOnce({ kind: 'drop' });
    const error = await failureOf(createMessage(text()));
    expect(error).toBeInstanceOf(TransientProviderError);
    expect((error as TransientProviderError).outcomeUnknown).toBe(true);
  });

  it('a refused connection is retried, and certainly sent nothing', async () => {
    // A port that was just free and is closed again.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const error = await failureOf(createMessage(text({ baseUrl: `http://127.0.0.1:${port}` })));
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error.message).toContain('ECONNREFUSED');
    expect((error as TransientProviderError).outcomeUnknown).toBe(false);
  });

  it('a caller that aborts (the worker shutting down) gets a transient error', async () => {
    twilio.misbehaveOnce({ kind: 'slow', delayMs: 2_000 });
    const error = await failureOf(createMessage(text({ signal: AbortSignal.timeout(100), body: 'aborted by the worker' })));
    expect(error).toBeInstanceOf(TransientProviderError);
    expect((error as TransientProviderError).outcomeUnknown).toBe(true);
  });
});

describe('a send that timed out is found again instead of being sent twice', () => {
  it('times out, then finds the text Twilio accepted meanwhile', async () => {
    const claimedAt = new Date(Date.now() - 1_000);
    const to = '+12025550177';
    twilio.misbehaveOnce({ kind: 'slow', delayMs: 1_500 });

    const error = await failureOf(createMessage(text({ to, body: 'Your survey: https://pulse.example.com/s/abc', timeoutMs: 200 })));
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error.message).toBe('Twilio did not answer in time');
    expect((error as TransientProviderError).outcomeUnknown).toBe(true);

    const found = await findMessages({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      baseUrl: twilio.baseUrl,
      to,
      from: '+12025550100',
      dateSentAfter: claimedAt,
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ to, from: '+12025550100', body: 'Your survey: https://pulse.example.com/s/abc', status: 'sent', errorCode: null });
    expect(found[0]!.sid).toBe(twilio.messages.find((m) => m.to === to)!.sid);
    expect(found[0]!.dateSent!.getTime()).toBeGreaterThanOrEqual(Math.floor(claimedAt.getTime() / 1000) * 1000);
  });
});

describe('listing sent texts', () => {
  it('asks Twilio for one recipient, one sender and a start time, in whole UTC seconds', async () => {
    await findMessages({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      baseUrl: twilio.baseUrl,
      to: '+12025550143',
      from: '+12025550100',
      dateSentAfter: new Date('2024-05-01T12:34:56.789Z'),
    });
    const request = twilio.requests.at(-1)!;
    expect(request.method).toBe('GET');
    expect(request.query.get('To')).toBe('+12025550143');
    expect(request.query.get('From')).toBe('+12025550100');
    expect(request.query.get('DateSent>')).toBe('2024-05-01T12:34:56Z');
  });

  it('leaves out texts to other recipients and texts sent before the start time', async () => {
    const to = '+12025550188';
    await createMessage(text({ to, body: 'first' }));
    const between = new Date(Date.now() + 1_000);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await createMessage(text({ to, body: 'second' }));
    await createMessage(text({ to: '+12025550199', body: 'someone else' }));

    const found = await findMessages({ accountSid: twilio.accountSid, authToken: twilio.authToken, baseUrl: twilio.baseUrl, to, from: '+12025550100', dateSentAfter: between });
    expect(found.map((m) => m.body)).toEqual(['second']);
  });

  it('fails permanently with a wrong auth token', async () => {
    const error = await failureOf(
      findMessages({ accountSid: twilio.accountSid, authToken: 'wrong', baseUrl: twilio.baseUrl, to: '+12025550143', from: '+12025550100', dateSentAfter: new Date() }),
    );
    expect(error).toBeInstanceOf(PermanentProviderError);
    expect((error as PermanentProviderError).code).toBe(20003);
  });
});
