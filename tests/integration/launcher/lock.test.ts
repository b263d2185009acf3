// One Pulse per embedded data directory: PGlite would silently lose writes with two.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcherFixtures, READY, type Launched } from './run-launcher';

const fixtures = launcherFixtures();

function started(dataDir: string, args = ['--db-only', '--no-seed']): Launched {
  return fixtures.launch({ dataDir, args });
}

describe('the data directory lock', () => {
  it('refuses a second start on the same data directory at once, naming the running one', async () => {
    const dataDir = fixtures.dataDir();
    const first = started(dataDir);
    await first.waitFor(READY);

    const second = started(dataDir);
    const startedAt = Date.now();
    expect(await second.exited).toBe(1);
    // Refused before opening the database (which alone takes seconds), not after.
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect(second.output()).not.toContain('Embedded PostgreSQL');
    expect(second.output()).toContain(`Pulse is already running on ${dataDir} (pid ${first.pid}, started `);
    expect(second.output()).toContain('by "node scripts/launch.ts start --db-only --no-seed")');
    expect(second.output()).toContain('Stop it first, or set DATA_DIR to use another data directory.');

    // The refused start left the running one's lock alone.
    expect(existsSync(join(dataDir, 'pulse.lock'))).toBe(true);
    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'pulse.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone, with a note', async () => {
    const dataDir = fixtures.dataDir();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const gonePid = Number(gone.stdout.trim());
    writeFileSync(
      join(dataDir, 'pulse.lock'),
      JSON.stringify({ pid: gonePid, startedAt: new Date().toISOString(), command: 'npm start' }),
    );

    const launched = started(dataDir);
    await launched.waitFor(READY);
    expect(launched.output()).toContain(`took over the lock on ${dataDir} left by pid ${gonePid}`);
    expect(launched.output()).toContain('which is no longer running');
    expect(await launched.stop()).toBe(0);
  });

  it.skipIf(!existsSync('/proc/sys/kernel/random/boot_id'))(
    'takes over a lock whose pid now belongs to another process, as after a reboot',
    async () => {
      const dataDir = fixtures.dataDir();
      // This test process is alive, but it is not the one that wrote the lock: that one ran in another boot.
      writeFileSync(
        join(dataDir, 'pulse.lock'),
        JSON.stringify({
          pid: process.pid,
          startedAt: '2020-01-01T12:00:00.000Z',
          command: 'npm start',
          bootId: '00000000-0000-0000-0000-000000000000',
          processStartTicks: '1',
        }),
      );

      const launched = started(dataDir);
      await launched.waitFor(READY);
      expect(launched.output()).toContain(`took over the lock on ${dataDir} left by pid ${process.pid} (started 2020-01-01 `);
      expect(await launched.stop()).toBe(0);
    },
  );

  it('lets another data directory run beside a running one', async () => {
    const first = started(fixtures.dataDir());
    const second = started(fixtures.dataDir());
    await Promise.all([first.waitFor(READY), second.waitFor(READY)]);
    expect(await second.stop()).toBe(0);
    expect(await first.stop()).toBe(0);
  });
});
