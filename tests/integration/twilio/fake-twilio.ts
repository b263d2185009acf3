// A local HTTP server that plays Twilio's Messages API for the client's tests: it
// checks Basic auth, validates like Twilio (including Twilio's magic test numbers),
// answers Twilio-shaped JSON, and can be told to misbehave (rate limits, outages,
// slow answers, dropped connections). A fake peer, not a mock of our code.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StoredMessage = {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  dateCreated: Date;
  dateSent: Date | null;
};

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  form: URLSearchParams;
};

/** What the next request gets instead of the normal answer. */
export type Misbehaviour =
  | { kind: 'answer'; status: number; body: string; headers?: Record<string, string> }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drop' };

// Twilio's test credentials answer these To numbers with these errors
// (https://www.twilio.com/docs/iam/test-credentials).
const MAGIC_TO: Record<string, { code: number; message: string }> = {
  '+15005550001': { code: 21211, message: "The 'To' number +15005550001 is not a valid phone number." },
  '+15005550002': { code: 21612, message: "The 'To' phone number: +15005550002, is not currently reachable using the 'From' phone number via SMS." },
  '+15005550003': { code: 21408, message: 'Permission to send an SMS has not been enabled for the region indicated by the \'To\' number: +15005550003.' },
  '+15005550004': { code: 21610, message: 'Attempt to send to unsubscribed recipient' },
  '+15005550009': { code: 21614, message: "'To' number +15005550009 is not a valid mobile number" },
};

const rfc2822 = (at: Date) => at.toUTCString().replace('GMT', '+0000');

function twilioError(res: ServerResponse, status: number, code: number, message: string) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
}

function messageJson(accountSid: string, m: StoredMessage) {
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: m.body,
    date_created: rfc2822(m.dateCreated),
    date_sent: m.dateSent ? rfc2822(m.dateSent) : null,
    date_updated: rfc2822(m.dateCreated),
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: m.from,
    num_segments: '1',
    sid: m.sid,
    status: m.dateSent ? 'sent' : 'queued',
    to: m.to,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
  };
}

export async function startFakeTwilio(options: { accountSid?: string; authToken?: string } = {}) {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const messages: StoredMessage[] = [];
  const requests: RecordedRequest[] = [];
  const misbehaviours: Misbehaviour[] = [];
  const listPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake-twilio');
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, form });
      void answer(req, res, url, form);
    });
  });

  async function answer(req: IncomingMessage, res: ServerResponse, url: URL, form: URLSearchParams) {
    const misbehaviour = misbehaviours.shift();
    if (misbehaviour?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (misbehaviour?.kind === 'answer') {
      res.writeHead(misbehaviour.status, misbehaviour.headers ?? {});
      res.end(misbehaviour.body);
      return;
    }
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return twilioError(res, 401, 20003, 'Authenticate');
    if (url.pathname !== listPath) return twilioError(res, 404, 20404, 'The requested resource was not found');

    if (req.method === 'GET') {
      const after = url.searchParams.get('DateSent>');
      const since = after ? new Date(after) : null;
      const found = messages
        .filter((m) => (!url.searchParams.has('To') || m.to === url.searchParams.get('To')) && (!url.searchParams.has('From') || m.from === url.searchParams.get('From')))
        .filter((m) => !since || (m.dateSent !== null && m.dateSent >= since))
        .reverse()
        .slice(0, Number(url.searchParams.get('PageSize') ?? 50));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: found.map((m) => messageJson(accountSid, m)), page: 0, page_size: found.length, next_page_uri: null }));
      return;
    }

    const to = form.get('To') ?? '';
    const body = form.get('Body') ?? '';
    if (!to) return twilioError(res, 400, 21604, "A 'To' phone number is required.");
    if (!body) return twilioError(res, 400, 21602, 'Message body is required.');
    if (body.length > 1600) return twilioError(res, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    const magic = MAGIC_TO[to];
    if (magic) return twilioError(res, 400, magic.code, magic.message);

    const now = new Date();
    const stored: StoredMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from: form.get('From') ?? '',
      body,
      statusCallback: form.get('StatusCallback'),
      dateCreated: now,
      // This fake hands every text to the carrier at once.
      dateSent: now,
    };
    messages.push(stored);
    // A slow answer comes after the message exists: the client may give up on a text
    // Twilio has in fact accepted.
    if (misbehaviour?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, misbehaviour.delayMs));
    if (res.destroyed) return;
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...messageJson(accountSid, stored), status: 'queued', date_sent: null }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    requests,
    /** The next request (one per call) gets this instead of the normal answer. */
    misbehaveOnce(misbehaviour: Misbehaviour) {
      misbehaviours.push(misbehaviour);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;
