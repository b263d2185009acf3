// A sending campaign becomes `sent` once its launch created every message and none is
// left waiting to be handed to the provider (quiet hours, retries and resends included).
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';

export async function finishCampaignsIfDone(campaigns: Array<{ accountId: number; campaignId: number }>): Promise<void> {
  for (const { accountId, campaignId } of campaigns) {
    // The partial dispatch index holds only undispatched messages, so this probe stays cheap.
    await db.execute(sql`
      update campaigns c set status = 'sent', completed_at = now(), updated_at = now()
      where c.account_id = ${accountId} and c.id = ${campaignId}
        and c.status = 'sending' and c.fanned_out_at is not null
        and not exists (
          select 1 from messages m
          where m.account_id = c.account_id and m.phone_number_id = c.from_number_id
            and m.status in ('pending', 'ready', 'claimed') and m.campaign_id = c.id)`);
  }
}
