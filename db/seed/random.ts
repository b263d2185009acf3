// Deterministic randomness for the demo data: a seeded PRNG for what is planned in
// JavaScript (campaigns, automations), and hash-based draws for what is generated
// in SQL, where row order must not matter (so never random()/setseed()).
import { sql, type SQL } from 'drizzle-orm';

/** sfc32: small, fast, and good enough for plausible data; seeded from one integer. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [item, weight] of items) {
      x -= weight;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** A child generator, so adding draws in one place does not shift every other. */
  fork(label: string): Random {
    let h = this.d ^ 0x811c9dc5;
    for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    return new Random(h >>> 0);
  }
}

/** Schema holding the seed's helper functions and work tables while it runs. */
export const WORK_SCHEMA = 'pulse_seed';

/**
 * SQL helpers for hash-based draws, bound to the seed: `pulse_seed.hash(key)` is
 * md5(seed:key); `pulse_seed.draw(hash, i)` is its i-th (0–3) uniform in [0, 1).
 * One md5 per row gives four independent draws.
 */
export function randomFunctions(seed: number): SQL[] {
  const prefix = `${seed}:`;
  // Sids count up from a seed-chosen start in their first 12 hex digits, so they
  // look random but arrive in order: their unique indexes stay during the load.
  const sidBase = 0x100000000000 + Math.floor(new Random(seed).fork('sids').next() * 0xd00000000000);
  return [
    sql.raw(`create function ${WORK_SCHEMA}.sid(message_id bigint) returns text
      language sql immutable parallel safe
      as $$ select 'SM' || lpad(to_hex(${sidBase}::bigint + message_id), 12, '0')
                   || left(md5('${prefix.replace(/'/g, "''")}sid:' || message_id), 20) $$`),
    sql.raw(`create function ${WORK_SCHEMA}.hash(key text) returns text
      language sql immutable parallel safe
      as $$ select md5('${prefix.replace(/'/g, "''")}' || key) $$`),
    sql.raw(`create function ${WORK_SCHEMA}.draw(h text, i int) returns float8
      language sql immutable parallel safe
      as $$ select ('x' || substr(h, 1 + 8 * i, 8))::bit(32)::bigint::float8 / 4294967296::float8 $$`),
    // An index (1-based) into choices whose cumulative weights, without the final 1, are given.
    sql.raw(`create function ${WORK_SCHEMA}.choice(cumulative float8[], u float8) returns int
      language sql immutable parallel safe
      as $$ select width_bucket(u, cumulative) + 1 $$`),
    // A 12-character base-62 code (about 71 bits) from a hash: its base64 with + and / folded into letters.
    sql.raw(`create function ${WORK_SCHEMA}.code(h text) returns text
      language sql immutable parallel safe
      as $$ select left(translate(encode(decode(h, 'hex'), 'base64'), '+/', 'xy'), 12) $$`),
  ];
}

/** Cumulative thresholds for `pulse_seed.choice`, from weights. */
export function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let run = 0;
  for (const w of weights.slice(0, -1)) {
    run += w / total;
    out.push(Number(run.toFixed(6)));
  }
  return out;
}
