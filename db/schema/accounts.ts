// Accounts (the tenants), their users and sender numbers, plus the global
// lookup tables that route a login email or an inbound number to an account.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { numberKind, userRole } from './enums';
import { accountId, at, createdAt, id, ref } from './columns';

export const accounts = pgTable(
  'accounts',
  {
    id: id().primaryKey(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    locale: text('locale').notNull().default('en'),
    /** ISO 3166 country used as the default when normalizing phone numbers. */
    country: text('country').notNull().default('US'),
    /** Credits included per calendar month; null = unlimited plan. */
    monthlyCredits: integer('monthly_credits'),
    /** Price of one credit beyond the allowance, in the account's currency. */
    overagePricePerCredit: numeric('overage_price_per_credit', { precision: 10, scale: 4, mode: 'number' })
      .notNull()
      .default(0),
    currency: text('currency').notNull().default('USD'),
    /** Quiet hours as minutes after local midnight: sending allowed in [start, end). */
    quietHoursStart: smallint('quiet_hours_start').notNull().default(480),
    quietHoursEnd: smallint('quiet_hours_end').notNull().default(1260),
    helpText: text('help_text'),
    createdAt: createdAt(),
  },
  (t) => [
    check('accounts_quiet_hours_range', sql`${t.quietHoursStart} between 0 and 1440 and ${t.quietHoursEnd} between 0 and 1440`),
  ],
);

export const users = pgTable(
  'users',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull().default('agent'),
    passwordHash: text('password_hash').notNull(),
    /** The user's chosen UI language; null follows the browser. */
    locale: text('locale'),
    disabledAt: at('disabled_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.id] }), unique('users_account_email').on(t.accountId, t.email)],
);

/**
 * Sessions signed out before they expired. A session is a signed cookie that works
 * until it expires on its own; the id it carries is listed here on sign-out, and
 * proxy.ts and the per-request user check refuse it from then on
 * (lib/auth/ended-sessions.ts). Rows outlive their session by nothing: each sign-out
 * clears the expired ones.
 */
export const endedSessions = pgTable('ended_sessions', {
  sessionId: text('session_id').primaryKey(),
  expiresAt: at('expires_at').notNull(),
});

/** Global lookup: a sign-in email names exactly one user in one account. */
export const loginEmails = pgTable(
  'login_emails',
  {
    email: text('email').primaryKey(),
    accountId: accountId(),
    userId: ref('user_id').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }).onDelete('cascade'),
    check('login_emails_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

export const phoneNumbers = pgTable(
  'phone_numbers',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    e164: text('e164').notNull(),
    label: text('label'),
    kind: numberKind('kind').notNull().default('long_code'),
    /** Messages per second this number may send; null uses the provider default. */
    sendRatePerSecond: numeric('send_rate_per_second', { precision: 8, scale: 3, mode: 'number' }),
    /** Earliest time the next message may leave this number (shared pacing across workers). */
    nextSendAt: at('next_send_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.id] }), unique('phone_numbers_account_e164').on(t.accountId, t.e164)],
);

/** Global lookup: which account owns a sender number (inbound messages arrive by number). */
export const numberRoutes = pgTable(
  'number_routes',
  {
    e164: text('e164').primaryKey(),
    accountId: accountId(),
    phoneNumberId: ref('phone_number_id').notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.accountId, t.phoneNumberId],
      foreignColumns: [phoneNumbers.accountId, phoneNumbers.id],
    }).onDelete('cascade'),
  ],
);

/** Failed sign-in attempts per key (an email or a client address), for throttling. */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: at('window_started_at').notNull().defaultNow(),
    lockedUntil: at('locked_until'),
  },
  (t) => [index('login_throttle_window').on(t.windowStartedAt)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    userId: ref('user_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: bigint('subject_id', { mode: 'number' }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }),
    index('audit_events_subject').on(t.accountId, t.subjectType, t.subjectId, t.createdAt),
  ],
);
