// `npm run bench [-- ingest|pages …]`: Pulse's performance benchmark. Targets are
// ratios and rates measured within one run, never timed tests. The report is printed
// and written to bench/results/.
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { benchDatabase } from './bench/database';
import { ingestBenchmark } from './bench/ingest';

const BENCHMARKS = {
  ingest: (size: number) => ingestBenchmark({ size }),
} as const;

type Name = keyof typeof BENCHMARKS;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { size: { type: 'string', default: '5000' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    console.log(`usage: npm run bench [-- ${Object.keys(BENCHMARKS).join('|')}] [--size N]\n\nRuns on a throwaway database: on the server of BENCH_DATABASE_URL or DATABASE_URL when set, else embedded.`);
    return;
  }
  const names = (positionals.length > 0 ? positionals : Object.keys(BENCHMARKS)) as Name[];
  const unknown = names.filter((n) => !(n in BENCHMARKS));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`);

  const database = await benchDatabase();
  process.env.DATABASE_URL = database.url;
  const report: Record<string, unknown> = { at: new Date().toISOString(), database: database.kind, cpus: (await import('node:os')).cpus().length };
  try {
    for (const name of names) {
      console.log(`bench: ${name} …`);
      report[name] = await BENCHMARKS[name](Number(values.size));
      console.log(JSON.stringify(report[name], null, 2));
    }
  } finally {
    await closeDb();
    await database.drop();
  }
  await mkdir('bench/results', { recursive: true });
  const file = `bench/results/${report.at as string}-${names.join('+')}.json`.replace(/:/g, '-');
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`bench: report written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
