// A recipient tapping their tracked link (/l/CODE): every request is recorded; only
// human clicks count. Link-preview fetchers, crawlers and HEAD requests are flagged as
// bots by a maintained user-agent list (isbot) and never reach the counters.
import { eq, and, sql } from 'drizzle-orm';
import { isbot } from 'isbot';
import { db } from '@/db/client';
import { linkClicks, linkCodes, links } from '@/db/schema';
import { isLinkCode } from '@/lib/messaging/links';
import { recordHumanClick } from '@/lib/messaging/rollups';

export type LinkVisit = { code: string; method: string; userAgent: string | null; at?: Date };

/** Whether a request comes from a person's browser rather than a bot or a preview. */
export function isHumanVisit(method: string, userAgent: string | null): boolean {
  if (method.toUpperCase() !== 'GET') return false;
  if (!userAgent || userAgent.trim() === '') return false;
  return !isbot(userAgent);
}

/** Records the visit and returns where to send the visitor, or null for an unknown code. */
export async function recordLinkVisit(visit: LinkVisit): Promise<{ destination: string } | null> {
  if (!isLinkCode(visit.code)) return null;
  const at = visit.at ?? new Date();
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({
        accountId: links.accountId,
        id: links.id,
        destination: links.destination,
        contactId: links.contactId,
        campaignId: links.campaignId,
        automationId: links.automationId,
      })
      .from(linkCodes)
      .innerJoin(links, and(eq(links.accountId, linkCodes.accountId), eq(links.id, linkCodes.linkId)))
      .where(eq(linkCodes.code, visit.code));
    if (!link) return null;
    const human = isHumanVisit(visit.method, visit.userAgent);
    await tx.insert(linkClicks).values({
      accountId: link.accountId,
      linkId: link.id,
      isBot: !human,
      method: visit.method.toUpperCase().slice(0, 10),
      userAgent: visit.userAgent?.slice(0, 512) ?? null,
      clickedAt: at,
    });
    if (human) {
      await tx
        .update(links)
        .set({ clickCount: sql`${links.clickCount} + 1` })
        .where(and(eq(links.accountId, link.accountId), eq(links.id, link.id)));
      await recordHumanClick(tx, { accountId: link.accountId, contactId: link.contactId, campaignId: link.campaignId, automationId: link.automationId, at });
    }
    return { destination: link.destination };
  });
}
