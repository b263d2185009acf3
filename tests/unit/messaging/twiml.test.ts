import { describe, expect, it } from 'vitest';
import { twimlResponse } from '@/lib/messaging/twilio/twiml';

const declaration = '<?xml version="1.0" encoding="UTF-8"?>';

describe('the TwiML answer to an inbound text', () => {
  it('is an empty Response when there is nothing to say', () => {
    expect(twimlResponse()).toBe(`${declaration}<Response/>`);
    expect(twimlResponse([])).toBe(`${declaration}<Response/>`);
  });

  it('does not send a blank text', () => {
    expect(twimlResponse(['', '  '])).toBe(`${declaration}<Response/>`);
  });

  it('sends each confirmation as its own Message, in order', () => {
    expect(twimlResponse(['Demo: You are unsubscribed.', 'Reply START to resubscribe.'])).toBe(
      `${declaration}<Response><Message>Demo: You are unsubscribed.</Message><Message>Reply START to resubscribe.</Message></Response>`,
    );
  });

  it('escapes markup so a business name cannot break or inject TwiML', () => {
    expect(twimlResponse(['Tom & Jerry\'s <b>"Deli"</b></Message><Redirect>http://evil</Redirect>'])).toBe(
      `${declaration}<Response><Message>Tom &amp; Jerry&apos;s &lt;b&gt;&quot;Deli&quot;&lt;/b&gt;&lt;/Message&gt;&lt;Redirect&gt;http://evil&lt;/Redirect&gt;</Message></Response>`,
    );
  });

  it('keeps emoji, accents and line breaks', () => {
    expect(twimlResponse(['Olá 👋 São Paulo\nLinha 2\tfim'])).toBe(`${declaration}<Response><Message>Olá 👋 São Paulo\nLinha 2\tfim</Message></Response>`);
  });

  it('drops characters XML cannot carry', () => {
    expect(twimlResponse(['a\u0000b\u0007c\u001Bd\uFFFEe\uD800f'])).toBe(`${declaration}<Response><Message>abcdef</Message></Response>`);
  });

  it('does not double-escape an entity-looking text', () => {
    expect(twimlResponse(['5 &lt; 6'])).toContain('<Message>5 &amp;lt; 6</Message>');
  });
});
