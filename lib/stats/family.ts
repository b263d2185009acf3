// What a rollup family is to the recount: the stored table, the key of a row, the
// columns derived from raw rows, and the SQL that derives them.
import type { SQL } from 'drizzle-orm';
import type { StatsScope } from './scope';

export type RollupFamily = {
  /** Reported name: the table, or `table.column` for derived columns of a raw table. */
  name: string;
  table: string;
  keys: string[];
  /** Compared and rebuilt from raw rows. */
  derived: string[];
  /** Written only when a missing row is inserted (snapshots such as a recipient's name). */
  insertOnly?: string[];
  /** Counter tables: an absent row reads as zeros, so an all-zero row may be absent or present. */
  absentMeansZero?: boolean;
  /** What a rebuild may do to the row set besides updating derived columns. */
  rowSet: { insertMissing: boolean; deleteExtra: boolean };
  /** Bumped whenever a rebuild rewrites a row. */
  updatedAtColumn?: string;
  /**
   * The expected rows, typed exactly like the stored columns, computed from raw rows
   * only. May read `expected_<name>` of families listed before it.
   */
  expected(scope: StatsScope): SQL;
};

/** Name of the temporary table holding a family's expected rows. */
export function expectedTable(family: Pick<RollupFamily, 'name'>): string {
  return `expected_${family.name.replace('.', '_')}`;
}
