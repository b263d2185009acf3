// segmentsOf against a deliberately plain reference: the GSM 03.38 table written
// out as code points, and segments built bit by bit the way the SMS format does
// it (140 octets; a 6-octet header on every part once there are two or more).
import { describe, expect, it } from 'vitest';
import { segmentsOf } from '@/lib/billing/segments';

// GSM 03.38 basic set, in table order, as Unicode code points.
const basic = new Set([
  0x40, 0xa3, 0x24, 0xa5, 0xe8, 0xe9, 0xf9, 0xec, 0xf2, 0xc7, 0x0a, 0xd8, 0xf8, 0x0d, 0xc5, 0xe5,
  0x394, 0x5f, 0x3a6, 0x393, 0x39b, 0x3a9, 0x3a0, 0x3a8, 0x3a3, 0x398, 0x39e, 0xc6, 0xe6, 0xdf, 0xc9,
  0x20, 0x21, 0x22, 0x23, 0xa4, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
  ...range(0x30, 0x39), 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
  0xa1, ...range(0x41, 0x5a), 0xc4, 0xd6, 0xd1, 0xdc, 0xa7,
  0xbf, ...range(0x61, 0x7a), 0xe4, 0xf6, 0xf1, 0xfc, 0xe0,
]);
// The extension table (after the escape): form feed ^ { } \ [ ~ ] | €.
const extension = new Set([0x0c, 0x5e, 0x7b, 0x7d, 0x5c, 0x5b, 0x7e, 0x5d, 0x7c, 0x20ac]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function referenceSegments(body: string): { encoding: string; segments: number } {
  const characters = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(body)].flatMap(({ segment }) =>
    segment === '\r\n' ? ['\r', '\n'] : [segment],
  );
  const isGsm = (c: string) => c.length === 1 && (basic.has(c.charCodeAt(0)) || extension.has(c.charCodeAt(0)));
  const gsm7 = characters.every(isGsm);
  const bits = (c: string) => (gsm7 ? (extension.has(c.charCodeAt(0)) ? 14 : 7) : 16 * c.length);

  const segments: string[][] = [[]];
  const used = [0]; // bits used in each segment, header included
  for (const c of characters) {
    if (used[used.length - 1]! + bits(c) > 1120) {
      segments.push([]);
      used.push(48);
      if (segments.length === 2) {
        // The first part now needs a header too: what no longer fits moves on.
        used[0]! += 48;
        while (used[0]! > 1120) {
          const moved = segments[0]!.pop()!;
          used[0]! -= bits(moved);
          segments[1]!.unshift(moved);
          used[1]! += bits(moved);
        }
      }
    }
    segments[segments.length - 1]!.push(c);
    used[used.length - 1]! += bits(c);
  }
  return { encoding: gsm7 ? 'GSM-7' : 'UCS-2', segments: characters.length === 0 ? 0 : segments.length };
}

// A small deterministic generator so a failure reproduces.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const gsmPool = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?-@£$éèÇÑÜΔ\n', '\r\n', '€', '^', '{', '}', '[', ']', '~', '\\', '|', '\f'];
const otherPool = ['ç', 'ã', 'õ', '’', '“', '”', '–', '…', 'ж', '😀', '👍🏽', '👨‍👩‍👧', '🇧🇷', 'e\u0301', '\u00a0', '中'];

describe('segmentsOf agrees with the bit-by-bit reference', () => {
  it('on 2000 random bodies of every length up to 700 characters', () => {
    const next = random(20260308);
    const disagreements: unknown[] = [];
    for (let run = 0; run < 2000; run++) {
      const length = Math.floor(next() * 700);
      const mixed = next() < 0.5;
      let body = '';
      for (let i = 0; i < length; i++) {
        const pool = mixed && next() < 0.1 ? otherPool : gsmPool;
        body += pool[Math.floor(next() * pool.length)]!;
      }
      const expected = referenceSegments(body);
      const actual = segmentsOf(body);
      if (actual.encoding !== expected.encoding || actual.segments !== expected.segments) disagreements.push({ body, actual, expected });
    }
    expect(disagreements).toEqual([]);
  }, 30_000);

  it('at every length around the boundaries for each kind of character', () => {
    const disagreements: unknown[] = [];
    for (const filler of ['a', '€', 'ж', '😀', '👨‍👩‍👧']) {
      for (const prefix of ['', 'a', 'ж', '€', '😀']) {
        // Up to 330 units covers 160/161 and 2×153 for GSM-7, and 70/71 to 4×67 for UCS-2.
        for (let n = 0; prefix.length + n * filler.length <= 330; n++) {
          const body = prefix + filler.repeat(n);
          const [actual, expected] = [segmentsOf(body).segments, referenceSegments(body).segments];
          if (actual !== expected) disagreements.push({ body, actual, expected });
        }
      }
    }
    expect(disagreements).toEqual([]);
  }, 30_000);
});
