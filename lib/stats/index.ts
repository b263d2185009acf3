// The independent recount (DESIGN §6): every rollup recomputed from raw rows only,
// compared with what is stored (`verifyStats`) or written over it (`rebuildStats`).
// It shares no code with whatever maintains the rollups live.
import { sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { accountActivityDailyFamily, accountActivityFamily, linkClicksFamily, messageChargesFamily } from './account';
import { automationActivityFamily, automationRecipientsFamily, automationStatsFamily } from './automations';
import { campaignRecipientsFamily, campaignStatsFamily } from './campaigns';
import { differencesQuery, syncStatements } from './compare';
import { expectedTable, type RollupFamily } from './family';
import { inScope, type StatsScope } from './scope';

export type { StatsScope } from './scope';

/** In dependency order: a family may read the expected rows of those before it. */
export const ROLLUP_FAMILIES: readonly RollupFamily[] = [
  messageChargesFamily,
  linkClicksFamily,
  campaignRecipientsFamily,
  campaignStatsFamily,
  automationRecipientsFamily,
  automationStatsFamily,
  automationActivityFamily,
  accountActivityFamily,
  accountActivityDailyFamily,
];

export type StatsRow = Record<string, string | number | boolean | Date | null>;
export type RecountResult = Record<string, StatsRow[]>;

export type StatsDifference = {
  /** The family: a rollup table, or `table.column` for a counter kept on a raw table. */
  table: string;
  key: Record<string, string | number>;
  /** A derived column, or `(row)` when the whole row is missing or extra. */
  column: string;
  stored: string | null;
  expected: string | null;
};

export type VerifyOptions = StatsScope & { /** Most differences reported per family. */ limit?: number };

export type RebuildSummary = Record<string, { inserted: number; updated: number; deleted: number }>;

export type RebuildOptions = StatsScope & {
  /** Only these families (by name); a writer that keeps the others right itself may skip them. */
  families?: readonly string[];
};

/** The expected rows of every family, computed from raw rows only (for tests and small accounts). */
export async function recountStats(executor: Executor, scope: StatsScope = {}): Promise<RecountResult> {
  return inOneSnapshot(executor, async (tx) => {
    const result: RecountResult = {};
    for (const family of ROLLUP_FAMILIES) {
      await createExpected(tx, family, scope);
      const rows = await tx.execute<StatsRow>(
        sql`select * from ${sql.identifier(expectedTable(family))} order by ${sql.join(
          family.keys.map((k) => sql.identifier(k)),
          sql`, `,
        )}`,
      );
      result[family.name] = rows.map((row) => normalized(row));
    }
    return result;
  });
}

/** Every difference between the stored rollups and the recount (missing and extra rows included). */
export async function verifyStats(executor: Executor, options: VerifyOptions = {}): Promise<StatsDifference[]> {
  const scope = { accountId: options.accountId };
  const limit = options.limit ?? 1000;
  return inOneSnapshot(executor, async (tx) => {
    const differences: StatsDifference[] = [];
    for (const family of ROLLUP_FAMILIES) {
      await createExpected(tx, family, scope);
      const rows = await tx.execute<Omit<StatsDifference, 'table'>>(differencesQuery(family, scope, limit));
      for (const row of rows) differences.push({ table: family.name, ...row, key: normalized(row.key, { dates: false }) as StatsDifference['key'] });
    }
    return differences;
  });
}

/**
 * Writes the recount over the stored rollups (the seed after generating raw rows;
 * an operator repairing drift). Each family is repaired before the next is
 * recounted, so later families see repaired counters.
 */
export async function rebuildStats(executor: Executor, options: RebuildOptions = {}): Promise<RebuildSummary> {
  const scope = { accountId: options.accountId };
  return inOneSnapshot(executor, async (tx) => {
    // Overages remembered for ended months were computed from the rollups being replaced.
    await tx.execute(sql`delete from closed_month_overages where ${inScope('closed_month_overages', scope)}`);
    const summary: RebuildSummary = {};
    for (const family of ROLLUP_FAMILIES.filter((f) => !options.families || options.families.includes(f.name))) {
      await createExpected(tx, family, scope);
      const counts = { inserted: 0, updated: 0, deleted: 0 };
      for (const { verb, statement } of syncStatements(family, scope)) {
        const result = await tx.execute(statement);
        counts[verb as keyof typeof counts] += result.count;
      }
      summary[family.name] = counts;
    }
    return summary;
  });
}

/**
 * Runs the recount's statements against one snapshot of the database (repeatable
 * read), so rows written meanwhile by the app cannot show up as differences; inside
 * a caller's transaction, in a savepoint of it.
 */
function inOneSnapshot<T>(executor: Executor, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if ('rollback' in executor) return executor.transaction(work);
  return executor.transaction(work, { isolationLevel: 'repeatable read' });
}

async function createExpected(tx: Executor, family: RollupFamily, scope: StatsScope) {
  const table = sql.identifier(expectedTable(family));
  // Hash joins and sorts over millions of rows want more than the default 4 MB.
  await tx.execute(sql`set local work_mem = '256MB'`);
  await tx.execute(sql`drop table if exists ${table}`);
  await tx.execute(sql`create temporary table ${table} on commit drop as ${family.expected(scope)}`);
  // Temporary tables are never analyzed automatically; the comparisons join on them.
  await tx.execute(sql`analyze ${table}`);
}

const TIMESTAMPTZ = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d(:\d\d)?|Z)$/;

/**
 * The driver hands bigint ids and timestamps over as strings: ids become numbers
 * (far below 2^53 here) and timestamps Dates, so callers compare values, not formats.
 */
function normalized(row: Record<string, unknown>, { dates = true } = {}): StatsRow {
  const out: StatsRow = {};
  for (const [name, value] of Object.entries(row)) {
    if (typeof value !== 'string') out[name] = value as StatsRow[string];
    else if ((name === 'id' || name.endsWith('_id')) && /^\d+$/.test(value)) out[name] = Number(value);
    else if (dates && TIMESTAMPTZ.test(value)) out[name] = new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
    else out[name] = value;
  }
  return out;
}
