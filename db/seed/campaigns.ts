// Plans the campaigns of both accounts over the history: each theme at its yearly
// rhythm on business days and hours of the account's zone, the big "everyone"
// campaign, one sending now, scheduled ones, drafts, a canceled one, follow-ups of
// past campaigns and resends of their failures. Their recipients and messages are
// generated in SQL (sends.ts) from the work rows planned here.
import { addDays, firstInstantAtOrAfterWallClock, localDateOf, type CivilDate } from '@/lib/time/zone';
import type { Row } from './bulk';
import { DAY_MS, daysAfter, HISTORY_DAYS, type PlannedAccount, type SeedContext } from './plan';
import type { SpecialCampaign } from './profile';
import type { Random } from './random';
import type { TemplateRegistry } from './templates';

type Planned = { campaign: Row; plan: Row | null; createdAt: Date };

const between = (random: Random, [low, high]: [number, number]) => low + (high - low) * random.next();

/** The instant a local wall-clock time happens in the zone. */
function at(date: CivilDate, minutes: number, timeZone: string): Date {
  return new Date(firstInstantAtOrAfterWallClock(date, minutes * 60_000, timeZone));
}

/** Campaigns go out Tuesday to Thursday mostly, Monday or Friday sometimes, never at weekends. */
function businessDay(date: CivilDate, random: Random): CivilDate {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  const shift: Record<number, number> = { 0: 2, 1: random.chance(0.5) ? 1 : 0, 2: 0, 3: 0, 4: 0, 5: random.chance(0.5) ? -1 : 0, 6: -2 };
  return addDays(date, shift[weekday]!);
}

export function planCampaigns(ctx: SeedContext, accounts: PlannedAccount[], templates: TemplateRegistry) {
  const planned: Planned[] = [];
  for (const account of accounts) {
    const random = ctx.random.fork(`campaigns:${account.profile.name}`);
    const { profile } = account;
    const zone = profile.timeZone;
    const today = localDateOf(ctx.anchor, zone);
    const engagement = (reply: [number, number], click: [number, number] | undefined, hasSurvey: boolean) => ({
      fail_rate: between(random, [0.02, 0.045]),
      optout_rate: between(random, [0.004, 0.012]),
      reply_rate: between(random, reply),
      click_rate: click ? between(random, click) : 0,
      view_rate: hasSurvey ? between(random, [0.2, 0.35]) : 0,
      respond_rate: hasSurvey ? between(random, [0.5, 0.7]) : 0,
    });
    const audienceOf = (audience: string) =>
      audience.startsWith('tag:')
        ? { audience_kind: 'tag', tag_id: account.tagIds.get(audience.slice(4)) ?? fail(`unknown tag ${audience}`) }
        : { audience_kind: 'all', tag_id: null };
    const add = (c: {
      name: string; body: string; audience: string; number: number; survey?: string; status: string; sentAt: Date | null;
      scheduledAt: Date | null; createdAt: Date; canceledAt?: Date; reply?: [number, number]; click?: [number, number];
      sourceKey?: number; followShare?: number; sendingNow?: boolean; resend?: boolean;
    }) => {
      const surveyId = c.survey ? account.surveyIds.get(c.survey)! : null;
      const numberId = account.numberIds[c.number]!;
      const rate = profile.numbers[c.number]!.ratePerSecond ?? 1;
      const key = planned.length;
      const campaign: Row = {
        key,
        account_id: account.accountId,
        name: c.name,
        body: c.body,
        from_number_id: numberId,
        survey_id: surveyId,
        status: c.status,
        audience: c.audience,
        source_key: c.sourceKey ?? null,
        scheduled_at: c.scheduledAt,
        sent_at: c.sentAt,
        canceled_at: c.canceledAt ?? null,
        created_by: account.managerId,
        created_at: c.createdAt,
        updated_at: c.canceledAt ?? c.sentAt ?? c.createdAt,
      };
      const sends = c.status === 'sent' || c.status === 'sending';
      const plan: Row | null = sends
        ? {
            key,
            account_id: account.accountId,
            number_id: numberId,
            pattern_id: templates.idOf(account.accountId, c.body),
            survey_id: surveyId,
            ...(c.sourceKey !== undefined ? { audience_kind: 'campaign', tag_id: null } : audienceOf(c.audience)),
            source_key: c.sourceKey ?? null,
            follow_share: c.followShare ?? null,
            sent_at: c.sentAt,
            pace_ms: 1000 / rate,
            sending_now: c.sendingNow ?? false,
            resend_at: c.resend ? daysAfter(c.sentAt!, 1) : null,
            ...engagement(c.reply ?? [0.02, 0.03], c.click, surveyId !== null),
          }
        : null;
      planned.push({ campaign, plan, createdAt: c.createdAt });
      return key;
    };

    // The yearly rhythm.
    const themed: { key: number; sentAt: Date; hasLink: boolean }[] = [];
    for (const theme of profile.themes) {
      const count = Math.max(1, Math.round((theme.perYear * HISTORY_DAYS) / 365));
      for (let k = 0; k < count; k++) {
        const offset = ((k + 0.5 + (random.next() - 0.5) * 0.6) * HISTORY_DAYS) / count;
        const day = businessDay(localDateOf(daysAfter(ctx.historyStart, offset), zone), random);
        const sentAt = at(day, 9 * 60 + 30 + 15 * random.int(0, 28), zone);
        if (sentAt.getTime() > ctx.anchor.getTime() - 4 * DAY_MS || sentAt < ctx.historyStart) continue;
        const month = profile.months[day.month - 1]!;
        const body = theme.body.replaceAll('{month}', month);
        const scheduled = random.chance(0.6);
        const key = add({
          name: theme.name.replaceAll('{month}', month),
          body,
          audience: theme.audience,
          number: theme.number,
          survey: theme.survey,
          status: 'sent',
          sentAt,
          scheduledAt: scheduled ? sentAt : null,
          createdAt: new Date(sentAt.getTime() - random.int(2, 96) * 3_600_000),
          reply: theme.replyRate,
          click: theme.clickRate,
          resend: random.chance(0.12) && sentAt.getTime() < ctx.anchor.getTime() - 6 * DAY_MS,
        });
        themed.push({ key, sentAt, hasLink: theme.clickRate !== undefined });
      }
    }

    // Follow-ups of a past campaign with a link, to part of its recipients.
    const candidates = themed.filter((t) => t.hasLink && t.sentAt.getTime() < ctx.anchor.getTime() - 12 * DAY_MS);
    for (const followUp of profile.followUps) {
      const source = random.pick(candidates);
      const sourceRow = planned[source.key]!.campaign;
      const day = addDays(localDateOf(source.sentAt, zone), 2);
      const sentAt = at(day, 11 * 60, zone);
      add({
        name: followUp.name.replace('{source}', String(sourceRow.name)),
        body: followUp.body,
        audience: `campaign:${source.key}`,
        number: profile.numbers.findIndex((_, i) => account.numberIds[i] === sourceRow.from_number_id),
        status: 'sent',
        sentAt,
        scheduledAt: null,
        createdAt: new Date(sentAt.getTime() - 3_600_000),
        sourceKey: source.key,
        followShare: followUp.share,
        reply: [0.02, 0.04],
        click: followUp.body.includes('https://') ? [0.06, 0.1] : undefined,
      });
    }

    for (const special of profile.specials) add(planSpecial(ctx, special, today, zone, random));
  }

  // Ids in order of creation across both accounts, as a real database would have them.
  const order = [...planned].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.campaign.key) - Number(b.campaign.key));
  const idOf = new Map(order.map((p, i) => [Number(p.campaign.key), i + 1]));
  const campaigns = order.map(({ campaign }) => {
    const { key, source_key: sourceKey, ...row } = campaign;
    const sourceId = sourceKey === null ? null : idOf.get(Number(sourceKey))!;
    return {
      ...row,
      id: idOf.get(Number(key)),
      source_campaign_id: sourceId,
      audience: sourceId === null ? row.audience : `campaign:${sourceId}`,
    };
  });
  const plans = order
    .filter((p) => p.plan)
    .map(({ plan }) => {
      const { key, source_key: sourceKey, ...row } = plan!;
      return { ...row, campaign_id: idOf.get(Number(key)), source_campaign_id: sourceKey === null ? null : idOf.get(Number(sourceKey)) };
    });
  return { campaigns, plans };
}

function planSpecial(ctx: SeedContext, special: SpecialCampaign, today: CivilDate, zone: string, random: Random) {
  // The big campaign goes out early enough in the current month to count in it.
  const day = special.key === 'anniversary' || special.key === 'aniversario-loja'
    ? (today.day > 3 ? -Math.min(-special.day, today.day - 2) : special.day)
    : special.day;
  const date = addDays(today, day);
  const when = special.status === 'sending' ? new Date(ctx.anchor.getTime() - 3_600_000) : at(date, special.localTime, zone);
  const base = {
    name: special.name,
    body: special.body,
    audience: special.audience,
    number: special.number,
    survey: special.survey,
    status: special.status,
    reply: special.replyRate,
    click: special.clickRate,
  };
  switch (special.status) {
    case 'sent':
    case 'sending':
      return { ...base, sentAt: when, scheduledAt: when, createdAt: new Date(when.getTime() - 2 * DAY_MS), sendingNow: special.status === 'sending' };
    case 'scheduled':
      return { ...base, sentAt: null, scheduledAt: when, createdAt: new Date(ctx.anchor.getTime() - random.int(1, 5) * DAY_MS) };
    case 'draft':
      return { ...base, sentAt: null, scheduledAt: null, createdAt: when };
    case 'canceled':
      return { ...base, sentAt: null, scheduledAt: when, createdAt: new Date(when.getTime() - 3 * DAY_MS), canceledAt: new Date(when.getTime() - DAY_MS) };
  }
}

function fail(message: string): never {
  throw new Error(message);
}
