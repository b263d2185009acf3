// Tracked links: a person's tap redirects and counts; link previews, crawlers and HEAD
// requests are recorded but never counted; unknown codes find nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, HEAD } from '@/app/l/[code]/route';
import { db } from '@/db/client';
import { campaignStats, linkClicks, links } from '@/db/schema';
import { recordLinkVisit } from '@/lib/messaging/tracked-links';
import { verifyStats } from '@/lib/stats';
import { campaignWorld, sendCampaign, stopTestBoss, useTwilioTestEnvironment, type World } from '../../support/messaging';

beforeAll(useTwilioTestEnvironment);
afterAll(stopTestBoss);

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const PREVIEWERS = [
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'WhatsApp/2.23.20.0',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Twitterbot/1.0',
];

async function linkedWorld() {
  const world = await campaignWorld({ contacts: [{}], body: 'See https://example.com/deal' });
  await sendCampaign(world);
  const [link] = await db.select().from(links).where(eq(links.accountId, world.account.id));
  return { world, code: link!.code };
}

const visit = (code: string, method: 'GET' | 'HEAD', userAgent?: string) => {
  const request = new Request(`http://127.0.0.1:3000/l/${code}`, { method, headers: userAgent ? { 'user-agent': userAgent } : {} });
  const context = { params: Promise.resolve({ code }) };
  return method === 'GET' ? GET(request, context) : HEAD(request, context);
};

async function statsOf(world: World) {
  const [stats] = await db.select().from(campaignStats).where(and(eq(campaignStats.accountId, world.account.id), eq(campaignStats.campaignId, world.campaign.id)));
  return stats!;
}

describe('tracked links', () => {
  it('redirects a person with 302 and counts each click, the recipient once', async () => {
    const { world, code } = await linkedWorld();
    const first = await visit(code, 'GET', IPHONE);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('https://example.com/deal');
    await visit(code, 'GET', IPHONE);
    expect(await statsOf(world)).toMatchObject({ clicked: 1, clicksTotal: 2 });
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
  });

  it('records previews, crawlers, HEAD requests and blank agents without counting them', async () => {
    const { world, code } = await linkedWorld();
    for (const agent of PREVIEWERS) expect((await visit(code, 'GET', agent)).status).toBe(302);
    await visit(code, 'HEAD', IPHONE);
    await visit(code, 'GET');
    expect(await statsOf(world)).toMatchObject({ clicked: 0, clicksTotal: 0 });
    const recorded = await db.select().from(linkClicks).where(eq(linkClicks.accountId, world.account.id));
    expect(recorded).toHaveLength(PREVIEWERS.length + 2);
    expect(recorded.every((c) => c.isBot)).toBe(true);
    expect(await verifyStats(db, { accountId: world.account.id })).toEqual([]);
  });

  it('finds nothing for an unknown or malformed code, and stores nothing', async () => {
    const before = await db.$count(linkClicks);
    for (const code of ['AAAAAAAAAAAA', '../../etc/pw', '', 'x'.repeat(5000), "abc' or 1=1"]) {
      expect(await recordLinkVisit({ code, method: 'GET', userAgent: IPHONE })).toBeNull();
    }
    const missing = await visit('ZZZZZZZZZZZZ', 'GET', IPHONE);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('This link doesn’t work');
    expect(await db.$count(linkClicks)).toBe(before);
  });
});
