// The TwiML answer to an inbound-message webhook: an empty <Response/> (nothing to
// say) or one <Message> per text to send back (HELP and STOP confirmations).

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

// Characters XML 1.0 forbids even escaped: C0 controls other than tab, line feed and
// carriage return, unpaired surrogates, and U+FFFE/U+FFFF. An emoji (a surrogate
// pair) is kept.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe as XML character data. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** The TwiML document Twilio expects in answer to an inbound message. */
export function twimlResponse(messages: readonly string[] = []): string {
  const texts = messages.filter((m) => m.trim() !== '');
  if (texts.length === 0) return `${XML_DECLARATION}<Response/>`;
  return `${XML_DECLARATION}<Response>${texts.map((m) => `<Message>${escapeXml(m)}</Message>`).join('')}</Response>`;
}
