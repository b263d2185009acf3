// The campaign a /campaigns/{id} page is about, for the signed-in manager: 404 for an
// id that cannot be one, does not exist, or belongs to another account. Shared by the
// layout and every tab (the lookup is cached per request).
import 'server-only';
import { notFound } from 'next/navigation';
import { requireManager, type ManagerContext } from '@/lib/auth/session';
import { findCampaign, type CampaignHeader } from '@/lib/campaigns/detail';
import { parseCampaignId } from '@/lib/campaigns/recipient-params';
import { NotFoundError } from '@/lib/errors';

export async function loadCampaign(rawId: string): Promise<ManagerContext & { campaign: CampaignHeader }> {
  const manager = await requireManager();
  const id = parseCampaignId(rawId);
  if (id === null) notFound();
  let campaign: CampaignHeader | null = null;
  try {
    campaign = await findCampaign(manager.ctx, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  if (!campaign) notFound();
  return { ...manager, campaign };
}
