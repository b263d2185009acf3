// Delivery at a glance: one bar split into delivered, pending and failed, drawn in
// CSS (no script), with the same numbers as text for screen readers and a legend.
import { useLocale, useTranslations } from 'next-intl';
import { formatCount, formatRate, rateInTenthsOfPercent } from '@/lib/format/numbers';
import { cx } from './cx';

type StackedBarProps = { delivered: number; pending: number; failed: number; className?: string };

const parts = [
  { key: 'delivered', colour: 'bg-delivered' },
  { key: 'pending', colour: 'bg-pending' },
  { key: 'failed', colour: 'bg-failed' },
] as const;

export function StackedBar({ delivered, pending, failed, className }: StackedBarProps) {
  const locale = useLocale();
  const t = useTranslations('common');
  const counts = { delivered, pending, failed };
  // Every recipient is in exactly one of the three states.
  const recipients = delivered + pending + failed;
  const summary = t('delivery.summary', {
    total: recipients,
    delivered,
    deliveredRate: formatRate(locale, delivered, recipients),
    pending,
    pendingRate: formatRate(locale, pending, recipients),
    failed,
    failedRate: formatRate(locale, failed, recipients),
  });

  return (
    <figure className={cx('flex flex-col gap-3', className)}>
      <div role="img" aria-label={summary} className="flex h-2.5 w-full gap-0.5 overflow-hidden rounded-full bg-surface-muted">
        {parts.map(({ key, colour }) =>
          counts[key] > 0 ? (
            <span
              key={key}
              className={cx('h-full min-w-1 first:rounded-l-full last:rounded-r-full', colour)}
              style={{ width: `${rateInTenthsOfPercent(counts[key], recipients) / 10}%` }}
            />
          ) : null,
        )}
      </div>
      <figcaption aria-hidden="true">
        <ul className="flex flex-wrap gap-x-5 gap-y-1.5 text-sm">
          {parts.map(({ key, colour }) => (
            <li key={key} className="flex items-center gap-2">
              <span className={cx('size-2 rounded-full', colour)} />
              <span className="text-fg-muted">{t(`metrics.${key}`)}</span>
              <span className="font-medium text-fg tabular-nums">{formatCount(locale, counts[key])}</span>
              <span className="text-fg-subtle tabular-nums">{formatRate(locale, counts[key], recipients)}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
