// Message bodies for SQL to fill in: each campaign or automation body is rendered
// once here by the app's own renderMessage with placeholder values, and SQL swaps
// in the real first name, tracked link and survey link. Segments are counted here
// with the app's segmentsOf for every first name, so stored credits are exact.
import { isbot } from 'isbot';
import { segmentsOf } from '@/lib/billing/segments';
import { classifyInbound } from '@/lib/messaging/keywords';
import { keywordReplyText } from '@/lib/messaging/keyword-replies';
import { findUrls, linkDestination, LINK_CODE_LENGTH } from '@/lib/messaging/links';
import { renderMessage } from '@/lib/messaging/merge-fields';
import type { Row } from './bulk';
import { CULTURES } from './names';
import type { PlannedAccount } from './plan';
import { cumulative } from './random';
import type { WeightedText } from './profile';

/** Placeholders (private-use characters) that SQL replaces per recipient. */
export const PLACEHOLDER = { firstName: '\uE001', surveyLink: '\uE003', trackedLink: '\uE004' } as const;

type Pattern = { id: number; accountId: number; body: string; destination: string | null; hasSurveyLink: boolean };

export class TemplateRegistry {
  private readonly byKey = new Map<string, Pattern>();

  /** The pattern id of a body as written on a campaign or automation. */
  idOf(accountId: number, body: string): number {
    const key = `${accountId}\u0000${body}`;
    let pattern = this.byKey.get(key);
    if (!pattern) {
      if (body.includes('{last_name}')) throw new Error('demo bodies use {first_name} only');
      const urls = findUrls(body);
      if (urls.length > 1) throw new Error(`demo bodies have at most one link: ${body}`);
      pattern = {
        id: this.byKey.size + 1,
        accountId,
        body,
        destination: urls[0] ? linkDestination(urls[0].text) : null,
        hasSurveyLink: body.includes('{survey_link}'),
      };
      this.byKey.set(key, pattern);
    }
    return pattern.id;
  }

  /**
   * Work rows: each pattern in two variants — `tracked` (links and survey link
   * filled) and `plain` (the contact had opted out when the message was made, so
   * neither was created) — and the segments of every variant for every first name.
   */
  build(publicUrl: string, accounts: PlannedAccount[]): { patterns: Row[]; segments: Row[] } {
    const patterns: Row[] = [];
    const segments: Row[] = [];
    const dummyCode = 'x'.repeat(LINK_CODE_LENGTH);
    for (const pattern of this.byKey.values()) {
      const account = accounts.find((a) => a.accountId === pattern.accountId)!;
      const firstNames = [...new Set(account.profile.population.flatMap((p) => CULTURES[p.culture].first))];
      for (const variant of ['tracked', 'plain'] as const) {
        const tracked = variant === 'tracked';
        const render = (firstName: string, surveyLink: string, trackedLink: string) =>
          renderMessage(pattern.body, {
            firstName,
            lastName: '',
            surveyLink: tracked && pattern.hasSurveyLink ? surveyLink : null,
            trackLink: tracked ? () => trackedLink : undefined,
          });
        patterns.push({
          pattern_id: pattern.id,
          variant,
          account_id: pattern.accountId,
          body: render(PLACEHOLDER.firstName, PLACEHOLDER.surveyLink, PLACEHOLDER.trackedLink),
          destination: pattern.destination,
          has_link: tracked && pattern.destination !== null,
          has_survey: tracked && pattern.hasSurveyLink,
        });
        for (const firstName of firstNames) {
          const body = render(firstName, `${publicUrl}/s/${dummyCode}`, `${publicUrl}/l/${dummyCode}`);
          const counted = segmentsOf(body);
          segments.push({ pattern_id: pattern.id, variant, first_name: firstName, encoding: counted.encoding, segments: counted.segments });
        }
      }
    }
    return { patterns, segments };
  }
}

type PoolKind = 'reply' | 'opt_out' | 'opt_in' | 'help';

/**
 * A weighted pool of texts contacts send, each classified by the app's own
 * classifier so the stored inbound_kind is what the webhook would have stored.
 */
export function textPool(accountId: number, locale: string, pool: string, texts: WeightedText[], expected: PoolKind): Row {
  const classified = texts.map(([text]) => classifyInbound(text, { locale, senderOptedOut: expected === 'opt_in' }));
  classified.forEach((c, i) => {
    if (c.kind !== expected) throw new Error(`"${texts[i]![0]}" reads as ${c.kind}, not ${expected}`);
  });
  return {
    account_id: accountId,
    pool,
    bodies: texts.map(([text]) => text),
    cumulative: cumulative(texts.map(([, weight]) => weight)),
    keywords: classified.map((c) => c.keyword ?? null),
    encodings: texts.map(([text]) => segmentsOf(text).encoding),
    segments: texts.map(([text]) => segmentsOf(text).segments),
  };
}

/** The texts Pulse answers STOP, START and HELP with, as a one-text pool each. */
export function keywordResponsePools(account: PlannedAccount): Row[] {
  const { profile } = account;
  const who = { name: profile.name, locale: profile.locale, helpText: profile.helpText };
  return (['optOutConfirmation', 'optInConfirmation', 'helpReply'] as const).map((kind) => {
    const text = keywordReplyText(kind, who);
    const counted = segmentsOf(text);
    return {
      account_id: account.accountId,
      pool: `response:${kind}`,
      bodies: [text],
      cumulative: [],
      keywords: [null],
      encodings: [counted.encoding],
      segments: [counted.segments],
    };
  });
}

/** User agents of people tapping a link, and of link-preview fetchers (all flagged as bots by isbot). */
export const USER_AGENTS = {
  human: [
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 45],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36', 30],
    ['Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36', 20],
    ['Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', 5],
  ],
  preview: [
    ['facebookexternalhit/1.1 Facebot Twitterbot/1.0', 60],
    ['WhatsApp/2.23.20.0 A', 15],
    ['TelegramBot (like TwitterBot)', 15],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 10],
  ],
} satisfies Record<string, WeightedText[]>;

/** Every pool of texts the SQL draws from. */
export function planPools(accounts: PlannedAccount[], keywordAutomations: { accountId: number; automationId: number; keyword: string }[]): Row[] {
  const pools: Row[] = [];
  for (const account of accounts) {
    const { profile, accountId } = account;
    pools.push(
      textPool(accountId, profile.locale, 'reply', profile.replies, 'reply'),
      textPool(accountId, profile.locale, 'unprompted', profile.unprompted, 'reply'),
      textPool(accountId, profile.locale, 'opt_out', profile.optOuts, 'opt_out'),
      textPool(accountId, profile.locale, 'opt_in', profile.optIns, 'opt_in'),
      textPool(accountId, profile.locale, 'help', profile.help, 'help'),
      ...keywordResponsePools(account),
    );
  }
  for (const { accountId, automationId, keyword } of keywordAutomations) {
    const locale = accounts.find((a) => a.accountId === accountId)!.profile.locale;
    const capitalized = keyword[0]! + keyword.slice(1).toLowerCase();
    pools.push(textPool(accountId, locale, `keyword:${automationId}`, [[keyword, 60], [keyword.toLowerCase(), 25], [capitalized, 15]], 'reply'));
  }
  for (const [kind, agents] of Object.entries(USER_AGENTS)) {
    for (const [agent] of agents) {
      if (isbot(agent) !== (kind === 'preview')) throw new Error(`isbot misreads the ${kind} agent ${agent}`);
    }
    pools.push({ account_id: 0, pool: `agents:${kind}`, bodies: agents.map(([a]) => a), cumulative: cumulative(agents.map(([, w]) => w)), keywords: [], encodings: [], segments: [] });
  }
  return pools;
}
