// The secrets a fresh machine needs are generated once into DATA_DIR and reused, and
// the environment always wins over them.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcherFixtures, READY } from './run-launcher';

const fixtures = launcherFixtures();

async function startAndStop(dataDir: string, env: Record<string, string> = {}, args = ['--db-only', '--no-seed']) {
  const launched = fixtures.launch({ dataDir, env, args });
  await launched.waitFor(READY);
  expect(await launched.stop()).toBe(0);
  return launched.output();
}

type StoredSecrets = { authSecret?: string; twilioAccountSid?: string; twilioAuthToken?: string };
const readSecrets = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as StoredSecrets;

describe('generated secrets', () => {
  it('are created on first start, readable only by the owner, printed for the simulator, and reused', async () => {
    const dataDir = fixtures.dataDir();
    const firstOutput = await startAndStop(dataDir);
    const secrets = readSecrets(dataDir);
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(Buffer.from(secrets.authSecret!, 'base64url')).toHaveLength(32);
    expect(secrets.twilioAccountSid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(secrets.twilioAuthToken).toMatch(/^[0-9a-f]{32}$/);
    expect(firstOutput).toContain(`TWILIO_ACCOUNT_SID=${secrets.twilioAccountSid}`);
    expect(firstOutput).toContain(`TWILIO_AUTH_TOKEN=${secrets.twilioAuthToken}`);

    const secondOutput = await startAndStop(dataDir);
    expect(readSecrets(dataDir)).toEqual(secrets);
    expect(secondOutput).toContain(`TWILIO_ACCOUNT_SID=${secrets.twilioAccountSid}`);
  });

  it('give way to the environment', async () => {
    const dataDir = fixtures.dataDir();
    const sid = `AC${'1'.repeat(32)}`;
    const output = await startAndStop(dataDir, { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 'f'.repeat(32) });
    expect(output).toContain(`TWILIO_ACCOUNT_SID=${sid}`);
    expect(output).toContain(`TWILIO_AUTH_TOKEN=${'f'.repeat(32)}`);
    expect(readSecrets(dataDir).twilioAccountSid).toBeUndefined();
  });

  it('are never silently replaced when the file is damaged', async () => {
    const dataDir = fixtures.dataDir();
    await startAndStop(dataDir);
    const path = join(dataDir, 'secrets.json');
    const damaged = readFileSync(path, 'utf8').slice(0, 20);
    writeFileSync(path, damaged);

    const launched = fixtures.launch({ dataDir });
    expect(await launched.exited).toBe(1);
    expect(launched.output()).toContain('secrets.json is not valid JSON. Fix it, or delete it to generate new secrets.');
    expect(readFileSync(path, 'utf8')).toBe(damaged);
  });

  it('include AUTH_SECRET only from the environment when DATABASE_URL is set', async () => {
    const launched = fixtures.launch({ dataDir: fixtures.dataDir(), env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' } });
    expect(await launched.exited).toBe(1);
    expect(launched.output()).toContain('AUTH_SECRET is required when DATABASE_URL is set');
  });

  it('for Twilio itself come from the environment, never generated', async () => {
    const launched = fixtures.launch({ dataDir: fixtures.dataDir(), env: { SMS_PROVIDER: 'twilio' } });
    expect(await launched.exited).toBe(1);
    expect(launched.output()).toContain('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
  });
});
