// The launcher's child processes (build, web server, worker): output prefixed with
// the child's name, and a stop that asks politely (SIGTERM) before it insists.
// Each child leads its own process group, so a stop also reaches what it spawned
// and the terminal's Ctrl-C reaches only the launcher, which stops them in order.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type ChildExit = { code: number | null; signal: NodeJS.Signals | null };

export type Child = {
  name: string;
  pid: number;
  /** Settles when the process has exited. */
  exited: Promise<ChildExit>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs: number): Promise<ChildExit>;
  kill(): void;
};

export type ChildOptions = {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Lines for which this returns false are not shown. */
  showLine?: (line: string) => boolean;
  /** Called for every line of output, shown or not. */
  onLine?: (line: string) => void;
};

/** Width of the name column, so `web    |` and `worker |` line up. */
const NAME_WIDTH = 6;

export function startChild(options: ChildOptions): Child {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = `${options.name.padEnd(NAME_WIDTH)} | `;
  const relay = (stream: NodeJS.ReadableStream, to: NodeJS.WriteStream) => {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      options.onLine?.(line);
      if (options.showLine && !options.showLine(line)) return;
      to.write(`${prefix}${line}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);

  let exit: ChildExit | null = null;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
    child.once('error', (error) => {
      process.stderr.write(`${prefix}could not start: ${error.message}\n`);
      exit = { code: 127, signal: null };
      resolve(exit);
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    if (exit || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };

  return {
    name: options.name,
    pid: child.pid ?? -1,
    exited,
    hasExited: () => exit !== null,
    kill: () => signalGroup('SIGKILL'),
    async stop(graceMs) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => {
        process.stderr.write(`${prefix}did not stop within ${Math.round(graceMs / 1000)} s; killing it\n`);
        signalGroup('SIGKILL');
      }, graceMs);
      const result = await exited;
      clearTimeout(timer);
      // Whatever the child spawned and left behind goes with it.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // The group is empty: nothing was left.
        }
      }
      return result;
    },
  };
}

export function describeExit({ code, signal }: ChildExit): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}
