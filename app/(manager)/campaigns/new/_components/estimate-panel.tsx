// The composer's summary before sending: who gets the message, who is suppressed, what
// it costs in credits and the overage it would cause, and the message as the first
// recipient will read it. Every number carries the contract's data-metric attributes.
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cx } from '@/app/_components/ui/cx';
import { formatCount, formatMoney } from '@/lib/format/numbers';
import type { EstimateView } from './composer-state';

type EstimatePanelProps = {
  estimate: EstimateView | null;
  /** False until the body has text: the numbers describe a message, so none is shown before. */
  hasBody: boolean;
  currency: string;
  /** True while a fresher estimate is on its way. */
  refreshing?: boolean;
};

export function EstimatePanel({ estimate, hasBody, currency, refreshing }: EstimatePanelProps) {
  const t = useTranslations('composer.summary');
  const locale = useLocale();
  const count = (n: number) => formatCount(locale, n);

  if (!hasBody || !estimate) {
    return <p className="text-sm text-fg-muted">{!hasBody ? t('empty') : refreshing ? t('calculating') : t('pressCheck')}</p>;
  }
  const overage = estimate.plan?.overageCredits ?? 0;
  return (
    <div className={cx('flex flex-col gap-4 transition-opacity', refreshing && 'opacity-60')} aria-busy={refreshing || undefined}>
      <dl className="divide-y divide-line">
        <Row label={t('recipients')} hint={t('recipientsHint')}>
          <span data-metric="recipients" data-count={String(estimate.recipients)}>
            {count(estimate.recipients)}
          </span>
        </Row>
        <Row label={t('suppressed')} hint={t('suppressedHint')}>
          <span data-metric="suppressed" data-count={String(estimate.suppressed)}>
            {count(estimate.suppressed)}
          </span>
        </Row>
        <Row label={t('perMessage')} hint={t('perMessageHint', { encoding: estimate.encoding })}>
          {t('segments', { count: estimate.segments })}
        </Row>
        <Row
          label={t('credits')}
          hint={estimate.creditsBasis === 'exact' ? t('creditsExact') : t('creditsSampled')}
        >
          <span data-metric="credits" data-count={String(estimate.credits)}>
            {estimate.creditsBasis === 'exact' ? count(estimate.credits) : t('approximately', { value: count(estimate.credits) })}
          </span>
        </Row>
        <Row
          label={t('overage')}
          tone={overage > 0 ? 'warning' : undefined}
          hint={
            estimate.plan === null
              ? t('unlimited')
              : t('leftBefore', { left: count(estimate.plan.leftBefore), allowance: count(estimate.plan.allowance), month: monthName(estimate.plan.monthLabel, locale) })
          }
        >
          <span data-metric="overage_credits" data-count={String(overage)}>
            {estimate.plan === null || overage === 0 ? (
              t('noOverage')
            ) : (
              <>
                {t('overageCredits', { count: overage })}
                <span className="block text-xs font-normal">{formatMoney(locale, Number(estimate.plan.overageMoney), currency)}</span>
              </>
            )}
          </span>
        </Row>
      </dl>
      <figure className="flex flex-col gap-1.5">
        <figcaption className="text-xs font-medium text-fg-muted">
          {estimate.first && (estimate.first.firstName || estimate.first.lastName)
            ? t('previewFor', { name: `${estimate.first.firstName} ${estimate.first.lastName}`.trim() })
            : t('preview')}
        </figcaption>
        <p className="max-w-[18rem] self-start whitespace-pre-wrap break-words rounded-2xl rounded-bl-md bg-surface-muted px-3.5 py-2.5 text-sm leading-snug text-fg ring-1 ring-line">
          {estimate.message}
        </p>
      </figure>
    </div>
  );
}

function Row({ label, hint, tone, children }: { label: ReactNode; hint?: ReactNode; tone?: 'warning'; children: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-4 py-2.5 first:pt-0 last:pb-0">
      <dt className="min-w-0">
        <span className="text-sm text-fg">{label}</span>
        {hint !== undefined ? <span className="mt-0.5 block text-xs text-fg-subtle">{hint}</span> : null}
      </dt>
      <dd className={cx('shrink-0 text-right text-sm font-semibold tabular-nums', tone === 'warning' ? 'text-warning-text' : 'text-fg')}>
        {children}
      </dd>
    </div>
  );
}

/** "2026-03" as the month's name in the reader's language ("March", "março"). */
function monthName(label: string, locale: string): string {
  const [year, month] = label.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 15)));
}
