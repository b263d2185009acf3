// The campaign's message as a phone shows it (a chat bubble), with what it costs: its
// encoding, segments and credits per message, the credits charged so far, and the
// estimated overage against the month's allowance.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Card } from '@/app/_components/ui/card';
import type { Overage } from '@/lib/billing/usage';
import type { CampaignCounters, MessagePreview } from '@/lib/campaigns/detail';
import type { Formatter } from '@/lib/format';

type MessageCardProps = {
  message: MessagePreview;
  /** True once recipients were sent their own message (the sample is a real one). */
  sent: boolean;
  from: string;
  counters: CampaignCounters;
  /** Before sending: the audience's size × segments, instead of credits charged. */
  estimatedCredits: number | null;
  overage: { kind: 'estimate'; value: Overage; scheduled: boolean } | { kind: 'unlimited' } | { kind: 'none' };
  format: Formatter;
};

export function MessageCard({ message, sent, from, counters, estimatedCredits, overage, format }: MessageCardProps) {
  const t = useTranslations('campaign.message');
  const note =
    message.sampleFor === null ? t('templateOnly') : sent ? t('sampleFor', { name: message.sampleFor }) : t('sampleTemplate', { name: message.sampleFor });

  let overageValue: ReactNode;
  let overageHint: ReactNode = null;
  if (overage.kind === 'unlimited') overageValue = <span className="text-fg-muted">{t('unlimited')}</span>;
  else if (overage.kind === 'none') overageValue = <span className="text-fg-muted">{t('notApplicable')}</span>;
  else {
    overageValue =
      overage.value.credits > 0 ? (
        <span data-metric="overage_credits" data-count={overage.value.credits}>
          {t('overageValue', { credits: overage.value.credits, money: format.money(Number(overage.value.money)) })}
        </span>
      ) : (
        <span data-metric="overage_credits" data-count="0" className="text-fg-muted">
          {t('noOverage')}
        </span>
      );
    overageHint = overage.scheduled ? t('overageScheduledHint') : t('overageHint');
  }

  return (
    <Card title={t('title')} description={t('description')}>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <figure className="rounded-2xl border border-line bg-surface-muted p-4 sm:p-5">
          <figcaption className="mb-3 text-center text-xs font-medium text-fg-subtle tabular-nums">{t('from', { from })}</figcaption>
          <p className="max-w-[20rem] whitespace-pre-wrap break-words rounded-2xl rounded-bl-md bg-surface px-4 py-2.5 text-[15px] leading-snug text-fg shadow-card ring-1 ring-line [overflow-wrap:anywhere]">
            {message.body}
          </p>
          <p className="mt-3 text-xs text-fg-subtle text-pretty">{note}</p>
        </figure>

        <dl className="grid grid-cols-3 content-start gap-x-6 gap-y-5 text-sm">
          <Fact label={t('encoding')}>
            <span data-encoding={message.encoding}>{message.encoding}</span>
          </Fact>
          <Fact label={t('segments')}>{format.count(message.segments)}</Fact>
          <Fact label={t('creditsPerMessage')}>{format.count(message.segments)}</Fact>
          {estimatedCredits === null ? (
            <Fact label={t('creditsCharged')} wide hint={t('creditsChargedHint', { count: counters.messages })}>
              {format.count(counters.credits)}
            </Fact>
          ) : (
            <Fact label={t('creditsEstimated')} wide hint={t('creditsEstimatedHint')}>
              {format.count(estimatedCredits)}
            </Fact>
          )}
          <Fact label={t('estimatedOverage')} wide hint={overageHint}>
            {overageValue}
          </Fact>
        </dl>
      </div>
    </Card>
  );
}

function Fact({ label, hint, wide, children }: { label: string; hint?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'col-span-3' : undefined}>
      <dt className="text-fg-muted">{label}</dt>
      <dd className="mt-0.5 text-base font-semibold text-fg tabular-nums">{children}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-fg-subtle text-pretty">{hint}</dd> : null}
    </div>
  );
}
