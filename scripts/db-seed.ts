// npm run db:seed -- [--scale S|M|L] [--seed N] [--reset] [--now YYYY-MM-DD]
// Deterministic demo data on DATABASE_URL (CONTRACT "Demo data").
import { parseArgs } from 'node:util';
import { seedDemoData, SeedRefusedError } from '@/db/seed';

const usage = 'usage: npm run db:seed -- [--scale S|M|L] [--seed N] [--reset] [--now YYYY-MM-DD]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function options() {
  try {
    const { values } = parseArgs({
      options: {
        scale: { type: 'string', default: 'S' },
        seed: { type: 'string', default: '1' },
        reset: { type: 'boolean', default: false },
        now: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    return values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
}

const values = options();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const scale = values.scale.toUpperCase();
if (scale !== 'S' && scale !== 'M' && scale !== 'L') fail(`--scale must be S, M or L.\n${usage}`);
if (!/^\d{1,9}$/.test(values.seed)) fail(`--seed must be a whole number.\n${usage}`);
const now = values.now === undefined ? undefined : new Date(`${values.now}T00:00:00Z`);
if (now && (!/^\d{4}-\d\d-\d\d$/.test(values.now!) || Number.isNaN(now.getTime()))) fail(`--now must be a date like 2026-03-02.\n${usage}`);
const url = process.env.DATABASE_URL;
if (!url) fail('DATABASE_URL is not set: point it at the PostgreSQL database to seed (e.g. postgres://user@host:5432/pulse).');

try {
  await seedDemoData(url, { scale, seed: Number(values.seed), reset: values.reset, now, log: (line) => console.log(line) });
} catch (error) {
  if (error instanceof SeedRefusedError) fail(error.message);
  throw error;
}
