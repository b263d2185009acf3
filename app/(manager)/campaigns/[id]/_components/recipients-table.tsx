// The recipients table: one row per recipient with a checkbox (the selection form's
// `recipient`), name, phone, delivery status in words (the provider's error and what
// it means, or why a text waits), the latest reply (full text on demand, no script),
// opt-out, clicks and survey. Column headers sort through links.
import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/app/_components/ui/badge';
import { StackedMoment } from '@/app/_components/ui/stacked-moment';
import { SortableTh, Table, Td, Th } from '@/app/_components/ui/table';
import type { RecipientRow } from '@/lib/campaigns/recipients';
import { sortHref, type RecipientSort, type RecipientView } from '@/lib/campaigns/recipient-params';
import type { Formatter } from '@/lib/format';
import { twilioErrorMessage } from '@/lib/messaging/twilio/error-codes';

type RecipientsTableProps = {
  campaignId: number;
  view: RecipientView;
  rows: RecipientRow[];
  hasSurvey: boolean;
  format: Formatter;
};

const STATUS_TONES: Record<RecipientRow['status'], BadgeTone> = {
  delivered: 'success',
  pending: 'warning',
  failed: 'danger',
  suppressed: 'neutral',
};

/** A reply longer than this shows its start, with the whole text one click away. */
const REPLY_PREVIEW = 60;

export function RecipientsTable({ campaignId, view, rows, hasSurvey, format }: RecipientsTableProps) {
  const t = useTranslations('campaign.recipients');
  const sortable = (sort: RecipientSort, label: string, align?: 'end') => (
    <SortableTh href={sortHref(campaignId, view, sort)} sorted={view.sort === sort ? view.dir : undefined} align={align}>
      {label}
    </SortableTh>
  );
  return (
    <Table caption={t('caption')}>
      <thead>
        <tr>
          {sortable('name', t('columns.name'))}
          {sortable('phone', t('columns.phone'))}
          {sortable('status', t('columns.status'))}
          {sortable('delivered_at', t('columns.delivered'))}
          {sortable('replied_at', t('columns.reply'))}
          <Th>{t('columns.optedOut')}</Th>
          {sortable('clicked_at', t('columns.clicks'), 'end')}
          {hasSurvey ? <Th>{t('columns.survey')}</Th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <RecipientRowView key={row.contactId} row={row} hasSurvey={hasSurvey} format={format} />
        ))}
      </tbody>
    </Table>
  );
}

function RecipientRowView({ row, hasSurvey, format }: { row: RecipientRow; hasSurvey: boolean; format: Formatter }) {
  const t = useTranslations('campaign.recipients');
  const name = row.name || format.phone(row.phone);
  const none = <span className="text-fg-subtle">{t('none')}</span>;
  return (
    <tr data-contact-id={row.contactId} data-status={row.status}>
      <Td>
        <label className="flex cursor-pointer items-center gap-3">
          <input
            type="checkbox"
            name="recipient"
            value={row.contactId}
            aria-label={t('select', { name })}
            className="size-4 shrink-0 rounded border-line-strong accent-accent"
          />
          <span className={row.name ? 'whitespace-nowrap font-medium text-fg' : 'whitespace-nowrap text-fg-muted tabular-nums'}>{name}</span>
        </label>
      </Td>
      <Td className="whitespace-nowrap tabular-nums text-fg-muted">{format.phone(row.phone)}</Td>
      <Td className="min-w-44">
        <StatusCell row={row} />
      </Td>
      <Td className="text-fg-muted">{row.deliveredAt ? <StackedMoment moment={row.deliveredAt} format={format} /> : none}</Td>
      <Td className="min-w-44 max-w-80">{row.lastReply !== null ? <ReplyCell row={row} format={format} /> : none}</Td>
      <Td className="whitespace-nowrap text-fg-muted">{row.optedOutAt ? format.date(row.optedOutAt) : none}</Td>
      {/* The first click's time may wrap, so the table fits a desktop without scrolling. */}
      <Td align="end" className="min-w-28">
        {row.clickCount > 0 ? (
          <span className="flex flex-col items-end leading-tight">
            <span className="whitespace-nowrap">{t('clicksValue', { count: row.clickCount })}</span>
            {row.clickedAt ? <span className="text-right text-xs text-fg-subtle">{t('firstClick', { when: format.dateTime(row.clickedAt) })}</span> : null}
          </span>
        ) : (
          none
        )}
      </Td>
      {hasSurvey ? (
        <Td className="whitespace-nowrap">
          {row.surveyRespondedAt ? (
            <Badge tone="success">{t('surveyResponded')}</Badge>
          ) : row.surveyViewedAt ? (
            <Badge tone="accent">{t('surveyViewed')}</Badge>
          ) : (
            none
          )}
        </Td>
      ) : null}
    </tr>
  );
}

function StatusCell({ row }: { row: RecipientRow }) {
  const t = useTranslations('campaign.recipients');
  const errors = useTranslations('twilioErrors');
  let detail: string | null = null;
  if (row.status === 'failed') {
    if (row.errorCode !== null) {
      const { key, values } = twilioErrorMessage(row.errorCode);
      detail = t('errorCode', { code: String(row.errorCode), meaning: errors(key, values) });
    } else {
      detail = row.statusReason === 'provider_unavailable' ? t('reason.provider_unavailable') : t('reason.noCode');
    }
  } else if (row.status === 'suppressed') {
    detail = t('reason.opted_out');
  } else if (row.status === 'pending') {
    detail = t(`reason.${pendingReason(row)}`);
  }
  return (
    <span className="flex flex-col items-start gap-1">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONES[row.status]} dot>
          {t(`status.${row.status}`)}
        </Badge>
        {row.attempts > 1 ? <span className="text-xs text-fg-subtle">{t('attempt', { count: row.attempts })}</span> : null}
      </span>
      {detail ? <span className="text-xs text-fg-muted">{detail}</span> : null}
    </span>
  );
}

/** Why a text is still pending (the catalog key under `reason`): what the dispatcher said, else where it stands. */
function pendingReason(row: RecipientRow): string {
  if (row.statusReason === 'quiet_hours' || row.statusReason === 'retrying' || row.statusReason === 'scheduled') return row.statusReason;
  if (row.messageStatus === 'sent') return 'sent';
  if (row.messageStatus === 'pending' || row.messageStatus === 'ready') return 'queued';
  return 'sending';
}

function ReplyCell({ row, format }: { row: RecipientRow; format: Formatter }) {
  const t = useTranslations('campaign.recipients');
  const reply = row.lastReply ?? '';
  const meta = (
    <span className="mt-1 block text-xs text-fg-subtle">
      {row.repliedAt ? format.dateTime(row.repliedAt) : null}
      {row.replyCount > 1 ? ` · ${t('replies', { count: row.replyCount })}` : null}
    </span>
  );
  if (reply.length <= REPLY_PREVIEW) {
    return (
      <span className="block">
        <span className="block break-words text-fg">“{reply}”</span>
        {meta}
      </span>
    );
  }
  return (
    <details className="group">
      <summary className="cursor-pointer list-none text-fg [&::-webkit-details-marker]:hidden">
        <span className="group-open:hidden">“{reply.slice(0, REPLY_PREVIEW).trimEnd()}…”</span>
        <span className="ml-1 text-xs font-medium text-accent-text group-open:hidden">{t('showFullReply')}</span>
        <span className="hidden whitespace-pre-wrap break-words group-open:inline">“{reply}”</span>
      </summary>
      {meta}
    </details>
  );
}
