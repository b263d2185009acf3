// The top of the Campaign tab: delivery (recipients, the delivered/pending/failed bar
// and counts, each with its rate over recipients) beside the campaign's details
// (from, to, when, survey). Numbers come from the campaign's counters.
import Link from 'next/link';
import type { Route } from 'next';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Card } from '@/app/_components/ui/card';
import { cx } from '@/app/_components/ui/cx';
import { ClockIcon } from '@/app/_components/ui/icons';
import { Metric } from '@/app/_components/ui/metric';
import type { Formatter } from '@/lib/format';
import { formatCount, rateInTenthsOfPercent } from '@/lib/format/numbers';
import { audienceOf, type CampaignCounters, type CampaignHeader } from '@/lib/campaigns/detail';

const PARTS = [
  { key: 'delivered', colour: 'bg-delivered' },
  { key: 'pending', colour: 'bg-pending' },
  { key: 'failed', colour: 'bg-failed' },
] as const;

type DeliveryCardProps = {
  counters: CampaignCounters;
  /** Before sending: when it goes out (or why it will not), in words, and to about how many. */
  notStarted: { headline: string; recipients: string | null; willSend: boolean } | null;
};

export function DeliveryCard({ counters, notStarted }: DeliveryCardProps) {
  const t = useTranslations('campaign.overview');
  const metrics = useTranslations('common.metrics');
  const locale = useLocale();
  const { recipients } = counters;
  // Before a campaign starts every number is 0: the card says when it will go out
  // instead, and keeps the metrics (for scrapers) out of sight.
  const numbersClass = notStarted ? 'sr-only' : undefined;
  return (
    <Card title={t('delivery')} className="lg:col-span-2">
      {notStarted ? (
        <div className="flex gap-3">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-accent-soft text-accent-text">
            <ClockIcon className="size-4" />
          </span>
          <div>
            <p className="text-base font-semibold text-fg">{notStarted.headline}</p>
            {notStarted.recipients ? <p className="mt-0.5 text-sm text-fg-muted">{notStarted.recipients}</p> : null}
            {notStarted.willSend ? <p className="mt-3 text-sm text-fg-subtle">{t('notStarted')}</p> : null}
          </div>
        </div>
      ) : null}
      <div className={numbersClass}>
        <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-1">
          <div>
            <p className="text-sm font-medium text-fg-muted">{t('recipients')}</p>
            <p className="mt-1 text-3xl font-semibold tracking-tight text-fg">
              <Metric name="recipients" count={recipients} align="start" />
            </p>
          </div>
          {counters.suppressed > 0 ? <p className="text-sm text-fg-muted tabular-nums">{t('notSent', { count: counters.suppressed })}</p> : null}
        </div>

        <div
          role="img"
          aria-label={t('barLabel', {
            total: recipients,
            delivered: formatCount(locale, counters.delivered),
            pending: formatCount(locale, counters.pending),
            failed: formatCount(locale, counters.failed),
          })}
          className="mt-5 flex h-3 w-full gap-0.5 overflow-hidden rounded-full bg-surface-muted"
        >
          {PARTS.map(({ key, colour }) =>
            counters[key] > 0 ? (
              <span
                key={key}
                className={cx('h-full min-w-1 first:rounded-l-full last:rounded-r-full', colour)}
                style={{ width: `${rateInTenthsOfPercent(counters[key], recipients) / 10}%` }}
              />
            ) : null,
          )}
        </div>

        <dl className="mt-5 grid grid-cols-3 gap-3 sm:gap-6">
          {PARTS.map(({ key, colour }) => (
            <div key={key} className="min-w-0">
              <dt className="flex items-center gap-2 text-sm text-fg-muted">
                <span aria-hidden="true" className={cx('size-2 shrink-0 rounded-full', colour)} />
                <span className="truncate">{metrics(key)}</span>
              </dt>
              <dd className="mt-1 text-lg font-semibold text-fg [&_span_span:last-child]:font-normal">
                <Metric name={key} count={counters[key]} of={recipients} align="start" />
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  );
}

type DetailsCardProps = {
  campaign: CampaignHeader;
  counters: CampaignCounters;
  estimatedRecipients: number | null;
  format: Formatter;
  surveyHref: Route | null;
};

export function DetailsCard({ campaign, counters, estimatedRecipients, format, surveyHref }: DetailsCardProps) {
  const t = useTranslations('campaign.overview');
  const audience = audienceOf(campaign.audience);
  const audienceText =
    audience.kind === 'tag' ? t('audienceTag', { tag: audience.tag }) : audience.kind === 'campaign' ? t('audienceCampaign') : t('audienceAll');

  let when: { label: string; value: ReactNode; note?: ReactNode };
  if (campaign.status === 'canceled') {
    when = { label: t('canceledAt'), value: campaign.canceledAt ? format.dateTime(campaign.canceledAt) : t('notSentYet') };
  } else if (campaign.sentAt) {
    when = {
      label: t('sentAt'),
      value: format.dateTime(campaign.sentAt),
      note: campaign.status === 'sending' ? t('stillSending') : campaign.completedAt ? t('finished', { when: format.dateTime(campaign.completedAt) }) : undefined,
    };
  } else if (campaign.status === 'scheduled' && campaign.scheduledAt) {
    when = { label: t('scheduledFor'), value: format.dateTime(campaign.scheduledAt) };
  } else {
    when = { label: t('sentAt'), value: t('notSentYet') };
  }

  return (
    <Card title={t('details')}>
      <dl className="grid gap-4 text-sm">
        <Detail label={t('from')}>
          <span className="font-medium tabular-nums">{format.phone(campaign.from.e164)}</span>
          {campaign.from.label ? <span className="block text-fg-subtle">{campaign.from.label}</span> : null}
        </Detail>
        <Detail label={t('to')}>
          <span className="font-medium tabular-nums">
            {estimatedRecipients === null ? t('recipientsCount', { count: counters.recipients }) : t('estimatedRecipients', { count: estimatedRecipients })}
          </span>
          <span className="block text-fg-subtle">
            {audienceText}
            {estimatedRecipients !== null ? ` · ${t('optedOutLeftOut')}` : null}
          </span>
        </Detail>
        <Detail label={when.label}>
          <span className="font-medium">{when.value}</span>
          {when.note ? <span className="block text-fg-subtle">{when.note}</span> : null}
        </Detail>
        <Detail label={t('survey')}>
          {campaign.survey && surveyHref ? (
            <Link href={surveyHref} className="font-medium text-accent-text hover:underline">
              {campaign.survey.name}
            </Link>
          ) : (
            <span className="text-fg-subtle">{t('noSurvey')}</span>
          )}
        </Detail>
      </dl>
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] gap-3">
      <dt className="text-fg-muted">{label}</dt>
      <dd className="min-w-0 text-fg">{children}</dd>
    </div>
  );
}
