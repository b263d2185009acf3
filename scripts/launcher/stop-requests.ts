// Ctrl-C (SIGINT), SIGTERM and SIGHUP as the launcher sees them: the first asks for
// a clean stop, the second forces (children are killed), the third exits at once.
export const STOPPED = Symbol('stopped');

export class StopRequests {
  private signals = 0;
  private resolveStopped!: () => void;
  private resolveForced!: () => void;
  private forceListeners: Array<() => void> = [];
  /** A note for the user about what a stop waits for in the current phase. */
  private phaseNote: string | null = null;
  /** Settles on the first signal. */
  readonly stopped = new Promise<void>((resolve) => (this.resolveStopped = resolve));
  /** Settles on the second signal. */
  readonly forced = new Promise<void>((resolve) => (this.resolveForced = resolve));

  constructor(private readonly log: (line: string) => void) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => this.receive(signal));
  }

  get requested(): boolean {
    return this.signals > 0;
  }

  onForce(listener: () => void): void {
    this.forceListeners.push(listener);
  }

  /** `work`'s result, or STOPPED as soon as a stop is requested (or forced). */
  async race<T>(work: Promise<T>, until: 'request' | 'force', note?: string): Promise<T | typeof STOPPED> {
    this.phaseNote = note ?? null;
    try {
      return await Promise.race([work, (until === 'request' ? this.stopped : this.forced).then((): typeof STOPPED => STOPPED)]);
    } finally {
      this.phaseNote = null;
    }
  }

  private receive(signal: NodeJS.Signals): void {
    this.signals += 1;
    if (this.signals === 1) {
      // Naming the signal tells a Ctrl-C from a process manager's (or a stray) SIGTERM.
      this.log(`\nStopping Pulse (${signal})…${this.phaseNote ? ` ${this.phaseNote}` : ''}`);
      this.resolveStopped();
    } else if (this.signals === 2) {
      this.log('Forcing the stop: killing the child processes.');
      this.forceListeners.forEach((listener) => listener());
      this.resolveForced();
    } else {
      this.log('Exiting without closing the database; its last writes may be lost.');
      process.exit(1);
    }
  }
}
