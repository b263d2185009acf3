// Deterministic demo data (CONTRACT "Demo data"): two accounts with the CONTRACT
// logins and thirteen months of history at scale S, M or L, generated mostly in
// set-based SQL in one transaction, then every rollup rebuilt from the raw rows.
// docs/demo-data.md describes what it contains and how long each scale takes.
import { sql } from 'drizzle-orm';
import { connect, type Executor } from '@/db/client';
import { publicUrl } from '@/lib/config';
import { rebuildStats } from '@/lib/stats';
import { planAutomations } from './automations';
import { createWorkTable, dropLoadingIndexes, insertRows, phase, restoreIndexes } from './bulk';
import { planCampaigns } from './campaigns';
import { DEMO_LOGINS, planCatalog } from './catalog';
import { insertContacts, planContacts } from './contacts';
import { writeLinks, writeSurveys } from './engagement';
import { planHistory } from './history';
import { DAY_MS, HISTORY_DAYS, type SeedContext, type SeedScale } from './plan';
import { DEMO_PROFILE } from './profile-demo';
import { OTHER_PROFILE } from './profile-other';
import { Random, randomFunctions, WORK_SCHEMA } from './random';
import { assertSeedable, resetDatabase, SeedRefusedError } from './reset';
import { planSends } from './sends';
import { planPools, TemplateRegistry } from './templates';
import { completeCampaigns, fitAllowance, writeMessages, writeOptOuts } from './writes';

export { DEMO_LOGINS, SeedRefusedError };

const ROLLUP_TABLES = ['campaign_recipients', 'campaign_stats', 'automation_recipients', 'automation_stats', 'automation_activity', 'account_activity', 'account_activity_daily'];
const RECOUNTED_FROM = ['campaigns', 'automations', 'contacts', 'messages', 'opt_outs', 'links', 'link_clicks', 'survey_invitations', 'automation_executions', 'conversations'];
export type { SeedScale };

export type SeedOptions = {
  scale: SeedScale;
  seed: number;
  reset?: boolean;
  log?: (line: string) => void;
  /** The day the history ends (its UTC midnight is the anchor); default today. */
  now?: Date;
  /** Base of tracked links and survey links in message bodies; default PUBLIC_URL. */
  publicUrl?: string;
};

/** True when the database has no users yet (the launcher seeds only then). */
export async function databaseIsEmpty(url: string): Promise<boolean> {
  const { sql: client, db } = connect(url, { max: 1 });
  try {
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
    return (row?.n ?? 0) === 0;
  } finally {
    await client.end();
  }
}

/** The anchor: midnight UTC of the given day, so one day's runs produce the same rows. */
export function anchorOf(day: Date): Date {
  return new Date(Math.floor(day.getTime() / DAY_MS) * DAY_MS);
}

export async function seedDemoData(url: string, options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => {});
  const anchor = anchorOf(options.now ?? new Date());
  const ctx: SeedContext = {
    seed: options.seed,
    scale: options.scale,
    anchor,
    historyStart: new Date(anchor.getTime() - HISTORY_DAYS * DAY_MS),
    publicUrl: (options.publicUrl ?? publicUrl()).replace(/\/+$/, ''),
    random: new Random(options.seed),
  };
  const { sql: client, db } = connect(url, { max: 1, applicationName: 'pulse-seed' });
  const started = performance.now();
  try {
    await db.transaction(async (tx) => {
      if (options.reset) await phase(log, 'empty every Pulse table', () => resetDatabase(tx));
      else await assertSeedable(tx);
      log(`seeding scale ${ctx.scale}, seed ${ctx.seed}, history up to ${anchor.toISOString()}`);
      await seedInto(tx, ctx, log);
    });
  } finally {
    await client.end();
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function seedInto(tx: Executor, ctx: SeedContext, log: (line: string) => void): Promise<void> {
  await tx.execute(sql`set local work_mem = '256MB'`);
  await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
  // Every join here is a big work table against small lookups; merge joins would sort text keys.
  await tx.execute(sql`set local enable_mergejoin = off`);
  await skipForeignKeyChecks(tx, log);
  await tx.execute(sql.raw(`drop schema if exists ${WORK_SCHEMA} cascade`));
  await tx.execute(sql.raw(`create schema ${WORK_SCHEMA}`));
  for (const statement of randomFunctions(ctx.seed)) await tx.execute(statement);

  const templates = new TemplateRegistry();
  const catalog = await phase(log, 'accounts, logins, numbers, surveys', async () => {
    const planned = await planCatalog(ctx, [DEMO_PROFILE, OTHER_PROFILE]);
    for (const [table, rows] of Object.entries(planned.rows)) await insertRows(tx, table, rows);
    return planned;
  });
  const { accounts } = catalog;

  await phase(log, 'campaigns and automations', async () => {
    const campaigns = planCampaigns(ctx, accounts, templates);
    const automations = planAutomations(ctx, accounts, templates);
    await insertRows(tx, 'campaigns', campaigns.campaigns);
    await insertRows(tx, 'automations', automations.automations);
    const { patterns, segments } = templates.build(ctx.publicUrl, accounts);
    await createWorkTable(tx, 'patterns', { pattern_id: 'int', variant: 'text', account_id: 'bigint', body: 'text', destination: 'text', has_link: 'boolean', has_survey: 'boolean' }, patterns);
    await createWorkTable(tx, 'pattern_segments', { pattern_id: 'int', variant: 'text', first_name: 'text', encoding: 'text', segments: 'int' }, segments);
    const keywordAutomations = automations.automations
      .filter((a) => a.trigger === 'keyword')
      .map((a) => ({ accountId: Number(a.account_id), automationId: Number(a.id), keyword: String(a.trigger_keyword) }));
    await createWorkTable(
      tx,
      'pools',
      { account_id: 'bigint', pool: 'text', bodies: 'text[]', cumulative: 'float8[]', keywords: 'text[]', encodings: 'text[]', segments: 'int[]' },
      planPools(accounts, keywordAutomations),
    );
    await createWorkTable(
      tx,
      'question_plan',
      { account_id: 'bigint', question_id: 'bigint', survey_id: 'bigint', kind: 'text', required: 'boolean', choices: 'text[]', cumulative: 'float8[]', ticks: 'float8[]', answers: 'text[]', answer_share: 'float8' },
      catalog.questionPlan,
    );
    await planContacts(tx, ctx, accounts);
    await planSends(tx, ctx, { campaigns: campaigns.plans, automations: automations.plans });
  });
  await phase(log, 'history: replies, opt-outs, threads', () => planHistory(tx, ctx));

  const indexes = await dropLoadingIndexes(tx);
  await phase(log, 'contacts and tags', () => insertContacts(tx));
  await phase(log, 'messages, callbacks, executions', () => writeMessages(tx, ctx));
  await phase(log, 'opt-outs, links, clicks', async () => {
    await writeOptOuts(tx);
    await writeLinks(tx, ctx);
  });
  await phase(log, 'surveys: invitations and answers', () => writeSurveys(tx, ctx));
  await phase(log, 'campaign completion, plan allowance', async () => {
    await completeCampaigns(tx);
    await fitAllowance(tx, ctx);
    // Fresh statistics for the tables the recount reads.
    await tx.execute(sql.raw(`analyze ${RECOUNTED_FROM.join(', ')}`));
  });
  // The per-row counters (messages.credits, links.click_count) were written right;
  // the tests verify every family.
  await phase(log, 'rollups (rebuilt from raw rows)', () => rebuildStats(tx, { families: ROLLUP_TABLES }));
  await phase(log, 'indexes', () => restoreIndexes(tx, indexes));
  await phase(log, 'sequences, cleanup', async () => {
    await restartSequences(tx);
    await tx.execute(sql.raw(`drop schema ${WORK_SCHEMA} cascade`));
  });
  const [counts] = await tx.execute<{ contacts: number; messages: number; events: number }>(sql`
    select (select count(*) from contacts)::int as contacts, (select count(*) from messages)::int as messages,
           (select count(*) from message_events)::int as events`);
  log(`  ${counts!.contacts} contacts, ${counts!.messages} messages, ${counts!.events} message events`);
}

/**
 * As pg_restore --disable-triggers does: the rows are consistent by construction
 * (the seed's tests check every foreign key), and checking each of millions of
 * rows one by one would take most of the time. Only a superuser may; otherwise
 * the checks run and the seed is slower.
 */
async function skipForeignKeyChecks(tx: Executor, log: (line: string) => void): Promise<void> {
  const [role] = await tx.execute<{ superuser: boolean }>(sql`select rolsuper as superuser from pg_roles where rolname = current_user`);
  if (role?.superuser) await tx.execute(sql`set local session_replication_role = replica`);
  else log('  (not a superuser: foreign keys are checked row by row, which is slower)');
}

/** Identity sequences continue after the planned ids. */
async function restartSequences(tx: Executor): Promise<void> {
  const identities = await tx.execute<{ table: string; column: string }>(sql`
    select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = 'public' and is_identity = 'YES'`);
  for (const { table, column } of identities) {
    await tx.execute(
      sql.raw(`select setval(pg_get_serial_sequence('public."${table}"', '${column}'),
                             coalesce((select max("${column}") from public."${table}"), 0) + 1, false)`),
    );
  }
}
