// npm run db:verify-stats -- [--account ID] [--rebuild] [--limit N]
// Recomputes every rollup from raw rows (lib/stats) and compares it with what is
// stored; exits 1 on any difference. --rebuild writes the recount over the stored
// rollups instead, and says what it changed.
import { parseArgs } from 'node:util';
import { connect } from '@/db/client';
import { rebuildStats, verifyStats, type StatsDifference } from '@/lib/stats';

const usage = 'usage: npm run db:verify-stats -- [--account ID] [--rebuild] [--limit N]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function options() {
  try {
    return parseArgs({
      options: {
        account: { type: 'string' },
        rebuild: { type: 'boolean', default: false },
        limit: { type: 'string', default: '20' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
}

const values = options();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.account !== undefined && !/^[1-9]\d{0,15}$/.test(values.account)) fail(`--account must be an account id.\n${usage}`);
if (!/^\d{1,6}$/.test(values.limit)) fail(`--limit must be a whole number.\n${usage}`);
const url = process.env.DATABASE_URL;
if (!url) fail('DATABASE_URL is not set: point it at the PostgreSQL database to check (e.g. postgres://user@host:5432/pulse).');

const scope = { accountId: values.account === undefined ? undefined : Number(values.account) };
const where = scope.accountId === undefined ? 'every account' : `account ${scope.accountId}`;
const { sql: client, db } = connect(url, { max: 1, applicationName: 'pulse-verify-stats' });
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
let exitCode = 0;
try {
  if (values.rebuild) {
    const summary = await rebuildStats(db, scope);
    console.log(`Rebuilt the rollups of ${where} from raw rows (${seconds()}):`);
    for (const [family, { inserted, updated, deleted }] of Object.entries(summary)) {
      console.log(`  ${family.padEnd(24)} ${inserted} inserted, ${updated} updated, ${deleted} deleted`);
    }
  } else {
    // Enough per family to count up to the limit and say when there are more.
    const limit = Number(values.limit);
    const differences = await verifyStats(db, { ...scope, limit: Math.max(limit, 1000) });
    if (differences.length === 0) {
      console.log(`Every rollup of ${where} matches the recount from raw rows (${seconds()}).`);
    } else {
      exitCode = 1;
      console.log(`Rollups of ${where} differ from the recount from raw rows (${seconds()}):`);
      const byFamily = new Map<string, StatsDifference[]>();
      for (const d of differences) byFamily.set(d.table, [...(byFamily.get(d.table) ?? []), d]);
      for (const [family, found] of byFamily) {
        console.log(`  ${family.padEnd(24)} ${found.length >= Math.max(limit, 1000) ? 'at least ' : ''}${found.length} differences`);
      }
      for (const d of differences.slice(0, limit)) {
        const key = Object.entries(d.key).map(([k, v]) => `${k}=${v}`).join(' ');
        console.log(`  ${d.table} ${key} ${d.column}: stored ${d.stored ?? '(none)'}, expected ${d.expected ?? '(none)'}`);
      }
      if (differences.length > limit) console.log(`  … and more; --limit N shows more. --rebuild repairs them.`);
      else console.log('  --rebuild repairs them.');
    }
  }
} finally {
  await client.end();
}
process.exit(exitCode);
