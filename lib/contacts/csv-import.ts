// Stages a contacts CSV as it streams in: bytes checked as UTF-8, parsed by
// csv-parse, each line checked (import-rows.ts) and written to contact_import_rows
// in batches, so neither the file nor its rows are ever held in memory at once.
// Nothing reaches contacts here; the manager applies a staged import later
// (import-commands.ts).
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { and, eq, sql } from 'drizzle-orm';
import { contactImportRows, contactImports } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { checkRow, isBlankRow, readHeader, type ColumnPositions } from './import-rows';
import type { FileProblem, FileRefusal } from './list-params';

/** Rows per insert: big enough to be quick, small enough to stay light in memory. */
export const STAGING_BATCH_SIZE = 1000;
/** Data rows a file may have. */
export const MAX_IMPORT_ROWS = 200_000;
/** A record longer than this is not a contact; the parser stops rather than buffer it. */
const MAX_RECORD_BYTES = 64 * 1024;
const MAX_FILENAME_LENGTH = 200;

/** A file refused as a whole; `line` points at the place when there is one. */
export class ImportFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly line: number | null = null,
  ) {
    super(`contact import: ${problem}${line ? ` at line ${line}` : ''}`);
    this.name = 'ImportFileError';
  }
}

export type StagingResult = { ok: true; importId: number } | ({ ok: false } & FileRefusal);

type StagedRow = typeof contactImportRows.$inferInsert;

/**
 * Reads `bytes` (the uploaded file) into a new staged import of the account.
 *
 * The import is recorded as discarded until its last row is staged and counted, so
 * an upload that breaks off (a crash, a closed browser) can never be applied; a
 * file refused as a whole is deleted with its rows.
 */
export async function stageContactsCsv(
  ctx: Ctx,
  upload: { filename: string; bytes: Readable; country: string; today?: string },
): Promise<StagingResult> {
  const [created] = await ctx.db
    .insert(contactImports)
    .values({
      accountId: ctx.accountId,
      userId: ctx.userId,
      filename: upload.filename.trim().slice(0, MAX_FILENAME_LENGTH) || 'contacts.csv',
      status: 'discarded',
    })
    .returning({ id: contactImports.id });
  const importId = created!.id;
  const today = upload.today ?? new Date().toISOString().slice(0, 10);

  // The last line of the last record the parser completed (it runs ahead of the
  // staging): a parse error is in the record that starts on the next line.
  let parsedThroughLine = 0;
  const parser = parse({
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (record: string[], context: { lines: number }) => {
      parsedThroughLine = context.lines;
      return record;
    },
  });

  try {
    await pipeline(upload.bytes, utf8Text(), parser, (records: AsyncIterable<ParsedRecord>) =>
      stageRecords(ctx, importId, records, upload.country, today),
    );
    await finishStaging(ctx, importId);
    return { ok: true, importId };
  } catch (error) {
    await ctx.db
      .delete(contactImports)
      .where(and(eq(contactImports.accountId, ctx.accountId), eq(contactImports.id, importId)));
    if (error instanceof ImportFileError) return { ok: false, problem: error.problem, line: error.line, limitMb: null };
    const code = (error as Partial<CsvError> | null)?.code;
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      const problem = code === 'CSV_MAX_RECORD_SIZE' ? 'line_too_long' : 'malformed';
      return { ok: false, problem, line: parsedThroughLine + 1, limitMb: null };
    }
    throw error;
  }
}

type ParsedRecord = { record: string[]; info: { lines: number } };

async function stageRecords(
  ctx: Ctx,
  importId: number,
  records: AsyncIterable<ParsedRecord>,
  country: string,
  today: string,
): Promise<void> {
  let columns: ColumnPositions | null = null;
  let previousEndLine = 0;
  let dataRows = 0;
  let batch: StagedRow[] = [];

  for await (const { record, info } of records) {
    // A quoted cell may span lines: a record starts on the line after the previous one ended.
    const line = previousEndLine + 1;
    previousEndLine = info.lines;
    if (isBlankRow(record)) continue;
    if (columns === null) {
      columns = readHeader(record);
      if (columns === null) throw new ImportFileError('missing_phone_column', line);
      continue;
    }
    dataRows += 1;
    if (dataRows > MAX_IMPORT_ROWS) throw new ImportFileError('too_many_rows', line);
    const checked = checkRow(record, columns, country, today);
    batch.push({
      accountId: ctx.accountId,
      importId,
      line,
      contact: checked.ok ? checked.contact : null,
      errors: checked.ok ? null : checked.errors,
    });
    if (batch.length >= STAGING_BATCH_SIZE) {
      await ctx.db.insert(contactImportRows).values(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await ctx.db.insert(contactImportRows).values(batch);
  if (columns === null) throw new ImportFileError('empty');
  if (dataRows === 0) throw new ImportFileError('header_only');
}

/**
 * A phone already on an earlier line makes a later line an error (it would update
 * the same contact twice); then the counts, and the import becomes ready to apply.
 */
async function finishStaging(ctx: Ctx, importId: number): Promise<void> {
  const { accountId } = ctx;
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`
      update contact_import_rows r
      set contact = null, errors = ${JSON.stringify([{ column: 'phone', problem: 'duplicate' }])}::jsonb
      from (
        select line, row_number() over (partition by contact ->> 'phone' order by line) as occurrence
        from contact_import_rows
        where account_id = ${accountId} and import_id = ${importId} and contact is not null
      ) repeated
      where r.account_id = ${accountId} and r.import_id = ${importId} and r.line = repeated.line and repeated.occurrence > 1`);
    await tx.execute(sql`
      update contact_imports i
      set status = 'staged', total_rows = counted.total, valid_rows = counted.valid, error_rows = counted.total - counted.valid
      from (
        select count(*)::int as total, count(contact)::int as valid
        from contact_import_rows
        where account_id = ${accountId} and import_id = ${importId}
      ) counted
      where i.account_id = ${accountId} and i.id = ${importId}`);
  });
}

/** Bytes to text, refusing anything that is not UTF-8; a leading byte-order mark is dropped. */
function utf8Text(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new ImportFileError('not_utf8'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new ImportFileError('not_utf8'));
      }
    },
  });
}
