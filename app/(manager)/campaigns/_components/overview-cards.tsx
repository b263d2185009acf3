// The overview's cards: campaigns scheduled in the next 30 days, sent in the last 30,
// conversations started, and the month's credits with a bar of used against the plan
// (no remaining card on unlimited plans), with the windows and the zone written under them.
import { useTranslations } from 'next-intl';
import { MetricCard, MetricGrid } from '@/app/_components/ui/metric';
import { cx } from '@/app/_components/ui/cx';
import { BoltIcon, ClockIcon, MegaphoneIcon, UsersIcon } from '@/app/_components/ui/icons';
import type { OverviewCards as Cards } from '@/lib/campaigns/overview';
import type { Formatter } from '@/lib/format';
import { cachedDateTimeFormat } from '@/lib/format/intl-cache';
import { rateInTenthsOfPercent } from '@/lib/format/numbers';

export function OverviewCards({ cards, format }: { cards: Cards; format: Formatter }) {
  const t = useTranslations('campaignsOverview.cards');
  const { locale, timeZone } = format.settings;
  const { credits } = cards;
  const limited = credits.allowance !== null;
  const days = (start: Date, end: Date) =>
    cachedDateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).formatRange(start, end);
  const month = cachedDateTimeFormat(locale, { timeZone, year: 'numeric', month: 'long' }).format(credits.start);
  const zone = format.timeZone();
  // The windows end exclusively; the last day shown is the one containing the last instant.
  const lastInstant = (end: Date) => new Date(end.getTime() - 1);

  return (
    <section aria-label={t('label')} className="mb-8">
      <MetricGrid>
        <MetricCard name="scheduled_30d" count={cards.scheduled30d} label={t('scheduled')} hint={t('next30')} icon={<ClockIcon />} />
        <MetricCard name="recent_30d" count={cards.recent30d} label={t('recent')} hint={t('last30')} icon={<MegaphoneIcon />} />
        {/* Five cards leave one alone on a two-column phone grid; this one takes the whole row instead. */}
        <div className={cx('grid', limited && 'max-md:col-span-2')}>
          <MetricCard
            name="conversations_30d"
            count={cards.conversations30d}
            label={t('conversations')}
            hint={t('last30')}
            icon={<UsersIcon />}
          />
        </div>
        <MetricCard
          name="credits_used"
          count={credits.used}
          label={t('creditsUsed')}
          icon={<BoltIcon />}
          hint={
            credits.allowance === null ? (
              t('creditsUnlimited')
            ) : (
              <CreditsBar used={credits.used} allowance={credits.allowance} label={t('creditsOfPlan', { allowance: format.count(credits.allowance) })} />
            )
          }
        />
        {limited && credits.remaining !== null ? (
          <MetricCard
            name="credits_remaining"
            count={credits.remaining}
            label={t('creditsRemaining')}
            icon={<BoltIcon />}
            hint={credits.remaining === 0 ? t('creditsOver') : t('creditsResets', { date: format.date(credits.end) })}
          />
        ) : null}
      </MetricGrid>
      <p className="mt-3 text-xs text-fg-subtle text-pretty">
        {t('windows', {
          last30: days(cards.last30.start, lastInstant(cards.last30.end)),
          next30: days(cards.next30.start, lastInstant(cards.next30.end)),
          month,
          zone: `${zone.id} (${zone.abbreviation})`,
        })}
      </p>
    </section>
  );
}

/** Used against the plan: the bar turns amber near the allowance and red once it is used up. */
function CreditsBar({ used, allowance, label }: { used: number; allowance: number; label: string }) {
  const tenths = Math.min(1000, rateInTenthsOfPercent(used, allowance));
  const tone = tenths >= 1000 ? 'bg-failed' : tenths >= 900 ? 'bg-pending' : 'bg-accent';
  return (
    <span className="flex flex-col gap-2">
      <span aria-hidden="true" className="block h-1.5 w-full overflow-hidden rounded-full bg-surface-muted">
        <span className={cx('block h-full rounded-full', tone)} style={{ width: `${tenths / 10}%` }} />
      </span>
      <span>{label}</span>
    </span>
  );
}
