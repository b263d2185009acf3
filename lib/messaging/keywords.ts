// What an inbound text is (DESIGN §5): an opt-out, an opt-in, a request for help, or
// a reply. Opt-outs lean towards opting out (the FCC's 2024 rule honours revocation
// "by any reasonable means"); opt-ins are strict, because a false opt-in texts
// someone who said stop. The decisions behind each list are in docs/decisions.md.
import type { inboundKind } from '@/db/schema';

export type InboundKind = (typeof inboundKind.enumValues)[number];
export type InboundClassification = { kind: InboundKind; keyword?: string };

export type ClassifyOptions = {
  /** Twilio's `OptOutType` form field (STOP, START, HELP): Twilio has already acted on it. */
  optOutType?: string | null;
  /** The account's locale; Portuguese (`pt…`) adds the Portuguese keywords. */
  locale?: string | null;
  /** Whether the sender is opted out now; YES (SIM) opts back in only then. */
  senderOptedOut?: boolean;
};

/** STOP-type keywords: the whole message, or the first or last word of up to three. */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'] as const;
/** Opt back in: the whole message only. */
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP'] as const;
/** Twilio's default opt-in list also has YES, which is also the commonest reply to a
 * question; it opts back in only a sender who is opted out. */
export const CONDITIONAL_OPT_IN_KEYWORDS = ['YES'] as const;
/** Answered with the help text, not counted as a reply: the whole message only. */
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

/** Portuguese accounts (pt-BR): the words a Brazilian recipient uses to stop texts. */
export const PORTUGUESE_KEYWORDS = {
  // "sair" (to go out) and "cancelar" (to cancel an order) are everyday words, so
  // they count only as the whole message; the others also as first or last word.
  optOutWhole: ['PARAR', 'PARE', 'SAIR', 'CANCELAR', 'DESCADASTRAR', 'DESCADASTRE'],
  optOutWord: ['PARAR', 'PARE', 'DESCADASTRAR', 'DESCADASTRE'],
  conditionalOptIn: ['SIM'],
  help: ['AJUDA'],
} as const;

/** Words a recipient may split with a space or hyphen ("opt out", "stop-all"). */
const COMPOUNDS: ReadonlyArray<[string, string, string]> = [
  ['OPT', 'OUT', 'OPTOUT'],
  ['STOP', 'ALL', 'STOPALL'],
  ['UN', 'SUBSCRIBE', 'UNSUBSCRIBE'],
  ['UN', 'STOP', 'UNSTOP'],
];

const MAX_WORDS_FOR_OPT_OUT_WORD = 3;

type KeywordSets = {
  optOutWhole: Set<string>;
  optOutWord: Set<string>;
  optIn: Set<string>;
  conditionalOptIn: Set<string>;
  help: Set<string>;
};

const english: KeywordSets = {
  optOutWhole: new Set(OPT_OUT_KEYWORDS),
  optOutWord: new Set(OPT_OUT_KEYWORDS),
  optIn: new Set(OPT_IN_KEYWORDS),
  conditionalOptIn: new Set(CONDITIONAL_OPT_IN_KEYWORDS),
  help: new Set(HELP_KEYWORDS),
};

const englishAndPortuguese: KeywordSets = {
  optOutWhole: new Set([...OPT_OUT_KEYWORDS, ...PORTUGUESE_KEYWORDS.optOutWhole]),
  optOutWord: new Set([...OPT_OUT_KEYWORDS, ...PORTUGUESE_KEYWORDS.optOutWord]),
  optIn: new Set(OPT_IN_KEYWORDS),
  conditionalOptIn: new Set([...CONDITIONAL_OPT_IN_KEYWORDS, ...PORTUGUESE_KEYWORDS.conditionalOptIn]),
  help: new Set([...HELP_KEYWORDS, ...PORTUGUESE_KEYWORDS.help]),
};

/**
 * The words of a text, upper-cased and folded: full-width and other compatibility
 * forms become plain letters (ＳＴＯＰ → STOP), accents go (PÁRE → PARE). Anything
 * that is not a letter or digit — punctuation, spaces, emoji, invisible characters —
 * separates words and is otherwise ignored, so "Stop.", " stop! " and "STOP 🙏" are
 * all the single word STOP. An apostrophe inside a word keeps it whole (DON'T).
 */
export function wordsOf(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
  const words = folded.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined.at(-1);
    const compound = COMPOUNDS.find(([first, second]) => first === previous && second === word);
    if (compound) joined[joined.length - 1] = compound[2];
    else joined.push(word);
  }
  return joined;
}

function classifyBody(body: string, sets: KeywordSets, senderOptedOut: boolean | undefined): InboundClassification {
  const words = wordsOf(body);
  if (words.length === 0) return { kind: 'reply' };
  // The whole message as one word also catches spelled-out forms: "S T O P", "S.T.O.P.".
  const whole = words.join('');
  if (sets.optOutWhole.has(whole)) return { kind: 'opt_out', keyword: whole };
  if (words.length <= MAX_WORDS_FOR_OPT_OUT_WORD) {
    const first = words[0]!;
    const last = words.at(-1)!;
    if (sets.optOutWord.has(first)) return { kind: 'opt_out', keyword: first };
    if (sets.optOutWord.has(last)) return { kind: 'opt_out', keyword: last };
  }
  if (sets.optIn.has(whole)) return { kind: 'opt_in', keyword: whole };
  if (sets.conditionalOptIn.has(whole) && senderOptedOut === true) return { kind: 'opt_in', keyword: whole };
  if (sets.help.has(whole)) return { kind: 'help', keyword: whole };
  return { kind: 'reply' };
}

/** What an inbound text is: opt_out, opt_in, help, or a reply to count. */
export function classifyInbound(body: string, options: ClassifyOptions = {}): InboundClassification {
  const sets = options.locale?.toLowerCase().startsWith('pt') ? englishAndPortuguese : english;
  const fromBody = classifyBody(body, sets, options.senderOptedOut);
  // Twilio's own opt-out handling has already acted when it sets OptOutType (it blocks
  // the number after STOP), so its verdict wins over ours.
  switch (options.optOutType?.trim().toUpperCase() ?? '') {
    case 'STOP':
      return { kind: 'opt_out', keyword: fromBody.kind === 'opt_out' ? fromBody.keyword : 'STOP' };
    case 'HELP':
      return { kind: 'help', keyword: fromBody.kind === 'help' ? fromBody.keyword : 'HELP' };
    case 'START':
      // Twilio also reports START for a YES. From a sender known not to be opted out
      // that YES is an answer to our question, and changes nothing to opt back in.
      if (options.senderOptedOut === false && fromBody.kind !== 'opt_in') return fromBody;
      return { kind: 'opt_in', keyword: fromBody.kind === 'opt_in' ? fromBody.keyword : 'START' };
    default:
      return fromBody;
  }
}
