// Set-based loading helpers: rows planned in JavaScript go in as one JSON parameter
// per table, generated rows come from `insert … select`, and secondary indexes of
// the big tables are rebuilt once after loading instead of row by row.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { WORK_SCHEMA } from './random';

export type Row = Record<string, unknown>;

/**
 * Inserts rows (snake_case keys) with their planned ids. Columns come from the
 * union of the rows' keys, so a column no row names keeps its default.
 */
export async function insertRows(tx: Executor, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const list = columns.map((c) => `"${c}"`).join(', ');
  await tx.execute(sql`
    insert into ${sql.identifier(table)} (${sql.raw(list)}) overriding system value
    select ${sql.raw(list)} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows)}::jsonb)`);
}

/** A work table of the seed filled from planned rows; `columns` maps names to SQL types. */
export async function createWorkTable(tx: Executor, name: string, columns: Record<string, string>, rows: Row[]): Promise<void> {
  const definition = Object.entries(columns)
    .map(([column, type]) => `"${column}" ${type}`)
    .join(', ');
  await tx.execute(sql.raw(`create unlogged table ${WORK_SCHEMA}.${name} (${definition})`));
  if (rows.length > 0) {
    await tx.execute(sql`
      insert into ${sql.raw(`${WORK_SCHEMA}.${name}`)}
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(definition)})`);
  }
  await analyzeWorkTable(tx, name);
}

/** Work tables are never analyzed automatically; the plans that join them need their sizes. */
export async function analyzeWorkTable(tx: Executor, name: string): Promise<void> {
  await tx.execute(sql.raw(`analyze ${WORK_SCHEMA}.${name}`));
}

/** Tables the seed fills in bulk; their secondary indexes are rebuilt after loading. */
const BULK_TABLES = [
  'contacts',
  'contact_tags',
  'messages',
  'message_events',
  'provider_messages',
  'links',
  'link_codes',
  'link_clicks',
  'survey_invitations',
  'survey_tokens',
  'survey_answers',
  'automation_executions',
  'opt_outs',
  'conversations',
  'campaign_recipients',
  'automation_recipients',
];

const bulkTables = sql.raw(`(${BULK_TABLES.map((t) => `'${t}'`).join(', ')})`);

/** Unique keys that arrive in order (sids count up, see random.ts): appending to them is cheap. */
const KEPT_DURING_LOAD = sql.raw(`('messages_provider_sid', 'provider_messages_pkey')`);

/**
 * Drops what makes row-by-row loading slow on the bulk tables and returns the
 * statements that recreate it: secondary indexes, unique constraints whose keys
 * arrive in random order, and the primary keys of the global lookup tables keyed by
 * a random code or token. Building such an index once is about twice as fast as
 * inserting into it row by row. Primary keys that lead with account_id stay:
 * rows arrive in their order, and foreign keys and the rollup rebuild need them.
 * All inside the seed's transaction, so a failed seed leaves the schema as it was.
 */
export async function dropLoadingIndexes(tx: Executor): Promise<string[]> {
  const constraints = await tx.execute<{ table: string; name: string; definition: string }>(sql`
    select t.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
    from pg_constraint k
    join pg_class t on t.oid = k.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and t.relname in ${bulkTables}
      and (k.contype = 'u' or (k.contype = 'p' and (select a.attname from pg_attribute a
                                                    where a.attrelid = k.conrelid and a.attnum = k.conkey[1]) <> 'account_id'))
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = k.conindid)
      and k.conname not in ${KEPT_DURING_LOAD}
    order by t.relname, k.conname`);
  const indexes = await tx.execute<{ name: string; definition: string }>(sql`
    select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and t.relname in ${bulkTables}
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
    order by i.relname`);
  for (const c of constraints) await tx.execute(sql.raw(`alter table public."${c.table}" drop constraint "${c.name}"`));
  for (const { name } of indexes) await tx.execute(sql.raw(`drop index public."${name}"`));
  return [
    ...constraints.map((c) => `alter table public."${c.table}" add constraint "${c.name}" ${c.definition}`),
    ...indexes.map((i) => i.definition),
  ];
}

export async function restoreIndexes(tx: Executor, statements: string[]): Promise<void> {
  for (const statement of statements) await tx.execute(sql.raw(statement));
}

/** Runs one phase of the seed and reports how long it took. */
export async function phase<T>(log: (line: string) => void, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`  ${name.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
  return result;
}
