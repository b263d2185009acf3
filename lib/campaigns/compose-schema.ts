// The campaign composer's form (CONTRACT "campaign composer"): the rules every field
// follows, shared by the server action and the page, the audience syntax, reading
// `scheduled_at` on the account's wall clock (DST gaps and repeated hours included),
// and a body as one recipient gets it, which the browser's live counter shares.
import { z } from 'zod';
import { LINK_CODE_LENGTH } from '@/lib/messaging/links';
import { findUnknownMergeFields, renderMessage } from '@/lib/messaging/merge-fields';
import { instantsAtWallClock, localDateOf, localTimeOfDay, MINUTE } from '@/lib/time/zone';

export const COMPOSER_LIMITS = {
  name: 120,
  body: 1600,
  /** Contacts a follow-up may hand-pick: far more than a page of the recipients table. */
  recipients: 10_000,
} as const;

/** A scheduled time may lie this much in the past: the minute the manager spent reading the summary. */
export const SCHEDULE_SLACK_MS = MINUTE;
const YEAR_MS = 366 * 24 * 60 * MINUTE;

export type Audience = { kind: 'all' } | { kind: 'tag'; tag: string } | { kind: 'campaign'; campaignId: number };

/** `all`, `tag:NAME` or `campaign:ID`; null for anything else. */
export function parseAudience(value: unknown): Audience | null {
  if (typeof value !== 'string') return null;
  if (value === 'all') return { kind: 'all' };
  if (value.startsWith('tag:')) {
    const tag = value.slice('tag:'.length);
    return tag.trim() === '' || tag.length > 200 ? null : { kind: 'tag', tag };
  }
  const campaign = /^campaign:([1-9]\d{0,15})$/.exec(value);
  if (campaign && Number.isSafeInteger(Number(campaign[1]))) return { kind: 'campaign', campaignId: Number(campaign[1]) };
  return null;
}

export function audienceValue(audience: Audience): string {
  if (audience.kind === 'all') return 'all';
  return audience.kind === 'tag' ? `tag:${audience.tag}` : `campaign:${audience.campaignId}`;
}

export type LocalTimeReading =
  | { ok: true; instant: Date; /** The clocks went back over it: the earlier of the two instants is meant. */ repeated: boolean }
  | { ok: false; reason: 'format' | 'gap' };

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a `YYYY-MM-DDTHH:mm` wall-clock reading names in the zone. A time the
 * clocks jump over (02:30 on a spring-forward night) names no instant; one they pass
 * twice (01:30 on a fall-back night) names the first, which the page then shows
 * with its zone abbreviation (EDT), so the manager sees which one it is.
 */
export function instantOfLocalTime(value: string, timeZone: string): LocalTimeReading {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return { ok: false, reason: 'format' };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = year >= 2000 && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  if (!isRealDate || hour > 23 || minute > 59) return { ok: false, reason: 'format' };
  const instants = instantsAtWallClock({ year, month, day }, (hour * 60 + minute) * MINUTE, timeZone);
  if (instants.length === 0) return { ok: false, reason: 'gap' };
  return { ok: true, instant: new Date(instants[0]!), repeated: instants.length > 1 };
}

/** The `datetime-local` value for an instant on the zone's wall clock (minutes, no seconds). */
export function localTimeInputValue(instant: Date, timeZone: string): string {
  const date = localDateOf(instant, timeZone);
  const minutes = Math.floor(localTimeOfDay(instant, timeZone) / MINUTE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export type ScheduleReading = { ok: true; instant: Date } | { ok: false; messageKey: string };

/** When a campaign scheduled for `value` would go out, or why it cannot. */
export function readScheduledAt(value: string | undefined, { timeZone, now }: ComposerRules): ScheduleReading {
  if (!value || value.trim() === '') return { ok: false, messageKey: 'composer.errors.scheduledAtRequired' };
  const reading = instantOfLocalTime(value.trim(), timeZone);
  if (!reading.ok) {
    return { ok: false, messageKey: reading.reason === 'gap' ? 'composer.errors.scheduledInGap' : 'composer.errors.scheduledAtInvalid' };
  }
  if (reading.instant.getTime() < now.getTime() - SCHEDULE_SLACK_MS) return { ok: false, messageKey: 'composer.errors.scheduledInPast' };
  if (reading.instant.getTime() > now.getTime() + YEAR_MS) return { ok: false, messageKey: 'composer.errors.scheduledTooFar' };
  return { ok: true, instant: reading.instant };
}

/** What the rules depend on besides the form: the account's zone and the current time. */
export type ComposerRules = { timeZone: string; now: Date };

const E164 = /^\+[1-9]\d{5,14}$/;
const id = (message: string) => z.coerce.number(message).int(message).positive(message).max(Number.MAX_SAFE_INTEGER, message);

/** The body as saved and counted: what was typed, without the blank lines and spaces around it. */
export const tidyBody = (body: string) => body.trim();

/**
 * The composer's fields. Rules needing the database (the sender is one of the
 * account's numbers, the tag and survey exist, the selection belongs to the source
 * campaign) are the create command's; everything else is here, so one submission
 * reports every problem at once. A `draft` (what "Check" reads) may still lack a
 * name, a sender or a body, but what it has must be right; an `estimate` reads a
 * draft without the rules between fields, so a draft with a problem still has a cost.
 */
export function composerSchema(rules: ComposerRules, mode: 'send' | 'draft' | 'estimate' = 'send') {
  const sending = mode === 'send';
  const name = z.string('composer.errors.nameRequired').trim().max(COMPOSER_LIMITS.name, 'composer.errors.nameTooLong');
  const body = z.string('composer.errors.bodyRequired').transform(tidyBody);
  return z
    .object({
      name: sending ? name.min(1, 'composer.errors.nameRequired') : name.default(''),
      from: sending
        ? z.string('composer.errors.fromRequired').trim().regex(E164, 'composer.errors.fromRequired')
        : z.string().trim().max(20).default(''),
      body: body.pipe(
        sending
          ? z.string().min(1, 'composer.errors.bodyRequired').max(COMPOSER_LIMITS.body, 'composer.errors.bodyTooLong')
          : z.string().max(COMPOSER_LIMITS.body, 'composer.errors.bodyTooLong'),
      ),
      audience: z
        .string('composer.errors.audienceInvalid')
        .default('all')
        .transform((value, ctx) => parseAudience(value) ?? (ctx.addIssue({ code: 'custom', message: 'composer.errors.audienceInvalid' }), z.NEVER)),
      recipient: z
        .array(id('composer.errors.selectionInvalid'), 'composer.errors.selectionInvalid')
        .max(COMPOSER_LIMITS.recipients, 'composer.errors.selectionTooLarge')
        .default([]),
      survey: z.union([z.literal('').transform(() => null), id('composer.errors.surveyInvalid')], 'composer.errors.surveyInvalid').default(null),
      when: sending ? z.enum(['now', 'schedule'], 'composer.errors.whenRequired') : z.enum(['now', 'schedule']).catch('now'),
      scheduled_at: z.string().optional(),
    })
    .superRefine(
      (input, ctx) => {
        // Runs even when some fields failed, so every problem shows at once; each
        // check looks only at fields that parsed.
        const text = typeof input.body === 'string' ? input.body : '';
        if (findUnknownMergeFields(text).length > 0) ctx.addIssue({ code: 'custom', path: ['body'], message: 'composer.errors.unknownFields' });
        const asksForSurvey = text.includes('{survey_link}');
        if (asksForSurvey && input.survey === null) {
          ctx.addIssue({ code: 'custom', path: ['survey'], message: 'composer.errors.surveyLinkWithoutSurvey' });
        }
        // Decided: an attached survey whose link the body does not place is an error, not
        // an appended link, so the manager sees every character that is sent and paid for.
        if (!asksForSurvey && text !== '' && typeof input.survey === 'number') {
          ctx.addIssue({ code: 'custom', path: ['body'], message: 'composer.errors.surveyLinkMissing' });
        }
        const audience = input.audience as Audience | undefined;
        if (audience?.kind === 'campaign' && Array.isArray(input.recipient) && input.recipient.length === 0) {
          ctx.addIssue({ code: 'custom', path: ['recipient'], message: 'composer.errors.noSelection' });
        }
        if (input.when === 'schedule') {
          const reading = readScheduledAt(input.scheduled_at, rules);
          if (!reading.ok) ctx.addIssue({ code: 'custom', path: ['scheduled_at'], message: reading.messageKey });
        }
      },
      { when: () => mode !== 'estimate' },
    );
}

export type ComposerInput = z.output<ReturnType<typeof composerSchema>>;
export type ComposerField = Extract<keyof z.input<ReturnType<typeof composerSchema>>, string>;

/** The send instant of parsed input: now, or the scheduled wall-clock time in the account's zone. */
export function sendInstantOf(input: Pick<ComposerInput, 'when' | 'scheduled_at'>, rules: ComposerRules): Date {
  if (input.when === 'now') return rules.now;
  const reading = readScheduledAt(input.scheduled_at, rules);
  if (!reading.ok) throw new RangeError(`scheduled_at was not validated: ${reading.messageKey}`);
  return reading.instant;
}

export type SampleNames = { firstName: string; lastName: string };
export type SampleLinks = { tracked: string; survey: string };

/**
 * A tracked link and a survey link of the real length (PUBLIC_URL/l/ or /s/ and a
 * 12-character code), so a body is counted as recipients will get it.
 */
export function sampleLinks(publicBase: string): SampleLinks {
  const code = 'x'.repeat(LINK_CODE_LENGTH);
  return { tracked: `${publicBase}/l/${code}`, survey: `${publicBase}/s/${code}` };
}

/** The message a contact with these names would get (no contact: names left out). */
export function renderAsRecipient(template: string, names: SampleNames | null, links: SampleLinks): string {
  return renderMessage(template, {
    firstName: names?.firstName ?? '',
    lastName: names?.lastName ?? '',
    surveyLink: links.survey,
    trackLink: () => links.tracked,
  });
}
