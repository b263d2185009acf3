// The one way application code reaches PostgreSQL: postgres.js + Drizzle, from
// DATABASE_URL. The connection is opened on first query, so importing this module
// (as `next build` does) never touches a database.
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Sql = postgres.Sql;

export type ClientOptions = {
  /** Pool size; the embedded server serializes work anyway, so small pools suffice there. */
  max?: number;
  applicationName?: string;
};

export function connect(url: string, options: ClientOptions = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 15,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'pulse' },
  });
  return { sql, db: drizzle(sql, { schema }) };
}

export type Database = ReturnType<typeof connect>['db'];
/** A transaction handle; commands accept either it or the database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

type Connection = ReturnType<typeof connect>;
const globalForDb = globalThis as unknown as { pulseDb?: Connection };

function connection(): Connection {
  if (!globalForDb.pulseDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set (start Pulse with `npm start`, which provides one)');
    globalForDb.pulseDb = connect(url, { applicationName: process.env.PULSE_PROCESS ?? 'pulse' });
  }
  return globalForDb.pulseDb;
}

/** The process-wide Drizzle database, created on first use. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const target = connection().db;
    const value: unknown = Reflect.get(target, property, target);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  },
});

/** The raw postgres.js client behind `db`, for COPY-free bulk SQL and streaming cursors. */
export function rawSql(): Sql {
  return connection().sql;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.pulseDb;
  globalForDb.pulseDb = undefined;
  await current?.sql.end({ timeout: 5 });
}

const dialect = new PgDialect();

/**
 * Runs one statement outside any transaction as a named prepared statement, so each
 * pooled connection parses and plans it once. Drizzle's `execute` plans every call
 * anew; for a hot, many-CTE statement (a status callback) planning is half its cost.
 */
export async function executePrepared<Row extends Record<string, unknown>>(query: SQL): Promise<Row[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await connection().sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true })) as unknown as Row[];
}
