// One line of a contacts CSV checked against the CONTRACT's columns: the header
// read into column positions, then each row either a normalized contact or the
// problems found, one per column, as catalog keys (contacts.import.problems.*).
import type { StagedContact } from '@/db/schema';
import { isValidTimeZone } from '@/lib/format/dates';
import { MAX_TAG_LENGTH } from './list-params';
import { normalizePhone } from './phone';

export const IMPORT_COLUMNS = ['first_name', 'last_name', 'phone', 'time_zone', 'tags', 'birthday'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const MAX_NAME_LENGTH = 100;
export const MAX_TAGS_PER_ROW = 50;

export type RowProblem = { column: ImportColumn; problem: string };

/** Where each known column is in a row; unknown columns are ignored. */
export type ColumnPositions = Partial<Record<ImportColumn, number>>;

/** "First Name", " first-name " and "FIRST_NAME" all name first_name. */
function columnName(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The header row's known columns (the first of a repeated name wins), or null without a phone column. */
export function readHeader(fields: readonly string[]): ColumnPositions | null {
  const positions: ColumnPositions = {};
  fields.forEach((field, index) => {
    const name = columnName(field);
    if ((IMPORT_COLUMNS as readonly string[]).includes(name)) positions[name as ImportColumn] ??= index;
  });
  return positions.phone === undefined ? null : positions;
}

/** A row with nothing in any cell (a spreadsheet's trailing ",,,,,"), skipped rather than refused. */
export function isBlankRow(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

export type CheckedRow = { ok: true; contact: StagedContact } | { ok: false; errors: RowProblem[] };

/**
 * Checks one data row. `today` (YYYY-MM-DD) bounds birthdays; `country` is the
 * account's, for numbers written without a country code.
 */
export function checkRow(fields: readonly string[], columns: ColumnPositions, country: string, today: string): CheckedRow {
  const cell = (column: ImportColumn) => {
    const index = columns[column];
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  const errors: RowProblem[] = [];
  const fail = (column: ImportColumn, problem: string) => errors.push({ column, problem });

  const firstName = cell('first_name');
  if (firstName.length > MAX_NAME_LENGTH) fail('first_name', 'too_long');
  const lastName = cell('last_name');
  if (lastName.length > MAX_NAME_LENGTH) fail('last_name', 'too_long');

  const phone = normalizePhone(cell('phone'), country);
  if (!phone.ok) fail('phone', phone.reason === 'empty' ? 'required' : phone.reason);

  const timeZone = readTimeZone(cell('time_zone'));
  if (timeZone === false) fail('time_zone', 'unknown');

  const birthday = readBirthday(cell('birthday'), today);
  if ('problem' in birthday) fail('birthday', birthday.problem);

  const tags = readTags(cell('tags'));
  if (tags === 'too_long' || tags === 'too_many') fail('tags', tags);

  if (errors.length > 0 || !phone.ok || timeZone === false || typeof tags === 'string' || 'problem' in birthday) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    contact: {
      firstName,
      lastName,
      phone: phone.e164,
      timeZone,
      tags,
      birthday: birthday.date,
    },
  };
}

// Offsets ("+05:30") and other forms Intl accepts are not IANA names.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/**
 * An IANA zone in its canonical spelling ("america/new_york" → "America/New_York"),
 * null when the cell is empty, false when no such zone exists.
 */
export function readTimeZone(text: string): string | null | false {
  if (text === '') return null;
  if (text.length > 64 || !ZONE_NAME.test(text) || !isValidTimeZone(text)) return false;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
  // Intl may also swap an alias for its target (Asia/Kolkata ↔ Asia/Calcutta); only the case is taken from it.
  return resolved.toLowerCase() === text.toLowerCase() ? resolved : text;
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD of a real day from 1900 to today; a null date when the cell is empty. */
export function readBirthday(text: string, today: string): { date: string | null } | { problem: 'invalid' | 'in_future' } {
  if (text === '') return { date: null };
  const match = DATE_SHAPE.exec(text);
  if (!match) return { problem: 'invalid' };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1900) return { problem: 'invalid' };
  return text > today ? { problem: 'in_future' } : { date: text };
}

/**
 * Tags separated by ";", trimmed, empty ones dropped, and repeated ones (in any
 * case) kept once in their first spelling.
 */
export function readTags(text: string): string[] | 'too_long' | 'too_many' {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(';')) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (tag === '') continue;
    if (tag.length > MAX_TAG_LENGTH) return 'too_long';
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags.length > MAX_TAGS_PER_ROW ? 'too_many' : tags;
}
