import { describe, expect, it } from 'vitest';
import { isValidTwilioSignature, twilioSignature, webhookUrl } from '@/lib/messaging/twilio/signature';

// Worked example of Twilio's "Webhooks security" page
// (https://www.twilio.com/docs/usage/webhooks/webhooks-security, "Validating signatures
// from Twilio"): auth token 12345, this URL and these five parameters.
const docsToken = '12345';
const docsUrl = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const docsParams = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};
const docsSignature = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

// The same request with other numbers, from twilio-node's own tests
// (github.com/twilio/twilio-node, spec/validation.spec.js).
const nodeParams = { ...docsParams, Caller: '+14158675309', From: '+14158675309' };
const nodeSignature = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe("Twilio's published signature vectors", () => {
  it("computes the signature of Twilio's documentation example", () => {
    expect(twilioSignature(docsToken, docsUrl, docsParams)).toBe(docsSignature);
    expect(isValidTwilioSignature(docsToken, docsSignature, docsUrl, docsParams)).toBe(true);
  });

  it("accepts twilio-node's vector, with the parameters in any order", () => {
    const shuffled = { To: nodeParams.To, Digits: nodeParams.Digits, From: nodeParams.From, CallSid: nodeParams.CallSid, Caller: nodeParams.Caller };
    expect(twilioSignature(docsToken, docsUrl, shuffled)).toBe(nodeSignature);
  });

  it('reads the parameters from a parsed form body as well as from an object', () => {
    const body = new URLSearchParams('To=%2B18005551212&CallSid=CA1234567890ABCDE&Digits=1234&From=%2B12349013030&Caller=%2B12349013030');
    expect(isValidTwilioSignature(docsToken, docsSignature, docsUrl, body)).toBe(true);
  });

  it("signs a repeated parameter with all its values sorted, as Twilio's libraries do", () => {
    // twilio-node spec/validation.spec.js: "array parameter regardless of the position of values".
    const url = docsUrl;
    expect(twilioSignature(docsToken, url, { 'MessagingBinding.Address': ['+1325xxxxxxx', '+1415xxxxxxx'] })).toBe('83O6e2vORAoJHUNzJjDWN1jz+BA=');
    expect(twilioSignature(docsToken, url, { 'MessagingBinding.Address': ['+1415xxxxxxx', '+1325xxxxxxx'] })).toBe('83O6e2vORAoJHUNzJjDWN1jz+BA=');
    const form = new URLSearchParams([
      ['MessagingBinding.Address', '+1415xxxxxxx'],
      ['MessagingBinding.Address', '+1325xxxxxxx'],
    ]);
    expect(isValidTwilioSignature(docsToken, '83O6e2vORAoJHUNzJjDWN1jz+BA=', url, form)).toBe(true);
  });

  it('accepts the signature of the URL with the default port, as Twilio sometimes signs it', () => {
    // twilio-node: "should validate https urls without ports by adding standard port 443".
    expect(isValidTwilioSignature(docsToken, 'kvajT1Ptam85bY51eRf/AJRuM3w=', docsUrl, nodeParams)).toBe(true);
    // … and "http urls without ports by adding standard port 80".
    expect(isValidTwilioSignature(docsToken, '0ZXoZLH/DfblKGATFgpif+LLRf4=', docsUrl.replace('https', 'http'), nodeParams)).toBe(true);
  });

  it('keeps an unescaped quote in the query exactly as configured', () => {
    // twilio-node: "should validate urls with special characters".
    expect(isValidTwilioSignature(docsToken, 'dsq4Ehbj6cs+KdTkpF5sSSplOWw=', `${docsUrl}&Body=It's+amazing`, nodeParams)).toBe(true);
  });
});

describe('a forged or altered webhook is refused', () => {
  const valid = (header: string | null | undefined, url = docsUrl, params: Record<string, string> = docsParams) =>
    isValidTwilioSignature(docsToken, header, url, params);

  it('refuses a changed parameter value', () => {
    expect(valid(docsSignature, docsUrl, { ...docsParams, Digits: '1235' })).toBe(false);
  });

  it('refuses an added or a removed parameter', () => {
    expect(valid(docsSignature, docsUrl, { ...docsParams, Body: 'STOP' })).toBe(false);
    const { Digits: _digits, ...withoutDigits } = docsParams;
    expect(valid(docsSignature, docsUrl, withoutDigits)).toBe(false);
  });

  it('refuses another URL, another query, or http instead of https', () => {
    expect(valid(docsSignature, 'https://mycompany.com/myapp.php?foo=1&bar=3')).toBe(false);
    expect(valid(docsSignature, 'https://evil.example/myapp.php?foo=1&bar=2')).toBe(false);
    expect(valid(docsSignature, 'http://mycompany.com/myapp.php?foo=1&bar=2')).toBe(false);
  });

  it('refuses a signature made with another auth token', () => {
    expect(valid(twilioSignature('54321', docsUrl, docsParams))).toBe(false);
  });

  it('refuses a missing, empty, truncated, padded or garbage header without throwing', () => {
    expect(valid(undefined)).toBe(false);
    expect(valid(null)).toBe(false);
    expect(valid('')).toBe(false);
    expect(valid(docsSignature.slice(0, -1))).toBe(false);
    expect(valid(`${docsSignature}=`)).toBe(false);
    expect(valid(`${docsSignature} `)).toBe(false);
    expect(valid('x'.repeat(10_000))).toBe(false);
    expect(valid('Ω'.repeat(28))).toBe(false);
  });

  it('refuses everything when no auth token is configured', () => {
    expect(isValidTwilioSignature('', twilioSignature('', docsUrl, docsParams), docsUrl, docsParams)).toBe(false);
  });
});

describe('webhook URLs come from PUBLIC_URL', () => {
  it('joins the public URL and the path with exactly one slash', () => {
    expect(webhookUrl('https://pulse.example.com', '/api/webhooks/twilio/status')).toBe('https://pulse.example.com/api/webhooks/twilio/status');
    expect(webhookUrl('https://pulse.example.com/', '/api/webhooks/twilio/status')).toBe('https://pulse.example.com/api/webhooks/twilio/status');
    expect(webhookUrl('https://pulse.example.com//', 'api/webhooks/twilio/inbound')).toBe('https://pulse.example.com/api/webhooks/twilio/inbound');
  });

  it('keeps a path prefix, a port and the query string', () => {
    expect(webhookUrl('http://localhost:3000/pulse/', '/api/webhooks/twilio/status?attempt=2')).toBe(
      'http://localhost:3000/pulse/api/webhooks/twilio/status?attempt=2',
    );
  });

  it('signs and verifies the URL it builds', () => {
    const url = webhookUrl('http://localhost:3000/', '/api/webhooks/twilio/status');
    const params = { MessageSid: 'SM0123456789abcdef0123456789abcdef', MessageStatus: 'delivered' };
    expect(isValidTwilioSignature('token', twilioSignature('token', url, params), url, params)).toBe(true);
  });
});
