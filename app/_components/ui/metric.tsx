// A number the page reports, in the reader's language, carrying the machine-readable
// attributes of the contract: data-metric, data-count, data-rate (percent, one
// decimal, ".") and data-total where there is one. Rates are count ÷ recipients.
import { useLocale } from 'next-intl';
import type { ReactNode } from 'react';
import { formatCount, formatRate, rateAttribute } from '@/lib/format/numbers';
import { cx } from './cx';

type MetricData = {
  /** The contract's metric name, e.g. "delivered". */
  name: string;
  count: number;
  /** The denominator of the rate (the recipients); omit for metrics without a rate. */
  of?: number;
  /** A second total the metric carries, e.g. all clicks beside clicking recipients. */
  total?: number;
};

function metricAttributes({ name, count, of, total }: MetricData) {
  return {
    'data-metric': name,
    'data-count': String(count),
    ...(of !== undefined ? { 'data-rate': rateAttribute(count, of) } : {}),
    ...(total !== undefined ? { 'data-total': String(total) } : {}),
  };
}

/** For table cells and inline use: the count with its rate underneath, right-aligned by the cell. */
export function Metric({ align = 'end', ...data }: MetricData & { align?: 'start' | 'end' }) {
  const locale = useLocale();
  return (
    <span
      {...metricAttributes(data)}
      className={cx('inline-flex flex-col tabular-nums leading-tight', align === 'end' ? 'items-end' : 'items-start')}
    >
      <span className="text-fg">{formatCount(locale, data.count)}</span>
      {data.of !== undefined ? (
        <span className="text-xs text-fg-subtle">{formatRate(locale, data.count, data.of)}</span>
      ) : null}
    </span>
  );
}

type MetricCardProps = MetricData & {
  label: ReactNode;
  /** A line under the number: what the rate is of, a total, a money amount. */
  hint?: ReactNode;
  icon?: ReactNode;
  /** Shown instead of the formatted count (e.g. money); the attributes keep the count. */
  value?: ReactNode;
};

/** For the summary cards at the top of a page: label, large count, rate beside it. */
export function MetricCard({ label, hint, icon, value, ...data }: MetricCardProps) {
  const locale = useLocale();
  return (
    <div
      {...metricAttributes(data)}
      className="flex min-w-0 flex-col gap-2 rounded-xl border border-line bg-surface p-4 shadow-card sm:p-5"
    >
      <p className="flex items-center gap-2 text-sm font-medium text-fg-muted">
        {icon ? <span className="text-fg-subtle [&_svg]:size-4">{icon}</span> : null}
        <span className="truncate">{label}</span>
      </p>
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className="text-2xl font-semibold tracking-tight text-fg tabular-nums sm:text-[1.75rem]">
          {value ?? formatCount(locale, data.count)}
        </span>
        {data.of !== undefined ? (
          <span className="text-sm font-medium text-fg-muted tabular-nums">{formatRate(locale, data.count, data.of)}</span>
        ) : null}
      </p>
      {hint !== undefined ? <p className="text-xs text-fg-subtle">{hint}</p> : null}
    </div>
  );
}

/** A responsive grid for MetricCards: two columns on phones, up to five on wide screens. */
export function MetricGrid({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 xl:grid-cols-5">{children}</div>;
}
