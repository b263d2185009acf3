import { describe, expect, it } from 'vitest';
import { classifyInbound, OPT_OUT_KEYWORDS, wordsOf, type ClassifyOptions } from '@/lib/messaging/keywords';

type Row = [body: string, kind: string, keyword?: string];

const check = (rows: Row[], options?: ClassifyOptions) =>
  it.each(rows)('%j → %s %s', (body, kind, keyword) => {
    const result = classifyInbound(body, options);
    expect(result.kind).toBe(kind);
    expect(result.keyword).toBe(keyword);
  });

describe('opting out with a STOP-type keyword as the whole message', () => {
  check(OPT_OUT_KEYWORDS.map((keyword): Row => [keyword, 'opt_out', keyword]));
  check([
    ['stop', 'opt_out', 'STOP'],
    ['Stop', 'opt_out', 'STOP'],
    ['sToP', 'opt_out', 'STOP'],
    ['Stop.', 'opt_out', 'STOP'],
    [' stop! ', 'opt_out', 'STOP'],
    ['"STOP"', 'opt_out', 'STOP'],
    ['...stop...', 'opt_out', 'STOP'],
    ['\n\tSTOP\r\n', 'opt_out', 'STOP'],
    ['unsubscribe', 'opt_out', 'UNSUBSCRIBE'],
    ['Cancel!!', 'opt_out', 'CANCEL'],
    ['end.', 'opt_out', 'END'],
    ['quit', 'opt_out', 'QUIT'],
    ['Revoke', 'opt_out', 'REVOKE'],
    ['optout', 'opt_out', 'OPTOUT'],
    ['stopall', 'opt_out', 'STOPALL'],
  ]);
});

describe('punctuation, emoji and invisible characters around a keyword are ignored', () => {
  check([
    ['STOP 🙏', 'opt_out', 'STOP'],
    ['🙏STOP🙏', 'opt_out', 'STOP'],
    ['stop 🛑🛑', 'opt_out', 'STOP'],
    ['STOP\u200B', 'opt_out', 'STOP'],
    ['\u00A0stop\u00A0', 'opt_out', 'STOP'],
    // Spelled out or split: still the whole message.
    ['S T O P', 'opt_out', 'STOP'],
    ['S.T.O.P.', 'opt_out', 'STOP'],
    ['opt out', 'opt_out', 'OPTOUT'],
    ['Opt-Out', 'opt_out', 'OPTOUT'],
    ['stop all', 'opt_out', 'STOPALL'],
    ['un-subscribe', 'opt_out', 'UNSUBSCRIBE'],
    // An emoji alone is a reply, not a keyword.
    ['🛑', 'reply'],
    ['✋ 🚫', 'reply'],
  ]);
});

describe('Unicode forms of a keyword', () => {
  check([
    ['ＳＴＯＰ', 'opt_out', 'STOP'], // full-width letters
    ['ｓｔｏｐ', 'opt_out', 'STOP'],
    ['Stöp', 'opt_out', 'STOP'], // accents are folded
    ['QUİT', 'opt_out', 'QUIT'], // Turkish dotted capital I
    ['quıt', 'opt_out', 'QUIT'], // Turkish dotless i
    ['ｓｔａｒｔ', 'opt_in', 'START'],
    ['ＨＥＬＰ', 'help', 'HELP'],
  ]);
});

describe('a STOP-type keyword as the first or last word of at most three words', () => {
  check([
    ['Stop please', 'opt_out', 'STOP'],
    ['please unsubscribe', 'opt_out', 'UNSUBSCRIBE'],
    ['STOP texting me', 'opt_out', 'STOP'],
    ['Please stop.', 'opt_out', 'STOP'],
    ['stop stop stop', 'opt_out', 'STOP'],
    ['cancel my subscription', 'opt_out', 'CANCEL'],
    ['I quit', 'opt_out', 'QUIT'],
    ['please opt out', 'opt_out', 'OPTOUT'],
    ["don't stop", 'opt_out', 'STOP'], // leaning towards opting out, as agreed
    ['STOP 2', 'opt_out', 'STOP'],
    ['Stop! Start!', 'opt_out', 'STOP'], // a STOP wins over a START in the same text
    ['help stop', 'opt_out', 'STOP'],
    // Three words with STOP first: honoured even though it may mean "visit".
    ['stop by tomorrow', 'opt_out', 'STOP'],
  ]);
});

describe('a keyword inside a longer message is a reply', () => {
  check([
    ["Don't stop the music now please", 'reply'],
    ['Please stop texting me now', 'reply'],
    ['Can you tell me when the sale will end', 'reply'],
    ['I want to stop by the store', 'reply'],
    ['Stopping by later', 'reply'],
    ['Unstoppable', 'reply'],
    ['STOP1', 'reply'],
    ['Ending soon?', 'reply'],
    ['weekend', 'reply'],
    ['Cancelled my order', 'reply'],
  ]);
});

describe('opting back in', () => {
  check([
    ['START', 'opt_in', 'START'],
    ['start', 'opt_in', 'START'],
    ['Start.', 'opt_in', 'START'],
    ['UNSTOP', 'opt_in', 'UNSTOP'],
    ['un stop', 'opt_in', 'UNSTOP'],
    // Only the whole message opts back in.
    ['Start please', 'reply'],
    ['please start sending again', 'reply'],
    ['Start the engine', 'reply'],
    ['Restart', 'reply'],
  ]);

  describe('YES opts back in only a sender who is opted out', () => {
    check([['YES', 'opt_in', 'YES'], ['yes!', 'opt_in', 'YES']], { senderOptedOut: true });
    check([['YES', 'reply'], ['Yes please', 'reply']], { senderOptedOut: false });
    check([['YES', 'reply']]);
  });
});

describe('asking for help', () => {
  check([
    ['HELP', 'help', 'HELP'],
    ['help?', 'help', 'HELP'],
    ['Info', 'help', 'INFO'],
    ['INFO.', 'help', 'INFO'],
    // A question in words is a reply a person should read.
    ['I need help with my order', 'reply'],
    ['help me', 'reply'],
    ['more info please', 'reply'],
  ]);
});

describe('everything else is a reply', () => {
  check([
    ['', 'reply'],
    ['   ', 'reply'],
    ['Yes, see you Saturday!', 'reply'],
    ['5', 'reply'],
    ['👍', 'reply'],
    ['Who is this?', 'reply'],
    ['x'.repeat(1600), 'reply'],
  ]);
});

describe("Twilio's OptOutType field wins", () => {
  it('STOP from Twilio is an opt-out whatever the body says', () => {
    expect(classifyInbound('stop texting me right now ok', { optOutType: 'STOP' })).toEqual({ kind: 'opt_out', keyword: 'STOP' });
    expect(classifyInbound('Unsubscribe', { optOutType: 'stop' })).toEqual({ kind: 'opt_out', keyword: 'UNSUBSCRIBE' });
  });

  it('HELP from Twilio is a help request', () => {
    expect(classifyInbound('Help', { optOutType: 'HELP' })).toEqual({ kind: 'help', keyword: 'HELP' });
    expect(classifyInbound('what is this', { optOutType: 'HELP' })).toEqual({ kind: 'help', keyword: 'HELP' });
  });

  it('START from Twilio opts back in', () => {
    expect(classifyInbound('START', { optOutType: 'START' })).toEqual({ kind: 'opt_in', keyword: 'START' });
    expect(classifyInbound('YES', { optOutType: 'START' })).toEqual({ kind: 'opt_in', keyword: 'START' });
    expect(classifyInbound('YES', { optOutType: 'START', senderOptedOut: true })).toEqual({ kind: 'opt_in', keyword: 'YES' });
  });

  it("START from Twilio for a YES from someone who never opted out stays the reply it is", () => {
    expect(classifyInbound('YES', { optOutType: 'START', senderOptedOut: false })).toEqual({ kind: 'reply' });
    expect(classifyInbound('start', { optOutType: 'START', senderOptedOut: false })).toEqual({ kind: 'opt_in', keyword: 'START' });
  });

  it('an empty or unknown OptOutType changes nothing', () => {
    expect(classifyInbound('hello', { optOutType: '' })).toEqual({ kind: 'reply' });
    expect(classifyInbound('hello', { optOutType: 'SOMETHING' })).toEqual({ kind: 'reply' });
    expect(classifyInbound('STOP', { optOutType: null })).toEqual({ kind: 'opt_out', keyword: 'STOP' });
  });
});

describe('Portuguese accounts', () => {
  const pt = { locale: 'pt-BR' };
  check(
    [
      ['PARAR', 'opt_out', 'PARAR'],
      ['pare', 'opt_out', 'PARE'],
      ['Sair', 'opt_out', 'SAIR'],
      ['cancelar.', 'opt_out', 'CANCELAR'],
      ['descadastrar', 'opt_out', 'DESCADASTRAR'],
      ['Pare de mandar', 'opt_out', 'PARE'],
      ['quero descadastrar', 'opt_out', 'DESCADASTRAR'],
      ['me descadastre', 'opt_out', 'DESCADASTRE'],
      ['PÁRE', 'opt_out', 'PARE'],
      // Everyday uses of "sair" and "cancelar" are replies.
      ['vou sair agora', 'reply'],
      ['cancelar pedido', 'reply'],
      ['posso sair?', 'reply'],
      // English keywords still work.
      ['STOP', 'opt_out', 'STOP'],
      ['Ajuda', 'help', 'AJUDA'],
      ['START', 'opt_in', 'START'],
      ['sim', 'reply'],
      ['Sim, vou comparecer', 'reply'],
    ],
    pt,
  );
  check([['SIM', 'opt_in', 'SIM']], { ...pt, senderOptedOut: true });

  describe('… but not English ones', () => {
    check([
      ['PARAR', 'reply'],
      ['sair', 'reply'],
      ['ajuda', 'reply'],
    ]);
  });
});

describe('the words of a text', () => {
  it('folds case, width and accents and drops punctuation and emoji', () => {
    expect(wordsOf("  Olá, ＳＴＯＰ!! don't 🙏 opt-out ")).toEqual(['OLA', 'STOP', "DON'T", 'OPTOUT']);
  });
});
