// Column helpers shared by every tenant table, so ids, account keys and
// timestamps have one shape across the schema.
import { bigint, timestamp } from 'drizzle-orm/pg-core';

/** Surrogate key; unique on its own, but every primary key leads with account_id. */
export const id = () => bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity();

/** The tenant key: first column of every primary key, foreign key and unique constraint. */
export const accountId = () => bigint('account_id', { mode: 'number' }).notNull();

export const ref = (name: string) => bigint(name, { mode: 'number' });

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () => at('created_at').notNull().defaultNow();
