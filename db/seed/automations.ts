// Plans each account's automations (every trigger kind; active, switched off, and
// one deleted) and the work rows from which sends.ts generates their executions.
import type { Row } from './bulk';
import { daysAfter, type PlannedAccount, type SeedContext } from './plan';
import type { TemplateRegistry } from './templates';

const minutesOf = (time: string | undefined) => {
  const [h, m] = (time ?? '10:00').split(':').map(Number);
  return h! * 60 + m!;
};

export function planAutomations(ctx: SeedContext, accounts: PlannedAccount[], templates: TemplateRegistry) {
  const planned: { automation: Row; plan: Row; createdAt: Date }[] = [];
  for (const account of accounts) {
    const random = ctx.random.fork(`automations:${account.profile.name}`);
    for (const a of account.profile.automations) {
      const activeFrom = daysAfter(ctx.historyStart, a.activeFromDay);
      const everActive = activeFrom < ctx.anchor;
      const activeUntil = a.activeUntilDay !== undefined ? daysAfter(ctx.historyStart, a.activeUntilDay) : null;
      const createdAt = everActive ? daysAfter(activeFrom, -random.int(1, 6)) : daysAfter(ctx.anchor, -random.int(3, 9));
      const surveyId = a.survey ? account.surveyIds.get(a.survey)! : null;
      const numberId = account.numberIds[a.number]!;
      const tagId = a.tag ? account.tagIds.get(a.tag)! : null;
      const audienceTagId = a.audience.startsWith('tag:') ? account.tagIds.get(a.audience.slice(4))! : null;
      const status = everActive && activeUntil === null ? 'active' : 'inactive';
      planned.push({
        createdAt,
        automation: {
          account_id: account.accountId,
          name: a.name,
          status,
          trigger: a.trigger,
          trigger_tag_id: tagId,
          trigger_keyword: a.keyword ?? null,
          trigger_config: a.config,
          audience: a.audience,
          time_zone: account.profile.timeZone,
          action: a.action,
          body: a.body,
          survey_id: surveyId,
          from_number_id: numberId,
          created_by: account.managerId,
          created_at: createdAt,
          updated_at: activeUntil ?? (everActive ? activeFrom : createdAt),
          deleted_at: a.deleted ? daysAfter(activeUntil!, 1) : null,
        },
        plan: {
          account_id: account.accountId,
          number_id: numberId,
          trigger: a.trigger,
          tag_id: tagId,
          keyword: a.keyword ?? null,
          audience_tag_id: audienceTagId,
          active_from: everActive ? activeFrom : null,
          active_until: activeUntil ?? ctx.anchor,
          still_active: status === 'active',
          time_zone: account.profile.timeZone,
          send_minutes: minutesOf(a.config.sendTime),
          every: a.config.every ?? null,
          weekday: a.config.weekday ?? null,
          month_day: a.config.monthDay ?? null,
          delay_minutes: a.config.delayMinutes ?? 0,
          pattern_id: templates.idOf(account.accountId, a.body),
          survey_id: surveyId,
          keyword_share: a.keywordShare ?? 0,
          fail_rate: 0.03,
          optout_rate: 0.005,
          reply_rate: a.replyRate[0],
          click_rate: a.clickRate?.[0] ?? 0,
          view_rate: surveyId !== null ? 0.35 : 0,
          respond_rate: surveyId !== null ? 0.6 : 0,
        },
      });
    }
  }
  planned.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return {
    automations: planned.map((p, i): Row => ({ ...p.automation, id: i + 1 })),
    plans: planned.map((p, i): Row => ({ ...p.plan, automation_id: i + 1 })),
  };
}
