import { describe, expect, it } from 'vitest';
import { replaceUcs2Characters, segmentsOf } from '@/lib/billing/segments';

const gsm = (n: number) => 'a'.repeat(n);
const ucs2 = (n: number) => 'ж'.repeat(n); // Cyrillic: one UTF-16 unit, not GSM-7
const emoji = '😀'; // a surrogate pair: two UTF-16 units that may not be split

describe('GSM-7 bodies', () => {
  it('an empty body takes no segment and no credit', () => {
    expect(segmentsOf('')).toMatchObject({ encoding: 'GSM-7', units: 0, segments: 0, unitsLeftInSegment: 160, ucs2Characters: [] });
  });

  it('160 characters fit one segment, 161 need two', () => {
    expect(segmentsOf(gsm(160))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160, unitsLeftInSegment: 0 });
    expect(segmentsOf(gsm(161))).toMatchObject({ units: 161, segments: 2, perSegment: 153, unitsLeftInSegment: 153 * 2 - 161 });
  });

  it.each([2, 3, 4])('153×k characters fill k segments exactly and one more starts another (k = %i)', (k) => {
    expect(segmentsOf(gsm(153 * k))).toMatchObject({ segments: k, unitsLeftInSegment: 0 });
    expect(segmentsOf(gsm(153 * k + 1))).toMatchObject({ segments: k + 1, unitsLeftInSegment: 152 });
  });

  it('extension characters count two units: 159 letters and a € are 161 units, two segments', () => {
    expect(segmentsOf(gsm(158) + '€')).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(segmentsOf(gsm(159) + '€')).toMatchObject({ encoding: 'GSM-7', units: 161, segments: 2 });
  });

  it.each(['^', '{', '}', '[', ']', '~', '\\', '|', '€', '\f'])('%j is an extension character worth two units', (c) => {
    expect(segmentsOf(c)).toMatchObject({ encoding: 'GSM-7', units: 2 });
  });

  it('an escape pair that would straddle the 153rd unit moves whole to the next segment', () => {
    // 152 + 2 = 154 units in the first part if it were cut: it is not, so the
    // first part holds 152, the € opens the second, and 153 more letters spill into a third.
    const body = gsm(152) + '€' + gsm(152);
    expect(segmentsOf(body).units).toBe(306); // 2 × 153 by plain division …
    expect(segmentsOf(body).segments).toBe(3); // … but a third part is needed
    expect(segmentsOf(gsm(151) + '€' + gsm(153)).segments).toBe(2);
  });

  it('line breaks, including CR LF, are GSM-7 characters of one unit each', () => {
    expect(segmentsOf('Hi\r\nthere\n')).toMatchObject({ encoding: 'GSM-7', units: 10, segments: 1 });
  });

  it('Greek capitals and other symbols of the basic set stay GSM-7', () => {
    expect(segmentsOf('ΔΦΓΛΩΠΨΣΘΞ @£$¥¤§¿¡ ÆæØøÅåß')).toMatchObject({ encoding: 'GSM-7', ucs2Characters: [] });
  });
});

describe('UCS-2 bodies', () => {
  it('70 units fit one segment, 71 need two', () => {
    expect(segmentsOf(ucs2(70))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1, perSegment: 70, unitsLeftInSegment: 0 });
    expect(segmentsOf(ucs2(71))).toMatchObject({ units: 71, segments: 2, perSegment: 67, unitsLeftInSegment: 63 });
  });

  it.each([2, 3, 4])('67×k units fill k segments exactly and one more starts another (k = %i)', (k) => {
    expect(segmentsOf(ucs2(67 * k))).toMatchObject({ segments: k, unitsLeftInSegment: 0 });
    expect(segmentsOf(ucs2(67 * k + 1))).toMatchObject({ segments: k + 1, unitsLeftInSegment: 66 });
  });

  it('counts an emoji as two units and never splits it across segments', () => {
    expect(segmentsOf(emoji.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // 66 units then an emoji: it cannot take the 67th unit alone, so it opens part two.
    const body = ucs2(66) + emoji + ucs2(66);
    expect(segmentsOf(body).units).toBe(134); // 2 × 67 by plain division …
    expect(segmentsOf(body).segments).toBe(3); // … but it needs three parts
    expect(segmentsOf(ucs2(65) + emoji + ucs2(67)).segments).toBe(2);
  });

  it('an emoji built from several code points stays whole, as in Twilio’s calculator', () => {
    const family = '👨‍👩‍👧'; // three emoji joined: 8 UTF-16 units
    expect(segmentsOf(family)).toMatchObject({ units: 8, ucs2Characters: [{ char: family, index: 0 }] });
    // Cut between its code points, 62 + 5 units would fill part one exactly and two parts would do.
    expect(segmentsOf(ucs2(62) + family + ucs2(64)).segments).toBe(3);
    expect(segmentsOf(ucs2(59) + family + ucs2(67)).segments).toBe(2);
  });

  it('a single grapheme longer than a whole part (stacked accents) is cut rather than never fitting', () => {
    const stacked = 'a' + '\u0301'.repeat(100); // one grapheme, 101 units
    expect(segmentsOf(stacked)).toMatchObject({ encoding: 'UCS-2', units: 101, segments: 2, unitsLeftInSegment: 33 });
  });

  it('characters of the GSM extension table count one unit in a UCS-2 body', () => {
    expect(segmentsOf('€{}ж')).toMatchObject({ encoding: 'UCS-2', units: 4 });
  });
});

describe('characters that force UCS-2', () => {
  it('a lone curly apostrophe turns a 100-character text into two UCS-2 segments, and says what to type instead', () => {
    const body = ("We're open until 9 tonight: come by for the spring sale and bring a friend along. " + '-'.repeat(100)).slice(0, 100);
    const curly = body.replace("'", '’');
    expect(curly).toHaveLength(100);
    expect(segmentsOf(body)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(segmentsOf(curly)).toMatchObject({
      encoding: 'UCS-2',
      units: 100,
      segments: 2,
      ucs2Characters: [{ char: '’', index: 2, suggestion: "'" }],
      segmentsIfReplaced: 1,
    });
  });

  it.each([
    ['‘', "'"],
    ['“', '"'],
    ['”', '"'],
    ['–', '-'],
    ['—', '-'],
    ['…', '...'],
    ['\u00a0', ' '],
    ['\u200b', ''],
    ['«', '"'],
    ['Ａ', 'A'],
    ['e\u0301', 'é'],
  ])('suggests %j → %j', (char, suggestion) => {
    expect(segmentsOf(`x${char}y`).ucs2Characters).toEqual([{ char, index: 1, suggestion }]);
  });

  it('lists each occurrence at its UTF-16 offset, after an emoji too', () => {
    const body = `${emoji} “quoted” – done`;
    expect(segmentsOf(body).ucs2Characters).toEqual([
      { char: emoji, index: 0 },
      { char: '“', index: 3, suggestion: '"' },
      { char: '”', index: 10, suggestion: '"' },
      { char: '–', index: 12, suggestion: '-' },
    ]);
    expect(body.slice(12, 13)).toBe('–');
  });

  it('offers no replacement count when a character has no GSM-7 equivalent', () => {
    const count = segmentsOf(`“Hi” ${emoji}`);
    expect(count.ucs2Characters).toHaveLength(3);
    expect(count.segmentsIfReplaced).toBeUndefined();
  });

  it('counts the replacement after expansion: each … becomes three units', () => {
    const body = gsm(150) + '…';
    expect(segmentsOf(body)).toMatchObject({ encoding: 'UCS-2', segments: 3, segmentsIfReplaced: 1 });
    expect(segmentsOf(gsm(158) + '…')).toMatchObject({ segmentsIfReplaced: 2 });
    expect(replaceUcs2Characters(body, segmentsOf(body).ucs2Characters)).toBe(gsm(150) + '...');
  });

  it('Portuguese: ç, ã, õ, á, í, ó, ú, ê force UCS-2 without suggestions, while é, à, Ç are GSM-7', () => {
    expect(segmentsOf('Olá! A promoção é válida até amanhã, João. Não perca: são só três horas úteis, você!').ucs2Characters.map((c) => c.char)).toEqual(
      ['á', 'ç', 'ã', 'á', 'ã', 'ã', 'ã', 'ã', 'ó', 'ê', 'ú', 'ê'],
    );
    expect(segmentsOf('Olá').segmentsIfReplaced).toBeUndefined();
    for (const c of ['ç', 'ã', 'õ', 'á', 'í', 'ó', 'ú', 'ê', 'â', 'Ã', 'Õ', 'Á']) {
      expect(segmentsOf(c)).toMatchObject({ encoding: 'UCS-2', ucs2Characters: [{ char: c, index: 0 }] });
    }
    for (const c of ['é', 'É', 'ñ', 'Ñ', 'ü', 'Ü', 'à', 'ò', 'ù', 'ì', 'è', 'Ç', 'Ä', 'Ö', 'Å', 'Æ', 'ß', 'ä', 'ö']) {
      expect(segmentsOf(c)).toMatchObject({ encoding: 'GSM-7', units: 1 });
    }
  });

  it('an accented capital outside the alphabet (È) forces UCS-2', () => {
    expect(segmentsOf('ÈCOLE')).toMatchObject({ encoding: 'UCS-2', ucs2Characters: [{ char: 'È', index: 0 }] });
  });

  it('the backtick is not GSM-7 although it is ASCII', () => {
    expect(segmentsOf('`code`')).toMatchObject({ encoding: 'UCS-2', segmentsIfReplaced: 1 });
  });
});
