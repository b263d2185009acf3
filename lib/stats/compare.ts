// Set-based SQL that compares a family's stored rows with its expected rows, and
// that rewrites the stored rows to match: one full join per family, so a whole
// database is checked in a few statements.
import { sql, type SQL } from 'drizzle-orm';
import { expectedTable, type RollupFamily } from './family';
import { inScope, type StatsScope } from './scope';

const id = (name: string) => sql.identifier(name);
const list = (parts: SQL[], separator = sql`, `) => sql.join(parts, separator);
const columns = (alias: string, names: string[]) => list(names.map((n) => sql`${sql.raw(alias)}.${id(n)}`));
const keysMatch = (family: RollupFamily, left: string, right: string) =>
  list(
    family.keys.map((k) => sql`${sql.raw(left)}.${id(k)} = ${sql.raw(right)}.${id(k)}`),
    sql` and `,
  );
const anyNonZero = (alias: string, names: string[]) =>
  list(
    names.map((n) => sql`${sql.raw(alias)}.${id(n)} <> 0`),
    sql` or `,
  );

/**
 * Differences between stored and expected rows: one `(row)` entry for a missing or
 * extra row, else one entry per differing column, values as text (JSON form).
 */
export function differencesQuery(family: RollupFamily, scope: StatsScope, limit: number): SQL {
  const expected = id(expectedTable(family));
  const firstKey = id(family.keys[0]!);
  const stored = sql`(select ${columns('t', [...family.keys, ...family.derived])}
                      from ${id(family.table)} t where ${inScope('t', scope)})`;
  const keyJson = list(family.keys.map((k) => sql`${k}::text, coalesce(e.${id(k)}, s.${id(k)})`));
  // For counter tables a row of zeros may be absent: only a row that says something is missing or extra.
  const missingMatters = family.absentMeansZero ? sql`(${anyNonZero('e', family.derived)})` : sql`true`;
  const extraMatters = family.absentMeansZero ? sql`(${anyNonZero('s', family.derived)})` : sql`true`;
  const perColumn = list(
    family.derived.map((c) => sql`(${c}::text, to_jsonb(s.${id(c)}) #>> '{}', to_jsonb(e.${id(c)}) #>> '{}')`),
  );
  return sql`
    select jsonb_build_object(${keyJson}) as key, d.column_name as "column", d.stored, d.expected
    from ${expected} e
    full join ${stored} s on ${keysMatch(family, 'e', 's')}
    cross join lateral (
      select '(row)'::text as column_name, null::text as stored, 'present'::text as expected
      where s.${firstKey} is null and ${missingMatters}
      union all
      select '(row)', 'present', null
      where e.${firstKey} is null and ${extraMatters}
      union all
      select v.column_name, v.stored, v.expected
      from (values ${perColumn}) as v(column_name, stored, expected)
      where s.${firstKey} is not null and e.${firstKey} is not null and v.stored is distinct from v.expected
    ) d
    where s.${firstKey} is null or e.${firstKey} is null
       or (${columns('s', family.derived)}) is distinct from (${columns('e', family.derived)})
    limit ${limit}`;
}

/** Statements that make the stored rows equal to the expected ones, in order. */
export function syncStatements(family: RollupFamily, scope: StatsScope): { verb: string; statement: SQL }[] {
  const table = id(family.table);
  const expected = id(expectedTable(family));
  const statements: { verb: string; statement: SQL }[] = [];
  if (family.rowSet.deleteExtra) {
    statements.push({
      verb: 'deleted',
      statement: sql`delete from ${table} t
        where ${inScope('t', scope)} and not exists (select 1 from ${expected} e where ${keysMatch(family, 'e', 't')})`,
    });
  }
  const assignments = list([
    ...family.derived.map((c) => sql`${id(c)} = e.${id(c)}`),
    ...(family.updatedAtColumn ? [sql`${id(family.updatedAtColumn)} = now()`] : []),
  ]);
  statements.push({
    verb: 'updated',
    statement: sql`update ${table} t set ${assignments}
      from ${expected} e
      where ${keysMatch(family, 'e', 't')}
        and (${columns('t', family.derived)}) is distinct from (${columns('e', family.derived)})`,
  });
  if (family.rowSet.insertMissing) {
    const written = [...family.keys, ...(family.insertOnly ?? []), ...family.derived];
    statements.push({
      verb: 'inserted',
      // The stored keys are read once, before the insert: an anti-join against the
      // table being filled would rescan the rows this very statement adds.
      statement: sql`with stored as materialized (select ${columns('t', family.keys)} from ${table} t where ${inScope('t', scope)})
        insert into ${table} (${list(written.map((c) => sql`${id(c)}`))})
        select ${columns('e', written)} from ${expected} e
        where not exists (select 1 from stored t where ${keysMatch(family, 'e', 't')})`,
    });
  }
  return statements;
}
