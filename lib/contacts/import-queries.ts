// Reads for a contacts import's page: what the file holds (rows, valid, with errors,
// and how many contacts applying it would create or update), its errors by line,
// and the account's latest imports for the contact list.
import 'server-only';
import { and, asc, desc, eq, gt, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { contactImportRows, contactImports, users } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';

export const ERRORS_PAGE_SIZE = 100;
const RECENT_IMPORTS_LIMIT = 5;

export type ImportSummary = {
  id: number;
  filename: string;
  status: 'staged' | 'imported' | 'discarded';
  totalRows: number;
  validRows: number;
  errorRows: number;
  createdContacts: number;
  updatedContacts: number;
  createdAt: Date;
  finishedAt: Date | null;
  uploadedBy: string | null;
  /** While staged: valid rows whose phone is new to the account, and those it already has. */
  wouldCreate: number;
  wouldUpdate: number;
};

/** One import of the account with its counts; another account's import is not found. */
export async function getImportSummary(ctx: Ctx, importId: number): Promise<ImportSummary> {
  const [row] = await ctx.db
    .select({
      id: contactImports.id,
      filename: contactImports.filename,
      status: contactImports.status,
      totalRows: contactImports.totalRows,
      validRows: contactImports.validRows,
      errorRows: contactImports.errorRows,
      createdContacts: contactImports.createdContacts,
      updatedContacts: contactImports.updatedContacts,
      createdAt: contactImports.createdAt,
      finishedAt: contactImports.finishedAt,
      uploadedBy: users.name,
    })
    .from(contactImports)
    .leftJoin(users, and(eq(users.accountId, contactImports.accountId), eq(users.id, contactImports.userId)))
    .where(and(eq(contactImports.accountId, ctx.accountId), eq(contactImports.id, importId)));
  if (!row) throw new NotFoundError('contact import', importId);
  if (row.status !== 'staged') return { ...row, wouldCreate: 0, wouldUpdate: 0 };

  // Counted now rather than at upload, so contacts added since are taken into account.
  const [preview] = await ctx.db.execute<{ existing: number }>(sql`
    select count(c.id)::int as existing
    from contact_import_rows r
    left join contacts c on c.account_id = r.account_id and c.phone = r.contact ->> 'phone'
    where r.account_id = ${ctx.accountId} and r.import_id = ${importId} and r.contact is not null`);
  const wouldUpdate = preview?.existing ?? 0;
  return { ...row, wouldCreate: row.validRows - wouldUpdate, wouldUpdate };
}

export type ImportErrorRow = { line: number; errors: Array<{ column: string; problem: string }> };

export type ImportErrorPage = {
  rows: ImportErrorRow[];
  /** The line to page on from, for the next and previous pages; null where there is none. */
  nextAfter: number | null;
  previousBefore: number | null;
};

/**
 * A page of the rows with errors, in line order: those after line `after`, or the
 * page that ends just before line `before` (the previous page).
 */
export async function importErrors(
  ctx: Ctx,
  importId: number,
  from: { after: number } | { before: number } = { after: 0 },
  pageSize = ERRORS_PAGE_SIZE,
): Promise<ImportErrorPage> {
  const backwards = 'before' in from;
  const fetched = await ctx.db
    .select({ line: contactImportRows.line, errors: contactImportRows.errors })
    .from(contactImportRows)
    .where(
      and(
        eq(contactImportRows.accountId, ctx.accountId),
        eq(contactImportRows.importId, importId),
        isNotNull(contactImportRows.errors),
        backwards ? lt(contactImportRows.line, from.before) : gt(contactImportRows.line, from.after),
      ),
    )
    .orderBy(backwards ? desc(contactImportRows.line) : asc(contactImportRows.line))
    .limit(pageSize + 1);
  const more = fetched.length > pageSize;
  const page = fetched.slice(0, pageSize);
  if (backwards) page.reverse();
  const rows = page.map((row) => ({ line: row.line, errors: row.errors ?? [] }));
  const first = rows[0]?.line ?? null;
  const last = rows.at(-1)?.line ?? null;
  return {
    rows,
    nextAfter: (backwards || more) && last !== null ? last : null,
    previousBefore: (backwards ? more : 'after' in from && from.after > 0) && first !== null ? first : null,
  };
}

/** The account's latest imports that got as far as being checked. */
export async function recentImports(ctx: Ctx) {
  return ctx.db
    .select({
      id: contactImports.id,
      filename: contactImports.filename,
      status: contactImports.status,
      totalRows: contactImports.totalRows,
      errorRows: contactImports.errorRows,
      createdContacts: contactImports.createdContacts,
      updatedContacts: contactImports.updatedContacts,
      createdAt: contactImports.createdAt,
    })
    .from(contactImports)
    .where(and(eq(contactImports.accountId, ctx.accountId), ne(contactImports.status, 'discarded')))
    .orderBy(desc(contactImports.createdAt), desc(contactImports.id))
    .limit(RECENT_IMPORTS_LIMIT);
}

export type RecentImport = Awaited<ReturnType<typeof recentImports>>[number];
