// `npm run bench [-- ingest|pages …]`: Pulse's performance benchmark. Targets are
// ratios and rates measured within one run, never timed tests. The report is printed
// and written to bench/results/.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { benchDatabase } from './bench/database';
import { ingestBenchmark } from './bench/ingest';
import { pagesBenchmark } from './bench/pages';

type Options = { size: number; rounds: number };

const BENCHMARKS = {
  /** On a throwaway database of its own. */
  ingest: async ({ size }: Options) => {
    const database = await benchDatabase();
    process.env.DATABASE_URL = database.url;
    try {
      return { database: database.kind, ...(await ingestBenchmark({ size })) };
    } finally {
      await closeDb();
      await database.drop();
    }
  },
  /** On demo data seeded at scales S and L (or the databases given). */
  pages: ({ rounds }: Options) => pagesBenchmark({ rounds }),
} as const;

type Name = keyof typeof BENCHMARKS;

const USAGE = `usage: npm run bench [-- ${Object.keys(BENCHMARKS).join('|')}] [--size N] [--rounds N]

ingest  status callbacks per second with rollups against without, on a throwaway
        database: on the server of BENCH_DATABASE_URL or DATABASE_URL when set, else
        embedded; --size messages (default 5000), each called back twice.
pages   the campaign pages' reads at scale L against scale S, --rounds times each
        (default 30); seeds both on BENCH_DATABASE_URL/DATABASE_URL, or reads the
        seeded databases of BENCH_S_DATABASE_URL and BENCH_L_DATABASE_URL.`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      size: { type: 'string', default: '5000' },
      rounds: { type: 'string', default: '30' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const names = (positionals.length > 0 ? positionals : Object.keys(BENCHMARKS)) as Name[];
  const unknown = names.filter((n) => !(n in BENCHMARKS));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}\n${USAGE}`);
  const options = { size: Number(values.size), rounds: Number(values.rounds) };
  if (!Number.isSafeInteger(options.size) || options.size < 1 || !Number.isSafeInteger(options.rounds) || options.rounds < 1) {
    throw new Error(`--size and --rounds are whole numbers above 0\n${USAGE}`);
  }

  const report: Record<string, unknown> = { at: new Date().toISOString(), cpus: cpus().length };
  for (const name of names) {
    console.log(`bench: ${name} …`);
    report[name] = await BENCHMARKS[name](options);
    console.log(JSON.stringify(report[name], null, 2));
  }
  await mkdir('bench/results', { recursive: true });
  const file = `bench/results/${report.at as string}-${names.join('+')}.json`.replace(/:/g, '-');
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`bench: report written to ${file}`);
  const missed = names.filter((n) => (report[n] as { target?: { met?: boolean } }).target?.met === false);
  if (missed.length > 0) console.log(`bench: target missed by ${missed.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
