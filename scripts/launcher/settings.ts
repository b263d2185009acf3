// Turns the launcher's command line and environment (CONTRACT.md "Environment") into
// validated settings, so a typo is a clear message at start, not a broken app later.
import { resolve } from 'node:path';

export class LaunchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LaunchError';
  }
}

export type SmsProvider = 'sim' | 'twilio';
export type SimOutcomes = 'auto' | 'manual';

export type Settings = {
  /** `start`: production build + `next start`; `dev`: `next dev`. */
  mode: 'start' | 'dev';
  /** Database only: no build, web server or worker (for psql sessions, scripts and the launcher's tests). */
  databaseOnly: boolean;
  /**
   * When to create the demo data on a database without users: `auto` = embedded
   * only; `requested` = also on DATABASE_URL; `never`.
   */
  seed: 'auto' | 'requested' | 'never';
  /** Absolute path of DATA_DIR, and how to name it to the user. */
  dataDir: string;
  dataDirLabel: string;
  /** Unset: the embedded database. */
  databaseUrl: string | null;
  port: number;
  publicUrl: string;
  smsProvider: SmsProvider;
  simOutcomes: SimOutcomes;
  /** Where Next keeps its build (PULSE_DIST_DIR, relative to the repository). */
  distDir: string;
};

export const USAGE = `Usage: npm start [-- options]     (production build, web server and worker)
       npm run dev [-- options]   (the same with the Next dev server)
       node --import tsx scripts/launch.ts start|dev [options]

Options:
  --seed         create the demo data on DATABASE_URL too, if it has no users yet
                 (same as PULSE_SEED_DEMO=1; the embedded database is seeded on first start anyway)
  --no-seed      never create the demo data (same as PULSE_SEED_DEMO=0)
  --db-only      start and prepare the database only (migrations, demo data), without
                 build, web server or worker; prints DATABASE_URL and runs until Ctrl-C
  -h, --help     show this help

Environment (see README.md): DATABASE_URL (unset: embedded PostgreSQL in DATA_DIR),
DATA_DIR (.data), PORT (3000), PUBLIC_URL, AUTH_SECRET, SMS_PROVIDER (sim|twilio),
TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, SIM_OUTCOMES (auto|manual), PULSE_DIST_DIR (.next).

Without DATABASE_URL only one Pulse may run on a DATA_DIR: it holds DATA_DIR/pulse.lock.`;

/** Parsed settings, or `'help'` when the user asked for the usage text. */
export function readSettings(argv: string[], env: NodeJS.ProcessEnv, repositoryRoot: string): Settings | 'help' {
  const [command, ...flags] = argv;
  if (command === '-h' || command === '--help' || flags.includes('-h') || flags.includes('--help')) return 'help';
  if (command !== 'start' && command !== 'dev') {
    throw new LaunchError(`Unknown command ${JSON.stringify(command ?? '')}: expected "start" or "dev".\n\n${USAGE}`);
  }
  const known = new Set(['--seed', '--no-seed', '--db-only']);
  const unknown = flags.filter((flag) => !known.has(flag));
  if (unknown.length > 0) throw new LaunchError(`Unknown option ${unknown.join(', ')}.\n\n${USAGE}`);

  const port = parsePort(env.PORT);
  const dataDirLabel = env.DATA_DIR || '.data';
  return {
    mode: command,
    databaseOnly: flags.includes('--db-only'),
    seed: seedChoice(flags, env.PULSE_SEED_DEMO),
    dataDir: resolve(repositoryRoot, dataDirLabel),
    dataDirLabel,
    databaseUrl: env.DATABASE_URL || null,
    port,
    publicUrl: parsePublicUrl(env.PUBLIC_URL, port),
    smsProvider: oneOf('SMS_PROVIDER', env.SMS_PROVIDER, ['sim', 'twilio'], 'sim'),
    simOutcomes: oneOf('SIM_OUTCOMES', env.SIM_OUTCOMES, ['auto', 'manual'], 'auto'),
    distDir: env.PULSE_DIST_DIR || '.next',
  };
}

function seedChoice(flags: string[], fromEnv: string | undefined): Settings['seed'] {
  if (flags.includes('--seed') && flags.includes('--no-seed')) throw new LaunchError('Use either --seed or --no-seed.');
  if (flags.includes('--no-seed')) return 'never';
  if (flags.includes('--seed')) return 'requested';
  switch (fromEnv ?? '') {
    case '':
      return 'auto';
    case '1':
    case 'true':
      return 'requested';
    case '0':
    case 'false':
      return 'never';
    default:
      throw new LaunchError(`PULSE_SEED_DEMO must be 1 or 0, not ${JSON.stringify(fromEnv)}.`);
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new LaunchError(`PORT must be a TCP port number (1-65535), not ${JSON.stringify(value)}.`);
  }
  return port;
}

function parsePublicUrl(value: string | undefined, port: number): string {
  if (!value) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LaunchError(`PUBLIC_URL must be an absolute http(s) URL such as https://pulse.example.com, not ${JSON.stringify(value)}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LaunchError(`PUBLIC_URL must start with http:// or https://, not ${JSON.stringify(value)}.`);
  }
  // Signatures are computed over PUBLIC_URL + path, so a trailing slash would double up.
  return value.replace(/\/+$/, '');
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new LaunchError(`${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}.`);
}
