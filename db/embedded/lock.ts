// One writer per embedded data directory. PGlite has no lock of its own, and two
// processes on one data directory silently lose writes, so the launcher holds
// DATA_DIR/pulse.lock (created with O_EXCL) for as long as it serves the database.
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'pulse.lock';

/** What the lock file records about the process holding it. */
export type LockHolder = {
  pid: number;
  /** ISO 8601. */
  startedAt: string;
  /** How it was started, e.g. `npm start`. */
  command: string;
  /** Linux only: the kernel boot and the process's start tick, so a reused pid is not mistaken for the holder. */
  bootId?: string;
  processStartTicks?: string;
};

export type DataDirLock = {
  path: string;
  /** The holder whose lock was found stale and taken over, if any. */
  takenOverFrom: LockHolder | null;
  /** Removes the lock file, if it is still ours. Synchronous so it also works in an exit handler. */
  release(): void;
};

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDirLabel: string,
    readonly holder: LockHolder | null,
  ) {
    super(lockedMessage(dataDirLabel, holder));
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes the lock on `dataDir` (which must exist) or throws DataDirLockedError naming
 * the running holder. A lock left by a process that is gone is taken over.
 */
export function acquireDataDirLock(dataDir: string, options: { command: string; label?: string }): DataDirLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  const label = options.label ?? dataDir;
  const me: LockHolder = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    command: options.command,
    ...processIdentity(process.pid),
  };
  const content = `${JSON.stringify(me, null, 2)}\n`;
  let takenOverFrom: LockHolder | null = null;

  // A few rounds at most: each failed round means another process raced us for a stale lock.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(path, content, { flag: 'wx', mode: 0o644 });
      return {
        path,
        takenOverFrom,
        release() {
          if (readText(path) === content) unlinkSync(path);
        },
      };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    const existing = readText(path);
    if (existing === null) continue; // removed in the meantime
    const holder = parseHolder(existing);
    if (holder === null ? !isAbandonedPartialWrite(path) : holderIsAlive(holder)) {
      throw new DataDirLockedError(label, holder);
    }
    if (setAsideStaleLock(path, existing)) takenOverFrom = holder;
  }
  throw new DataDirLockedError(label, parseHolder(readText(path) ?? ''));
}

/** The one-line note printed when a stale lock is taken over. */
export function staleLockNote(label: string, holder: LockHolder): string {
  return `Note: took over the lock on ${label} left by pid ${holder.pid} (started ${formatStart(holder.startedAt)} by "${holder.command}"), which is no longer running.`;
}

function lockedMessage(label: string, holder: LockHolder | null): string {
  const who = holder
    ? `pid ${holder.pid}, started ${formatStart(holder.startedAt)} by "${holder.command}"`
    : `see ${join(label, LOCK_FILE_NAME)}`;
  return `Pulse is already running on ${label} (${who}). Stop it first, or set DATA_DIR to use another data directory.`;
}

function formatStart(iso: string): string {
  const started = new Date(iso);
  if (Number.isNaN(started.getTime())) return 'at an unknown time';
  const time = started.toTimeString().slice(0, 5);
  const sameDay = started.toDateString() === new Date().toDateString();
  return sameDay ? time : `${started.toISOString().slice(0, 10)} ${time}`;
}

function holderIsAlive(holder: LockHolder): boolean {
  // In a container restarted from scratch our own pid may be the one recorded.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if (!isErrno(error, 'EPERM')) return false;
  }
  const current = processIdentity(holder.pid);
  if (holder.bootId && current.bootId && holder.bootId !== current.bootId) return false;
  if (holder.processStartTicks && current.processStartTicks && holder.processStartTicks !== current.processStartTicks) {
    return false; // the pid was reused by another process
  }
  return true;
}

/**
 * Moves a stale lock out of the way. If, between our read and the rename, another
 * start replaced it with a live lock, that lock is put back and we report failure.
 */
function setAsideStaleLock(path: string, staleContent: string): boolean {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
  const moved = readText(aside);
  if (moved !== staleContent) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone holds the lock again already; theirs stands.
    }
  }
  unlinkSync(aside);
  return moved === staleContent;
}

/** A lock file without readable content: a start that crashed between creating and writing it. */
function isAbandonedPartialWrite(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 5_000;
  } catch {
    return true;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return {
      pid: value.pid,
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
      command: typeof value.command === 'string' ? value.command : 'unknown command',
      bootId: typeof value.bootId === 'string' ? value.bootId : undefined,
      processStartTicks: typeof value.processStartTicks === 'string' ? value.processStartTicks : undefined,
    };
  } catch {
    return null;
  }
}

function processIdentity(pid: number): Pick<LockHolder, 'bootId' | 'processStartTicks'> {
  const bootId = readText('/proc/sys/kernel/random/boot_id')?.trim();
  const stat = readText(`/proc/${pid}/stat`);
  // Field 22 (starttime); the command name in field 2 may contain spaces, so count after its ')'.
  const processStartTicks = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return { bootId: bootId || undefined, processStartTicks: processStartTicks || undefined };
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
