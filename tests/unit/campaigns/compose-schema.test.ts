// The composer's field rules: what a manager is told for each bad value, and how a
// scheduled wall-clock time in the account's zone becomes an instant (DST included).
import { describe, expect, it } from 'vitest';
import {
  composerSchema,
  instantOfLocalTime,
  localTimeInputValue,
  parseAudience,
  readScheduledAt,
  renderAsRecipient,
  sampleLinks,
  sendInstantOf,
} from '@/lib/campaigns/compose-schema';
import { segmentsOf } from '@/lib/billing/segments';

const newYork = { timeZone: 'America/New_York', now: new Date('2026-03-01T15:00:00Z') };

const valid = {
  name: 'Spring preview',
  from: '+12125550142',
  body: 'Hi {first_name}, spring is here.',
  audience: 'all',
  survey: '',
  when: 'now',
};

/** The message keys each field gets for the input, as the form would show them. */
function problems(input: Record<string, unknown>, rules = newYork, mode: 'send' | 'draft' = 'send') {
  const result = composerSchema(rules, mode).safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[String(issue.path[0])] ??= []).push(issue.message);
  return byField;
}

describe('the composer form', () => {
  it('accepts a complete campaign and trims the body', () => {
    const parsed = composerSchema(newYork).parse({ ...valid, body: '  Hi {first_name}!\n\n' });
    expect(parsed).toMatchObject({ name: 'Spring preview', body: 'Hi {first_name}!', audience: { kind: 'all' }, survey: null, recipient: [] });
  });

  it('reports every problem of one submission at once, each beside its field', () => {
    expect(
      problems({ name: '   ', from: '212 555', body: 'Hi {fname} {survey_link}', audience: 'campaign:7', when: 'schedule', scheduled_at: '' }),
    ).toEqual({
      name: ['composer.errors.nameRequired'],
      from: ['composer.errors.fromRequired'],
      body: ['composer.errors.unknownFields'],
      survey: ['composer.errors.surveyLinkWithoutSurvey'],
      recipient: ['composer.errors.noSelection'],
      scheduled_at: ['composer.errors.scheduledAtRequired'],
    });
  });

  it('refuses names and bodies past their limits, and a blank body', () => {
    expect(problems({ ...valid, name: 'n'.repeat(121) })).toEqual({ name: ['composer.errors.nameTooLong'] });
    expect(problems({ ...valid, name: 'n'.repeat(120) })).toEqual({});
    expect(problems({ ...valid, body: 'b'.repeat(1601) })).toEqual({ body: ['composer.errors.bodyTooLong'] });
    expect(problems({ ...valid, body: ' \n ' })).toEqual({ body: ['composer.errors.bodyRequired'] });
  });

  it('refuses fields missing from a hand-made request with a message, not a crash', () => {
    expect(problems({})).toEqual({
      name: ['composer.errors.nameRequired'],
      from: ['composer.errors.fromRequired'],
      body: ['composer.errors.bodyRequired'],
      when: ['composer.errors.whenRequired'],
    });
    expect(problems({ ...valid, audience: ['all', 'tag:vip'], recipient: ['x'], survey: 'abc' })).toEqual({
      audience: ['composer.errors.audienceInvalid'],
      recipient: ['composer.errors.selectionInvalid'],
      survey: ['composer.errors.surveyInvalid'],
    });
  });

  it('needs a survey for {survey_link} and the link in the body for a survey', () => {
    expect(problems({ ...valid, body: 'Tell us: {survey_link}', survey: '4' })).toEqual({});
    expect(problems({ ...valid, body: 'Tell us: {survey_link}' })).toEqual({ survey: ['composer.errors.surveyLinkWithoutSurvey'] });
    expect(problems({ ...valid, survey: '4' })).toEqual({ body: ['composer.errors.surveyLinkMissing'] });
  });

  it('takes the selected recipients with a campaign audience, even a single one', () => {
    expect(composerSchema(newYork).parse({ ...valid, audience: 'campaign:12', recipient: ['5'] })).toMatchObject({
      audience: { kind: 'campaign', campaignId: 12 },
      recipient: [5],
    });
    expect(problems({ ...valid, audience: 'campaign:12', recipient: Array.from({ length: 10_001 }, (_, i) => String(i + 1)) })).toEqual({
      recipient: ['composer.errors.selectionTooLarge'],
    });
  });

  it('lets a draft miss its name, sender and body but not break a rule', () => {
    expect(problems({ body: '' }, newYork, 'draft')).toEqual({});
    expect(problems({ body: 'Hi {First_Name}', when: 'schedule', scheduled_at: '2026-02-01T10:00' }, newYork, 'draft')).toEqual({
      body: ['composer.errors.unknownFields'],
      scheduled_at: ['composer.errors.scheduledInPast'],
    });
  });
});

describe('audiences', () => {
  it('reads all, a tag (with any characters in its name) and a campaign selection', () => {
    expect(parseAudience('all')).toEqual({ kind: 'all' });
    expect(parseAudience('tag:customers 2025: NYC')).toEqual({ kind: 'tag', tag: 'customers 2025: NYC' });
    expect(parseAudience('campaign:42')).toEqual({ kind: 'campaign', campaignId: 42 });
  });

  it('refuses anything else', () => {
    for (const value of ['', 'ALL', 'tag:', 'tag:  ', 'campaign:', 'campaign:0', 'campaign:-3', 'campaign:1.5', 'campaign:99999999999999999', 'segment:1', 7, null]) {
      expect(parseAudience(value), String(value)).toBeNull();
    }
  });
});

describe('scheduled_at in the account’s time zone', () => {
  it('is read on the account’s wall clock, not the server’s', () => {
    expect(instantOfLocalTime('2026-03-02T10:30', 'America/New_York')).toEqual({ ok: true, instant: new Date('2026-03-02T15:30:00Z'), repeated: false });
    expect(instantOfLocalTime('2026-03-02T10:30', 'Asia/Kathmandu')).toEqual({ ok: true, instant: new Date('2026-03-02T04:45:00Z'), repeated: false });
    expect(instantOfLocalTime('2026-07-02T10:30', 'America/Sao_Paulo')).toMatchObject({ instant: new Date('2026-07-02T13:30:00Z') });
  });

  it('names no instant for a time the clocks skip, and the first of a repeated one', () => {
    // New York springs from 02:00 to 03:00 on 2026-03-08 and falls back from 02:00 to 01:00 on 2026-11-01.
    expect(instantOfLocalTime('2026-03-08T02:30', 'America/New_York')).toEqual({ ok: false, reason: 'gap' });
    expect(instantOfLocalTime('2026-03-08T03:00', 'America/New_York')).toMatchObject({ instant: new Date('2026-03-08T07:00:00Z') });
    expect(instantOfLocalTime('2026-11-01T01:30', 'America/New_York')).toEqual({ ok: true, instant: new Date('2026-11-01T05:30:00Z'), repeated: true });
  });

  it('refuses what is not a real date and time', () => {
    for (const value of ['2026-02-30T10:00', '2026-13-01T10:00', '2026-03-02T24:00', '2026-03-02 10:00', '2026-03-02T10:00:00', '1999-12-31T10:00', 'tomorrow']) {
      expect(instantOfLocalTime(value, 'America/New_York'), value).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('must be in the future, with a minute of slack, and at most a year ahead', () => {
    expect(readScheduledAt('2026-03-01T09:59', newYork)).toEqual({ ok: true, instant: new Date('2026-03-01T14:59:00Z') });
    expect(readScheduledAt('2026-03-01T09:58', newYork)).toEqual({ ok: false, messageKey: 'composer.errors.scheduledInPast' });
    expect(readScheduledAt('2027-03-01T10:00', newYork)).toMatchObject({ ok: true });
    expect(readScheduledAt('2027-03-03T10:00', newYork)).toEqual({ ok: false, messageKey: 'composer.errors.scheduledTooFar' });
    expect(readScheduledAt('2026-03-08T02:15', newYork)).toEqual({ ok: false, messageKey: 'composer.errors.scheduledInGap' });
    expect(readScheduledAt('2026-03-08T02:15', { ...newYork, timeZone: 'Europe/Lisbon' })).toMatchObject({ ok: true });
  });

  it('gives the send instant of parsed input: now, or the scheduled time', () => {
    const scheduled = composerSchema(newYork).parse({ ...valid, when: 'schedule', scheduled_at: '2026-03-10T09:00' });
    expect(sendInstantOf(scheduled, newYork)).toEqual(new Date('2026-03-10T13:00:00Z'));
    expect(sendInstantOf(composerSchema(newYork).parse(valid), newYork)).toEqual(newYork.now);
  });

  it('turns an instant back into the field’s value on the account’s clock', () => {
    expect(localTimeInputValue(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30');
    expect(localTimeInputValue(new Date('2026-03-02T04:45:00Z'), 'Asia/Kathmandu')).toBe('2026-03-02T10:30');
  });
});

describe('a body as one recipient gets it', () => {
  const links = sampleLinks('https://pulse.example.test');

  it('fills the names and gives links their real length', () => {
    const message = renderAsRecipient('Hi {first_name}! See https://shop.example/spring?ref=sms {survey_link}', { firstName: 'Ana', lastName: 'Lima' }, links);
    expect(message).toBe('Hi Ana! See https://pulse.example.test/l/xxxxxxxxxxxx https://pulse.example.test/s/xxxxxxxxxxxx');
  });

  it('counts a name outside GSM-7 as the recipient pays for it', () => {
    const template = 'Hi {first_name}, our spring sale starts today.';
    expect(segmentsOf(renderAsRecipient(template, { firstName: 'Joana', lastName: '' }, links)).encoding).toBe('GSM-7');
    expect(segmentsOf(renderAsRecipient(template, { firstName: 'João', lastName: '' }, links)).encoding).toBe('UCS-2');
  });
});
