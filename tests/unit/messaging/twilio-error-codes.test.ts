import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isBadNumberError,
  isOptOutError,
  isTransientTwilioError,
  KNOWN_TWILIO_ERROR_CODES,
  twilioError,
  twilioErrorMessage,
} from '@/lib/messaging/twilio/error-codes';

const catalog = (locale: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../../lib/i18n/messages/${locale}/twilioErrors.json`), 'utf8')) as Record<
    string,
    string
  >;

describe('what a Twilio error code means', () => {
  it('names the errors a manager sees beside failed recipients', () => {
    expect(twilioError(30003)?.meaning).toBe('unreachable handset');
    expect(twilioError(30005)?.meaning).toBe('unknown destination handset');
    expect(twilioError(30006)?.meaning).toBe('landline or unreachable carrier');
    expect(twilioError(30007)?.meaning).toBe('carrier filtering');
    expect(twilioError(30008)?.meaning).toBe('unknown error');
    expect(twilioError(21610)?.meaning).toBe('recipient unsubscribed (texted STOP)');
  });

  it('treats only 21610 as an opt-out', () => {
    expect(isOptOutError(21610)).toBe(true);
    expect(KNOWN_TWILIO_ERROR_CODES.filter((code) => isOptOutError(code))).toEqual([21610]);
  });

  it('flags numbers that can never receive texts, so resends can warn', () => {
    for (const code of [21211, 21614, 30005, 30006]) expect(isBadNumberError(code)).toBe(true);
    // A phone that is off, carrier filtering or a rate limit says nothing bad about the number.
    for (const code of [30003, 30007, 30008, 20429, 21610]) expect(isBadNumberError(code)).toBe(false);
  });

  it('retries rate limits, full queues and provider outages, not refusals', () => {
    for (const code of [20429, 20500, 20503, 21611, 30001, 30003, 30008, 30500]) expect(isTransientTwilioError(code)).toBe(true);
    for (const code of [20003, 21211, 21408, 21606, 21610, 21612, 21614, 21617, 30006, 30007]) {
      expect(isTransientTwilioError(code)).toBe(false);
    }
  });

  it('knows nothing of codes Twilio added later, and does not retry them', () => {
    expect(twilioError(12345)).toBeUndefined();
    expect(twilioError(null)).toBeUndefined();
    expect(isTransientTwilioError(99999)).toBe(false);
    expect(isOptOutError(undefined)).toBe(false);
  });
});

describe('the words for an error code', () => {
  it('has an English and a Portuguese text for every known code, and none for unknown ones', () => {
    for (const locale of ['en', 'pt-BR']) {
      const texts = catalog(locale);
      const codes = Object.keys(texts).filter((key) => key !== 'unknown');
      expect(codes.map(Number).sort()).toEqual([...KNOWN_TWILIO_ERROR_CODES].sort());
      for (const code of codes) expect(texts[code]?.trim()).not.toBe('');
    }
  });

  it('points a known code at its own text and any other code at "Error {code}"', () => {
    expect(twilioErrorMessage(30006)).toEqual({ key: '30006', values: { code: 30006 } });
    expect(twilioErrorMessage(12345)).toEqual({ key: 'unknown', values: { code: 12345 } });
    expect(catalog('en').unknown).toBe('Error {code}');
    expect(catalog('pt-BR').unknown).toBe('Erro {code}');
  });
});
