// DESIGN §3: every tenant table keys on account_id first, and no constraint lets a
// row point into (or collide with) another account. Read from the live catalog so a
// new table or constraint that breaks the rule fails here.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';

/** Tables keyed by a global identifier that routes to an account (docs/decisions.md). */
const LOOKUP_TABLES = ['login_emails', 'number_routes', 'provider_messages', 'link_codes', 'survey_tokens'];

type Constraint = { table: string; name: string; type: 'p' | 'u' | 'f'; columns: string[]; refTable: string | null; refColumns: string[] | null };

async function tenantConstraints() {
  const tables = await db.execute<{ table: string }>(sql`
    select c.relname as table
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'account_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r'
    order by 1`);
  const constraints = await db.execute<Constraint>(sql`
    select c.relname as table, k.conname as name, k.contype as type,
      array(select a.attname from unnest(k.conkey) with ordinality u(n, i)
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i)::text[] as columns,
      r.relname as "refTable",
      case when k.contype = 'f' then array(select a.attname from unnest(k.confkey) with ordinality u(n, i)
            join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)::text[] end as "refColumns"
    from pg_constraint k join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class r on r.oid = k.confrelid
    where n.nspname = 'public' and k.contype in ('p', 'u', 'f')`);
  const uniqueIndexes = await db.execute<{ table: string; name: string; columns: string[] }>(sql`
    select t.relname as table, i.relname as name,
      array(select coalesce(a.attname, '(expression)') from unnest(x.indkey) with ordinality u(n, o)
            left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.n order by u.o)::text[] as columns
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and x.indisunique and not x.indisprimary
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`);
  return { tables: tables.map((t) => t.table), constraints: [...constraints], uniqueIndexes: [...uniqueIndexes] };
}

async function offenders() {
  const { tables, constraints, uniqueIndexes } = await tenantConstraints();
  const tenant = tables.filter((t) => !LOOKUP_TABLES.includes(t));
  const primaryKeys = tenant.filter((t) => {
    const pk = constraints.find((c) => c.table === t && c.type === 'p');
    return !pk || pk.columns[0] !== 'account_id';
  });
  const uniques = [
    ...constraints.filter((c) => c.type === 'u' && tenant.includes(c.table) && c.columns[0] !== 'account_id'),
    ...uniqueIndexes.filter((i) => tenant.includes(i.table) && i.columns[0] !== 'account_id'),
  ].map((c) => `${c.table}.${c.name}`);
  const foreignKeys = constraints
    .filter((c) => c.type === 'f' && tables.includes(c.table) && c.refTable !== null && tables.includes(c.refTable))
    .filter((c) => {
      const at = c.columns.indexOf('account_id');
      return at < 0 || c.refColumns?.[at] !== 'account_id';
    })
    .map((c) => `${c.table}.${c.name}`);
  return { tables, constraints, primaryKeys, uniques, foreignKeys };
}

describe('tenancy rules in the catalog', () => {
  it('holds for every tenant table of the schema', async () => {
    const found = await offenders();
    expect(found.tables).toEqual(expect.arrayContaining(['contacts', 'campaigns', 'campaign_recipients', 'messages']));
    expect(found.primaryKeys).toEqual([]);
    expect(found.uniques).toEqual([]);
    expect(found.foreignKeys).toEqual([]);
  });

  it('keeps every lookup table pointing at its row with the account in the key', async () => {
    const { constraints } = await offenders();
    for (const table of LOOKUP_TABLES) {
      const fks = constraints.filter((c) => c.table === table && c.type === 'f');
      expect(fks.length, table).toBeGreaterThan(0);
      for (const fk of fks) expect(fk.columns[0], `${table}.${fk.name}`).toBe('account_id');
    }
  });

  it('flags a table that breaks the rules', async () => {
    await db.execute(sql`create table tenancy_probe (
      account_id bigint not null, id bigint primary key, code text unique, contact_id bigint,
      foreign key (contact_id, account_id) references contacts (account_id, id))`);
    await db.execute(sql`create unique index tenancy_probe_code2 on tenancy_probe (code, account_id)`);
    try {
      const found = await offenders();
      expect(found.primaryKeys).toEqual(['tenancy_probe']);
      expect(found.uniques.sort()).toEqual(['tenancy_probe.tenancy_probe_code2', 'tenancy_probe.tenancy_probe_code_key']);
      expect(found.foreignKeys).toEqual(['tenancy_probe.tenancy_probe_contact_id_account_id_fkey']);
    } finally {
      await db.execute(sql`drop table tenancy_probe`);
    }
  });
});
