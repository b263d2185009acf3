// The GSM 03.38 alphabet an SMS can carry in 7-bit units, and the plain
// replacements for typographic characters that would otherwise force UCS-2.

/** The basic character set: one 7-bit unit each. */
const basicCharacters =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: an escape unit plus the character, two units each. */
const extensionCharacters = '\f^{}\\[~]|€';

const unitsPerCharacter = new Map<string, 1 | 2>([
  ...[...basicCharacters].map((c) => [c, 1] as const),
  ...[...extensionCharacters].map((c) => [c, 2] as const),
]);

/** 1 or 2 GSM-7 units for a character of the alphabet, undefined for any other. */
export function gsm7Units(character: string): 1 | 2 | undefined {
  return unitsPerCharacter.get(character);
}

export function isGsm7Text(text: string): boolean {
  for (const character of text) if (!unitsPerCharacter.has(character)) return false;
  return true;
}

/*
 * Only characters whose replacement reads the same: quotes, dashes, spaces,
 * ellipses, full-width forms. Letters with accents outside the alphabet (ç, ã,
 * õ, á …) get no suggestion, since dropping the accent misspells the word;
 * the composer still names them as the reason for UCS-2.
 */
const typographicReplacements: Record<string, string> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2032': "'", // ′ prime
  '\u00B4': "'", // ´
  '\u0060': "'", // ` (not in the GSM alphabet)
  '\u02BC': "'", // ʼ modifier apostrophe
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u201F': '"', // ‟
  '\u2033': '"', // ″ double prime
  '\u00AB': '"', // «
  '\u00BB': '"', // »
  '\u2039': '<', // ‹
  '\u203A': '>', // ›
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // – en dash
  '\u2014': '-', // — em dash
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // − minus sign
  '\u2022': '-', // • bullet
  '\u2026': '...', // …
  '\u00A0': ' ', // no-break space
  '\u2002': ' ', // en space
  '\u2003': ' ', // em space
  '\u2007': ' ', // figure space
  '\u2008': ' ', // punctuation space
  '\u2009': ' ', // thin space
  '\u200A': ' ', // hair space
  '\u202F': ' ', // narrow no-break space
  '\u205F': ' ', // medium mathematical space
  '\u3000': ' ', // ideographic space
  '\t': ' ',
  '\u2028': '\n', // line separator
  '\u2029': '\n', // paragraph separator
  '\u200B': '', // zero-width space
  '\u200C': '', // zero-width non-joiner
  '\u200D': '', // zero-width joiner, alone
  '\u2060': '', // word joiner
  '\uFEFF': '', // byte-order mark
  '\u00AD': '', // soft hyphen
};

/**
 * A GSM-7 replacement for a character (one grapheme) that is not in the alphabet,
 * or undefined when there is none that reads the same. An empty string means
 * "remove it" (an invisible character).
 */
export function gsm7Replacement(character: string): string | undefined {
  const listed = typographicReplacements[character];
  if (listed !== undefined) return listed;
  // Full-width ASCII (！ to ～) is the ASCII character drawn wider.
  if (character.length === 1) {
    const code = character.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) {
      const ascii = String.fromCharCode(code - 0xfee0);
      if (isGsm7Text(ascii)) return ascii;
    }
  }
  // A letter typed as base + combining accent (e + ◌́) that exists precomposed (é).
  const composed = character.normalize('NFC');
  if (composed !== character && isGsm7Text(composed)) return composed;
  return undefined;
}
