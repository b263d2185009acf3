// How many SMS segments a body takes (DESIGN §5 "Credits"), counted the way
// Twilio's public message-segment-calculator does, and which characters force
// the expensive UCS-2 encoding.
import { gsm7Replacement, gsm7Units } from './gsm7';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export type Ucs2Character = {
  /** The character as typed: one grapheme (an emoji with its modifiers counts as one). */
  char: string;
  /** Where it starts in the body, as a 0-based UTF-16 offset (`body.slice(index)`). */
  index: number;
  /** Plain GSM-7 text that reads the same; `''` means the character is invisible and can go. */
  suggestion?: string;
};

export type SegmentCount = {
  encoding: SmsEncoding;
  /** GSM-7 septets (extension characters count 2) or UTF-16 code units. */
  units: number;
  segments: number;
  /** Units one segment holds at this length: 160/70 alone, 153/67 as part of a longer message. */
  perSegment: number;
  /** Units still free in the last segment before another one is needed. */
  unitsLeftInSegment: number;
  /** Every character that forced UCS-2, in order (empty for GSM-7). */
  ucs2Characters: Ucs2Character[];
  /** Segments with every such character replaced; only when each has a suggestion. */
  segmentsIfReplaced?: number;
};

// A single SMS carries 140 octets. A part of a longer message gives 6 of them to
// the header that joins the parts, leaving 1072 bits: 153 septets or 67 UTF-16 units.
const capacity = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

type Atom = { text: string; index: number };

/**
 * The body as the pieces a segment boundary may not cut: graphemes (so an emoji
 * with its skin tone or joiners stays whole, as in Twilio's calculator), except
 * that CR LF is two pieces, as it is there.
 */
function atomsOf(body: string): Atom[] {
  const atoms: Atom[] = [];
  for (const { segment, index } of graphemes.segment(body)) {
    if (segment === '\r\n') atoms.push({ text: '\r', index }, { text: '\n', index: index + 1 });
    else atoms.push({ text: segment, index });
  }
  return atoms;
}

/** Greedy packing: the first segment takes what fits, and so on; an atom is never cut. */
function pack(sizes: readonly number[], encoding: SmsEncoding) {
  const { single, multi } = capacity[encoding];
  const units = sizes.reduce((sum, size) => sum + size, 0);
  if (units === 0) return { units, segments: 0, perSegment: single, unitsLeftInSegment: single };
  if (units <= single) return { units, segments: 1, perSegment: single, unitsLeftInSegment: single - units };
  let segments = 1;
  let filled = 0;
  for (const size of sizes) {
    if (filled + size > multi) {
      segments++;
      filled = 0;
    }
    filled += size;
  }
  return { units, segments, perSegment: multi, unitsLeftInSegment: multi - filled };
}

/** UTF-16 sizes of an atom in a UCS-2 body; a cluster too long for one part is cut between code points. */
function ucs2Sizes(atom: string): number[] {
  if (atom.length <= capacity['UCS-2'].multi) return [atom.length];
  return [...atom].map((codePoint) => codePoint.length);
}

function gsm7Sizes(body: string): number[] | undefined {
  const sizes: number[] = [];
  // Every GSM-7 character is a single UTF-16 unit, so no grapheme pass is needed.
  for (let i = 0; i < body.length; i++) {
    const units = gsm7Units(body[i]!);
    if (units === undefined) return undefined;
    sizes.push(units);
  }
  return sizes;
}

/**
 * Encoding, units and segments of an SMS body, after merge fields are filled.
 *
 * `segmentsIfReplaced` is given only when every character that forces UCS-2 has
 * a suggestion: if one of them (an emoji, a ç) has none, replacing the others
 * would not bring the message back to GSM-7 and would save nothing.
 */
export function segmentsOf(body: string): SegmentCount {
  const gsmSizes = gsm7Sizes(body);
  if (gsmSizes) return { encoding: 'GSM-7', ...pack(gsmSizes, 'GSM-7'), ucs2Characters: [] };

  const atoms = atomsOf(body);
  const ucs2Characters: Ucs2Character[] = [];
  for (const atom of atoms) {
    if (gsm7Units(atom.text) !== undefined) continue;
    const suggestion = gsm7Replacement(atom.text);
    ucs2Characters.push(suggestion === undefined ? { char: atom.text, index: atom.index } : { char: atom.text, index: atom.index, suggestion });
  }
  const count: SegmentCount = {
    encoding: 'UCS-2',
    ...pack(atoms.flatMap((atom) => ucs2Sizes(atom.text)), 'UCS-2'),
    ucs2Characters,
  };
  if (ucs2Characters.every((c) => c.suggestion !== undefined)) {
    count.segmentsIfReplaced = segmentsOf(replaceUcs2Characters(body, ucs2Characters)).segments;
  }
  return count;
}

/** The body with each suggestable character replaced by its suggestion. */
export function replaceUcs2Characters(body: string, characters: readonly Ucs2Character[]): string {
  let replaced = '';
  let from = 0;
  for (const { char, index, suggestion } of characters) {
    if (suggestion === undefined) continue;
    replaced += body.slice(from, index) + suggestion;
    from = index + char.length;
  }
  return replaced + body.slice(from);
}
