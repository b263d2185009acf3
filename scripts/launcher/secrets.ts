// The secrets a fresh machine needs but nobody should have to write: the session
// signing key and the simulator's Twilio-style credentials. Generated once into
// DATA_DIR/secrets.json (mode 0600) and reused; the environment always wins.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LaunchError, type Settings } from './settings';

export const SECRETS_FILE_NAME = 'secrets.json';

type StoredSecrets = {
  authSecret?: string;
  twilioAccountSid?: string;
  twilioAuthToken?: string;
};

export type Secrets = {
  authSecret: string;
  twilioAccountSid: string;
  twilioAuthToken: string;
  /** Where each value came from, for the start-up summary. */
  source: Record<'authSecret' | 'twilio', 'env' | 'file' | 'generated'>;
};

const generators: Record<keyof StoredSecrets, () => string> = {
  authSecret: () => randomBytes(32).toString('base64url'),
  // The shapes of Twilio's own: AC + 32 hex digits, and 32 hex digits.
  twilioAccountSid: () => `AC${randomBytes(16).toString('hex')}`,
  twilioAuthToken: () => randomBytes(16).toString('hex'),
};

export async function resolveSecrets(settings: Settings, env: NodeJS.ProcessEnv): Promise<Secrets> {
  const embedded = settings.databaseUrl === null;
  if (!embedded && !env.AUTH_SECRET) {
    throw new LaunchError(
      'AUTH_SECRET is required when DATABASE_URL is set (sessions signed with a key generated on one machine would not be ' +
        'valid on another). Generate one with: node -e "console.log(crypto.randomBytes(32).toString(\'base64url\'))"',
    );
  }
  if (settings.smsProvider === 'twilio' && (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN)) {
    throw new LaunchError('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from your Twilio console.');
  }

  const wanted: Array<keyof StoredSecrets> = [];
  if (!env.AUTH_SECRET) wanted.push('authSecret');
  if (!env.TWILIO_ACCOUNT_SID) wanted.push('twilioAccountSid');
  if (!env.TWILIO_AUTH_TOKEN) wanted.push('twilioAuthToken');

  const file = join(settings.dataDir, SECRETS_FILE_NAME);
  const stored = wanted.length > 0 ? await readStoredSecrets(file) : {};
  const generated = wanted.filter((key) => !stored[key]);
  if (generated.length > 0) {
    for (const key of generated) stored[key] = generators[key]();
    await writeStoredSecrets(file, stored);
  } else if (wanted.length > 0) {
    await chmod(file, 0o600); // in case it was copied around with looser permissions
  }

  const origin = (fromEnv: string | undefined, key: keyof StoredSecrets) =>
    fromEnv ? 'env' : generated.includes(key) ? 'generated' : 'file';
  return {
    authSecret: env.AUTH_SECRET || stored.authSecret!,
    twilioAccountSid: env.TWILIO_ACCOUNT_SID || stored.twilioAccountSid!,
    twilioAuthToken: env.TWILIO_AUTH_TOKEN || stored.twilioAuthToken!,
    source: {
      authSecret: origin(env.AUTH_SECRET, 'authSecret'),
      twilio: origin(env.TWILIO_ACCOUNT_SID, 'twilioAccountSid'),
    },
  };
}

async function readStoredSecrets(file: string): Promise<StoredSecrets> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  // Never regenerate over a damaged file: a new AUTH_SECRET signs everyone out and new
  // simulator credentials break signatures, so the user should decide.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LaunchError(`${file} is not valid JSON. Fix it, or delete it to generate new secrets.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LaunchError(`${file} should hold a JSON object. Fix it, or delete it to generate new secrets.`);
  }
  const secrets: StoredSecrets = {};
  for (const key of Object.keys(generators) as Array<keyof StoredSecrets>) {
    const entry = (value as Record<string, unknown>)[key];
    if (typeof entry === 'string' && entry !== '') secrets[key] = entry;
  }
  return secrets;
}

async function writeStoredSecrets(file: string, secrets: StoredSecrets): Promise<void> {
  // Written aside and renamed, so an interrupted start never leaves half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
