// Applying a staged contacts import, or discarding it. Applying is one transaction
// of set-based statements (a 100,000-row file imports in seconds): contacts upserted
// by phone, missing tags created, tags added (never removed), counts and an audit
// event recorded. Claiming the import (staged → imported) comes first, so a second
// submission, even a concurrent one, finds nothing left to do.
//
// An existing phone updates its contact, but a cell the file leaves empty keeps
// what the contact has: a file with only phone and tags adds tags without wiping
// names, zones or birthdays.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auditEvents, contactImportRows, contactImports } from '@/db/schema';
import type { Ctx } from '@/lib/context';
import { DomainError, NotFoundError } from '@/lib/errors';

export type ApplyOutcome =
  | { status: 'imported'; created: number; updated: number; tagsCreated: number }
  /** The import was applied or discarded before; nothing changed now. */
  | { status: 'already_done' };

export async function applyImport(
  ctx: Ctx,
  importId: number,
  options: { skipRowsWithErrors: boolean },
): Promise<ApplyOutcome> {
  const { accountId } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(contactImports)
      .set({ status: 'imported', finishedAt: new Date() })
      .where(and(eq(contactImports.accountId, accountId), eq(contactImports.id, importId), eq(contactImports.status, 'staged')))
      .returning({ validRows: contactImports.validRows, errorRows: contactImports.errorRows });
    if (!claimed) {
      await findImport(tx, accountId, importId);
      return { status: 'already_done' } as const;
    }
    // Thrown errors roll the claim back: the import stays staged.
    if (claimed.errorRows > 0 && !options.skipRowsWithErrors) throw new DomainError('contacts.import.errors.hasErrors');
    if (claimed.validRows === 0) throw new DomainError('contacts.import.errors.nothingToImport');

    const staged = sql`(
      select line, contact from contact_import_rows
      where account_id = ${accountId} and import_id = ${importId} and contact is not null
    ) r`;
    // xmax is 0 on a row this statement inserted, and set on one it updated.
    const [upserted] = await tx.execute<{ created: number; updated: number }>(sql`
      with upserted as (
        insert into contacts as c (account_id, first_name, last_name, phone, time_zone, birthday)
        select ${accountId}, r.contact ->> 'firstName', r.contact ->> 'lastName', r.contact ->> 'phone',
               r.contact ->> 'timeZone', (r.contact ->> 'birthday')::date
        from ${staged}
        on conflict (account_id, phone) do update set
          first_name = coalesce(nullif(excluded.first_name, ''), c.first_name),
          last_name = coalesce(nullif(excluded.last_name, ''), c.last_name),
          time_zone = coalesce(excluded.time_zone, c.time_zone),
          birthday = coalesce(excluded.birthday, c.birthday),
          updated_at = now()
        returning (xmax = 0) as inserted
      )
      select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated
      from upserted`);

    // Tags match the account's existing ones whatever their case; a new tag keeps the
    // spelling of the first line that names it.
    const tagsCreated = await tx.execute(sql`
      insert into tags (account_id, name)
      select distinct on (lower(t.name)) ${accountId}, t.name
      from ${staged}, jsonb_array_elements_text(r.contact -> 'tags') as t(name)
      where not exists (select 1 from tags g where g.account_id = ${accountId} and lower(g.name) = lower(t.name))
      order by lower(t.name), r.line
      on conflict (account_id, name) do nothing`);
    await tx.execute(sql`
      insert into contact_tags (account_id, contact_id, tag_id)
      select distinct ${accountId}::bigint, c.id, g.id
      from ${staged}
      cross join jsonb_array_elements_text(r.contact -> 'tags') as t(name)
      join contacts c on c.account_id = ${accountId} and c.phone = r.contact ->> 'phone'
      join tags g on g.account_id = ${accountId} and lower(g.name) = lower(t.name)
      on conflict do nothing`);

    const created = upserted?.created ?? 0;
    const updated = upserted?.updated ?? 0;
    await tx
      .update(contactImports)
      .set({ createdContacts: created, updatedContacts: updated })
      .where(and(eq(contactImports.accountId, accountId), eq(contactImports.id, importId)));
    // The valid rows are contacts now; the rows with errors stay, listing what was skipped.
    await tx
      .delete(contactImportRows)
      .where(and(eq(contactImportRows.accountId, accountId), eq(contactImportRows.importId, importId), isNotNull(contactImportRows.contact)));
    await tx.insert(auditEvents).values({
      accountId,
      userId: ctx.userId,
      action: 'contact_import.apply',
      subjectType: 'contact_import',
      subjectId: importId,
      details: { created, updated, tagsCreated: tagsCreated.count, skippedRows: claimed.errorRows },
    });
    return { status: 'imported', created, updated, tagsCreated: tagsCreated.count };
  });
}

/** Drops a staged import and its rows; 'already_done' when it was applied or discarded before. */
export async function discardImport(ctx: Ctx, importId: number): Promise<'discarded' | 'already_done'> {
  const { accountId } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [discarded] = await tx
      .update(contactImports)
      .set({ status: 'discarded', finishedAt: new Date() })
      .where(and(eq(contactImports.accountId, accountId), eq(contactImports.id, importId), eq(contactImports.status, 'staged')))
      .returning({ id: contactImports.id });
    if (!discarded) {
      await findImport(tx, accountId, importId);
      return 'already_done';
    }
    await tx.delete(contactImportRows).where(and(eq(contactImportRows.accountId, accountId), eq(contactImportRows.importId, importId)));
    await tx.insert(auditEvents).values({
      accountId,
      userId: ctx.userId,
      action: 'contact_import.discard',
      subjectType: 'contact_import',
      subjectId: importId,
    });
    return 'discarded';
  });
}

/** Throws NotFoundError unless the account has this import (in any state). */
async function findImport(tx: Executor, accountId: number, importId: number): Promise<void> {
  const [found] = await tx
    .select({ id: contactImports.id })
    .from(contactImports)
    .where(and(eq(contactImports.accountId, accountId), eq(contactImports.id, importId)));
  if (!found) throw new NotFoundError('contact import', importId);
}
