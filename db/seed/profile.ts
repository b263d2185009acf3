// The shape of one demo account's story: its settings, sender numbers, tags,
// surveys, campaign themes, automations and the texts its contacts send back.
// profile-demo.ts and profile-other.ts fill it in, in each account's language.
import type { TriggerConfig } from '@/db/schema';
import type { Population } from './names';

export type TagPlan = {
  name: string;
  /** Share of contacts with the tag. */
  share: number;
  /** Contacts in these zones (null = account zone) get the tag with `zoneShare` instead. */
  zones?: (string | null)[];
  zoneShare?: number;
  /** Days after the contact's creation the tag is added: [min, max]. */
  addedAfterDays: [number, number];
};

export type QuestionPlan =
  | { kind: 'single_choice' | 'multiple_choice'; prompt: string; choices: string[]; weights: number[]; required?: boolean }
  | { kind: 'rating' | 'nps'; prompt: string; weights: number[]; required?: boolean }
  | { kind: 'free_text'; prompt: string; answers: string[]; answerShare: number; required?: boolean };

export type SurveyPlan = { key: string; name: string; intro: string; thankYou: string; questions: QuestionPlan[]; archived?: boolean };

/** A kind of campaign the account sends, and how often. */
export type CampaignTheme = {
  key: string;
  /** `{month}` becomes the month of sending. */
  name: string;
  body: string;
  /** `all` or `tag:NAME`. */
  audience: string;
  perYear: number;
  /** Index into the account's numbers. */
  number: number;
  survey?: string;
  /** Engagement shape: replies and clicks per delivered message. */
  replyRate: [number, number];
  clickRate?: [number, number];
};

/** Campaigns that are not part of the yearly rhythm: the big one, the current ones. */
export type SpecialCampaign = {
  key: string;
  name: string;
  body: string;
  audience: string;
  number: number;
  survey?: string;
  status: 'sent' | 'sending' | 'scheduled' | 'draft' | 'canceled';
  /** Days from the anchor (negative = past), at `localTime` minutes in the account zone. */
  day: number;
  localTime: number;
  replyRate?: [number, number];
  clickRate?: [number, number];
};

export type AutomationPlan = {
  key: string;
  name: string;
  trigger: 'contact_created' | 'tag_added' | 'keyword' | 'date' | 'recurring';
  tag?: string;
  keyword?: string;
  config: TriggerConfig;
  audience: string;
  action: 'send_message' | 'send_survey';
  survey?: string;
  body: string;
  number: number;
  /** Days after the start of the history it was switched on (negative = before). */
  activeFromDay: number;
  /** Days after the start of the history it was switched off; absent = still on. */
  activeUntilDay?: number;
  deleted?: boolean;
  /** keyword: share of contacts who text the keyword once. */
  keywordShare?: number;
  replyRate: [number, number];
  clickRate?: [number, number];
};

/** A text contacts send, with how often it is chosen. */
export type WeightedText = [text: string, weight: number];

export type AccountProfile = {
  name: 'Demo' | 'Other';
  timeZone: string;
  locale: string;
  country: string;
  currency: string;
  /** Monthly allowance at scale S; it grows with the scale so the current month stays near it. */
  monthlyCreditsAtS: number | null;
  overagePricePerCredit: number;
  helpText: string | null;
  numbers: { e164: string; label: string; kind: 'long_code' | 'toll_free' | 'short_code'; ratePerSecond: number | null }[];
  population: Population[];
  /** Share of all demo contacts that belong to this account. */
  contactShare: number;
  phoneFormat: 'us' | 'br';
  tags: TagPlan[];
  surveys: SurveyPlan[];
  themes: CampaignTheme[];
  specials: SpecialCampaign[];
  /** Follow-ups of past campaigns (to part of their recipients) and resends of their failures. */
  followUps: { name: string; body: string; share: number }[];
  automations: AutomationPlan[];
  replies: WeightedText[];
  optOuts: WeightedText[];
  optIns: WeightedText[];
  help: WeightedText[];
  /** Texts people send out of the blue (questions, not answers to anything). */
  unprompted: WeightedText[];
  months: string[];
};
