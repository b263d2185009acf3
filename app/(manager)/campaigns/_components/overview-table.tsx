// The campaign list: one row per campaign with its status, recipients (an estimate
// for drafts and scheduled ones), results as counts with rates, estimated overage and
// when it went or goes out. Every number carries the contract's data-metric attributes,
// also where a dash is shown (nothing sent yet, no survey, unlimited plan).
import Link from 'next/link';
import type { Route } from 'next';
import { useTranslations } from 'next-intl';
import { StatusBadge } from '@/app/_components/ui/badge';
import { Metric } from '@/app/_components/ui/metric';
import { StackedMoment } from '@/app/_components/ui/stacked-moment';
import { SortableTh, Table, Td, Th } from '@/app/_components/ui/table';
import { campaignsHref, defaultDirection, sortHref, type CampaignListParams, type CampaignSortColumn } from '@/lib/campaigns/list-params';
import type { CampaignListRow } from '@/lib/campaigns/overview';
import type { Formatter } from '@/lib/format';
import { rateAttribute } from '@/lib/format/numbers';

type Props = { rows: CampaignListRow[]; params: CampaignListParams; format: Formatter; unlimited: boolean };

const TIME_SORTS = new Set(['recent', 'sent_at', 'scheduled_at']);

export function OverviewTable({ rows, params, format, unlimited }: Props) {
  const t = useTranslations('campaignsOverview.table');
  const sorted = (column: CampaignSortColumn) => (params.sort === column ? params.dir : undefined);
  const metricColumns: Array<{ sort: CampaignSortColumn; label: string }> = [
    { sort: 'recipients', label: t('recipients') },
    { sort: 'delivered', label: t('delivered') },
    { sort: 'replies', label: t('replies') },
    { sort: 'opt_outs', label: t('optOuts') },
    { sort: 'link_clicks', label: t('linkClicks') },
    { sort: 'survey_responses', label: t('surveyResponses') },
  ];
  // The time column shows when a campaign went or goes out, which is the default order;
  // its header flips that order, or returns to it from another sort.
  const timeSorted = TIME_SORTS.has(params.sort) ? params.dir : undefined;
  const timeHref = campaignsHref({
    q: params.q,
    status: params.status,
    sort: TIME_SORTS.has(params.sort) ? params.sort : 'recent',
    dir: TIME_SORTS.has(params.sort) ? (params.dir === 'asc' ? 'desc' : 'asc') : defaultDirection('recent'),
  });

  return (
    <Table caption={t('caption')}>
      {/* Positioned row groups keep the screen-reader-only texts in the cells inside the
          scrolling frame; otherwise they would widen the whole page on a phone. */}
      <thead className="relative">
        <tr>
          <SortableTh href={sortHref(params, 'name')} sorted={sorted('name')}>
            {t('campaign')}
          </SortableTh>
          {metricColumns.map((column) => (
            <SortableTh key={column.sort} href={sortHref(params, column.sort)} sorted={sorted(column.sort)} align="end">
              <HeaderLabel>{column.label}</HeaderLabel>
            </SortableTh>
          ))}
          <Th align="end">
            <HeaderLabel>{t('overage')}</HeaderLabel>
          </Th>
          <SortableTh href={timeHref} sorted={timeSorted}>
            {t('when')}
          </SortableTh>
        </tr>
      </thead>
      <tbody className="relative">
        {rows.map((row) => (
          <CampaignRow key={row.id} row={row} format={format} unlimited={unlimited} />
        ))}
      </tbody>
    </Table>
  );
}

function CampaignRow({ row, format, unlimited }: { row: CampaignListRow; format: Formatter; unlimited: boolean }) {
  const t = useTranslations('campaignsOverview.table');
  const of = row.recipients;
  const result = (name: string, count: number, options: { total?: number; applies?: boolean; dashTitle?: string } = {}) =>
    row.wentOut && options.applies !== false ? (
      <Metric name={name} count={count} of={of} total={options.total} />
    ) : (
      <Dash name={name} count={count} of={of} title={options.dashTitle ?? t('notSentYet')} />
    );

  return (
    <tr data-campaign-id={row.id}>
      <Td className="max-w-72 min-w-44">
        <div className="flex flex-col items-start gap-1">
          <Link
            href={`/campaigns/${row.id}` as Route}
            className="font-medium text-fg underline-offset-2 hover:text-accent-text hover:underline"
          >
            <span className="line-clamp-2 break-words">{row.name}</span>
          </Link>
          <StatusBadge status={row.status} />
        </div>
      </Td>
      <Td align="end" data-estimate={row.recipientsEstimated ? 'true' : undefined}>
        {row.recipientsEstimated ? (
          <span className="inline-flex flex-col items-end leading-tight" title={t('estimateTitle')}>
            <Metric name="recipients" count={row.recipients} />
            <span className="text-xs text-fg-subtle">{t('estimate')}</span>
          </span>
        ) : row.wentOut ? (
          <Metric name="recipients" count={row.recipients} />
        ) : (
          <Dash name="recipients" count={row.recipients} title={t('notSentYet')} />
        )}
      </Td>
      <Td align="end">{result('delivered', row.delivered)}</Td>
      <Td align="end">{result('replies', row.replied)}</Td>
      <Td align="end">{result('opt_outs', row.optedOut)}</Td>
      <Td align="end" title={row.wentOut ? t('totalClicks', { count: row.clicksTotal }) : undefined}>
        {result('link_clicks', row.clicked, { total: row.clicksTotal })}
      </Td>
      <Td align="end">
        {result('survey_responses', row.surveyResponded, { applies: row.hasSurvey, dashTitle: row.hasSurvey ? undefined : t('noSurvey') })}
      </Td>
      <Td align="end">
        <Overage row={row} format={format} unlimited={unlimited} />
      </Td>
      <Td className="whitespace-nowrap">
        <When row={row} format={format} />
      </Td>
    </tr>
  );
}

/** Long labels ("Survey responses", "Respostas da pesquisa") wrap rather than widen the table. */
function HeaderLabel({ children }: { children: string }) {
  // Break between words only: "Opt-outs" stays whole (a non-breaking hyphen reads the same).
  return <span className="whitespace-normal text-balance">{children.replaceAll('-', '\u2011')}</span>;
}

/** A metric with nothing to show yet: a dash for people, the attributes for machines. */
function Dash({ name, count, of, title }: { name: string; count: number; of?: number; title: string }) {
  return (
    <span
      data-metric={name}
      data-count={String(count)}
      {...(of !== undefined ? { 'data-rate': rateAttribute(count, of) } : {})}
      title={title}
      className="text-fg-subtle"
    >
      <span aria-hidden="true">—</span>
      <span className="sr-only">{title}</span>
    </span>
  );
}

function Overage({ row, format, unlimited }: { row: CampaignListRow; format: Formatter; unlimited: boolean }) {
  const t = useTranslations('campaignsOverview.table');
  if (unlimited || row.overage === null) {
    return <Dash name="overage_credits" count={0} title={unlimited ? t('unlimited') : t('noOverage')} />;
  }
  const { credits, money } = row.overage;
  const amount = format.money(Number(money));
  return (
    <span
      data-metric="overage_credits"
      data-count={String(credits)}
      className="inline-flex flex-col items-end leading-tight"
      title={t('overageTitle', { credits, money: amount })}
    >
      <span className={credits > 0 ? 'font-medium text-warning-text' : 'text-fg-subtle'}>{format.count(credits)}</span>
      {credits > 0 ? <span className="text-xs text-fg-subtle">{amount}</span> : null}
    </span>
  );
}

function When({ row, format }: { row: CampaignListRow; format: Formatter }) {
  const t = useTranslations('campaignsOverview.table');
  if (row.sentAt) return <StackedMoment moment={row.sentAt} format={format} className="text-fg" />;
  if (row.scheduledAt) {
    return (
      <span className="flex flex-col leading-tight">
        <span className={row.status === 'canceled' ? 'text-fg-subtle line-through' : 'text-fg'}>{format.date(row.scheduledAt)}</span>
        <span className="text-xs text-fg-subtle">{t('scheduledAt', { time: format.time(row.scheduledAt) })}</span>
      </span>
    );
  }
  return (
    <span className="flex flex-col leading-tight">
      <span className="text-fg-muted">{t('notScheduled')}</span>
      <span className="text-xs text-fg-subtle">{t('createdOn', { date: format.date(row.createdAt) })}</span>
    </span>
  );
}
