// The recipients export's rows (CONTRACT columns, times ISO 8601 UTC) and how a cell is
// kept from running as a spreadsheet formula: text starting with = + - @ or a tab or
// carriage return gets a leading apostrophe, unless it is a plain number such as an
// E.164 phone ("+14155550123"), which a spreadsheet cannot run.
import { stringify } from 'csv-stringify/sync';
import type { RecipientRow } from '@/lib/campaigns/recipients';

export const RECIPIENT_CSV_COLUMNS = [
  'contact_id',
  'name',
  'phone',
  'status',
  'error_code',
  'message_sid',
  'sent_at',
  'delivered_at',
  'replied_at',
  'reply',
  'opted_out_at',
  'clicks',
  'survey_viewed_at',
  'survey_responded_at',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function safeCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

const iso = (at: Date | null) => (at ? at.toISOString() : '');

/** The status word of the export: the table's buckets, with `suppressed` for recipients never texted. */
function csvRecord(row: RecipientRow): string[] {
  return [
    String(row.contactId),
    safeCell(row.name),
    safeCell(row.phone),
    row.status,
    row.errorCode === null ? '' : String(row.errorCode),
    safeCell(row.messageSid ?? ''),
    iso(row.sentAt),
    iso(row.deliveredAt),
    iso(row.repliedAt),
    safeCell(row.lastReply ?? ''),
    iso(row.optedOutAt),
    String(row.clickCount),
    iso(row.surveyViewedAt),
    iso(row.surveyRespondedAt),
  ];
}

export function csvHeader(): string {
  return stringify([[...RECIPIENT_CSV_COLUMNS]]);
}

export function csvLines(rows: RecipientRow[]): string {
  return stringify(rows.map(csvRecord));
}
