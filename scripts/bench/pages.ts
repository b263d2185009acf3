// Pages benchmark: the reads behind /campaigns and /campaigns/{id} on the Demo
// account at scale L (its 250k-recipient campaign included) against the same reads
// at scale S, in one run. Each page is timed as the page issues its reads (together,
// as its Promise.all does); the target is L within 1.2× of S, page by page.
//
// Seeding scale L takes minutes, so already-seeded databases can be passed in
// (BENCH_S_DATABASE_URL, BENCH_L_DATABASE_URL); otherwise both are seeded on the
// PostgreSQL server of BENCH_DATABASE_URL/DATABASE_URL and dropped afterwards.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { connect, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';
import type { SeedScale } from '@/db/seed/plan';
import type { Plan } from '@/lib/billing/usage';
import { campaignTab, findCampaign } from '@/lib/campaigns/detail';
import { refreshCampaignEstimates } from '@/lib/campaigns/estimates';
import { DEFAULT_LIST_PARAMS } from '@/lib/campaigns/list-params';
import { countCampaigns, listCampaigns, overviewCards } from '@/lib/campaigns/overview';
import { DEFAULT_VIEW, type RecipientView } from '@/lib/campaigns/recipient-params';
import { countRecipients, recipientsPage } from '@/lib/campaigns/recipients';
import type { Ctx } from '@/lib/context';

const TARGET_RATIO = 1.2;

type Scaled = { scale: SeedScale; url: string; drop(): Promise<void> };

/** A database seeded at `scale`: the one given in `env`, else a throwaway one on `server`. */
async function seeded(scale: SeedScale, env: string | undefined, server: string | undefined): Promise<Scaled> {
  if (env) {
    await migrateDatabase(env);
    return { scale, url: env, drop: async () => {} };
  }
  if (!server) throw new Error('the pages benchmark seeds scale L, which needs a PostgreSQL server: set BENCH_DATABASE_URL (or pass BENCH_S_DATABASE_URL and BENCH_L_DATABASE_URL)');
  const name = `pulse_bench_pages_${scale.toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  console.log(`bench: seeding scale ${scale} into ${name} …`);
  await seedDemoData(url.toString(), { scale, seed: 1, log: (line) => console.log(`  ${line}`) });
  return {
    scale,
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

type Page = { name: string; load: () => Promise<unknown> };

/**
 * Searches of the big campaign's recipients: reported beside the pages, without the
 * ratio target, since a search costs what its matches cost (sorting 4,000 Smiths at L
 * against 50 at S): a common name, a phone fragment, a two-letter search (too short for
 * the trigram index) and a typo that matches nobody.
 */
const SEARCHES = ['smith', '555-01', 'zz', 'qwxz'];

/** The pages a manager of the Demo account opens, each as the reads its server component makes. */
async function demoPages(db: Database): Promise<{ pages: Page[]; searches: Page[]; largest: number }> {
  const [account] = await db.execute<{ id: string; time_zone: string; monthly_credits: number | null; overage_price_per_credit: string }>(
    sql`select id, time_zone, monthly_credits, overage_price_per_credit from accounts where name = 'Demo'`,
  );
  if (!account) throw new Error('no Demo account: is this database seeded?');
  const ctx: Ctx = { accountId: Number(account.id), userId: null, db };
  const plan: Plan = { accountId: ctx.accountId, timeZone: account.time_zone, monthlyCredits: account.monthly_credits, overagePricePerCredit: Number(account.overage_price_per_credit) };
  // As a running worker would have: every waiting campaign's estimate stored.
  await refreshCampaignEstimates(db, 10_000);

  const [biggest] = await db.execute<{ id: string; recipients: number }>(sql`
    select s.campaign_id as id, s.recipients from campaign_stats s join campaigns c on c.account_id = s.account_id and c.id = s.campaign_id
    where s.account_id = ${ctx.accountId} and c.status = 'sent' order by s.recipients desc, s.campaign_id limit 1`);
  const [scheduled] = await db.execute<{ id: string }>(sql`
    select id from campaigns where account_id = ${ctx.accountId} and status = 'scheduled' order by scheduled_at, id limit 1`);
  if (!biggest || !scheduled) throw new Error('the Demo account has no sent or no scheduled campaign');
  const campaignId = Number(biggest.id);
  // Nine tenths of the way down the table by name: page 5,000 of the 250k campaign.
  const [deep] = await db.execute<{ sort_name: string; contact_id: string }>(sql`
    select sort_name, contact_id from campaign_recipients where account_id = ${ctx.accountId} and campaign_id = ${campaignId}
    order by sort_name, contact_id offset ${Math.floor(Number(biggest.recipients) * 0.9)} limit 1`);
  const now = new Date();

  const overview = (params = DEFAULT_LIST_PARAMS) => () =>
    Promise.all([overviewCards(ctx, plan, now), countCampaigns(ctx, params), listCampaigns(ctx, plan, params, now)]);
  const campaignPage = (id: number, view: RecipientView) => async () => {
    const campaign = await findCampaign(ctx, id);
    return Promise.all([campaignTab(ctx, campaign, plan, now), recipientsPage(ctx, id, view), countRecipients(ctx, id, view)]);
  };
  const view = (changes: Partial<RecipientView>): RecipientView => ({ ...DEFAULT_VIEW, ...changes });

  return {
    largest: Number(biggest.recipients),
    pages: [
      { name: '/campaigns', load: overview() },
      { name: '/campaigns?sort=replies&dir=desc', load: overview({ ...DEFAULT_LIST_PARAMS, sort: 'replies', dir: 'desc' }) },
      { name: '/campaigns?status=scheduled', load: overview({ ...DEFAULT_LIST_PARAMS, status: 'scheduled' }) },
      { name: '/campaigns/{largest}', load: campaignPage(campaignId, DEFAULT_VIEW) },
      { name: '/campaigns/{largest}?status=failed', load: campaignPage(campaignId, view({ status: 'failed' })) },
      { name: '/campaigns/{largest}?replied=1&sort=replied_at&dir=desc', load: campaignPage(campaignId, view({ flags: { ...DEFAULT_VIEW.flags, replied: true }, sort: 'replied_at', dir: 'desc' })) },
      {
        name: '/campaigns/{largest}?cursor=(9/10 of the way)',
        load: campaignPage(campaignId, view({ cursor: deep ? { mode: 'after', sort: 'name', dir: 'asc', key: deep.sort_name, contactId: Number(deep.contact_id) } : null })),
      },
      { name: '/campaigns/{scheduled}', load: campaignPage(Number(scheduled.id), DEFAULT_VIEW) },
    ],
    searches: SEARCHES.map((q) => ({ name: `/campaigns/{largest}?q=${q}`, load: campaignPage(campaignId, view({ q })) })),
  };
}

/** Median milliseconds of `rounds` loads after a warm-up. */
async function median(page: Page, rounds: number): Promise<number> {
  for (let i = 0; i < 3; i++) await page.load();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    await page.load();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function pagesBenchmark(options: { rounds: number }) {
  const server = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const small = await seeded('S', process.env.BENCH_S_DATABASE_URL, server);
  const large = await seeded('L', process.env.BENCH_L_DATABASE_URL, server);
  const clients = [small, large].map((s) => connect(s.url, { max: 4, applicationName: `pulse-bench-${s.scale}` }));
  try {
    const [s, l] = await Promise.all(clients.map((c) => demoPages(c.db)));
    const pages = [];
    for (let i = 0; i < s!.pages.length; i++) {
      // Alternating S and L page by page, so a busy moment of the machine hits both.
      const atS = await median(s!.pages[i]!, options.rounds);
      const atL = await median(l!.pages[i]!, options.rounds);
      const ratio = Math.round((atL / atS) * 100) / 100;
      pages.push({ page: s!.pages[i]!.name, msAtS: round(atS), msAtL: round(atL), ratio, met: ratio <= TARGET_RATIO });
    }
    const searches = [];
    for (let i = 0; i < s!.searches.length; i++) {
      const atS = await median(s!.searches[i]!, options.rounds);
      const atL = await median(l!.searches[i]!, options.rounds);
      searches.push({ page: s!.searches[i]!.name, msAtS: round(atS), msAtL: round(atL) });
    }
    return {
      rounds: options.rounds,
      largestCampaign: { S: s!.largest, L: l!.largest },
      pages,
      searches,
      target: { ratioLtoS: TARGET_RATIO, met: pages.every((p) => p.met) },
    };
  } finally {
    await Promise.all(clients.map((c) => c.sql.end()));
    await small.drop();
    await large.drop();
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
