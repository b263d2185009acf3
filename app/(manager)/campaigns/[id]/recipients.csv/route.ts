// GET /campaigns/{id}/recipients.csv (CONTRACT): the rows the recipients table's
// filter shows, every page of them, streamed in batches so any size takes the same
// memory. Managers of the campaign's account only: 401 signed out, 403 for an agent,
// 404 for an unknown id or another account's campaign.
import { requireManagerForRoute } from '@/lib/auth/session';
import { findCampaign } from '@/lib/campaigns/detail';
import { parseCampaignId, parseRecipientView } from '@/lib/campaigns/recipient-params';
import { allRecipients } from '@/lib/campaigns/recipients';
import { NotFoundError } from '@/lib/errors';
import { csvHeader, csvLines } from '../_components/recipients-csv';

const EXPORT_BATCH = 1000;

export async function GET(request: Request, { params }: RouteContext<'/campaigns/[id]/recipients.csv'>): Promise<Response> {
  const manager = await requireManagerForRoute();
  if (manager instanceof Response) return manager;
  const campaignId = parseCampaignId((await params).id);
  if (campaignId === null) return notFound();
  try {
    await findCampaign(manager.ctx, campaignId);
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }

  // The table's query without its cursor: everything that matches, from the top.
  const view = { ...parseRecipientView(new URL(request.url).searchParams), cursor: null };
  const batches = allRecipients(manager.ctx, campaignId, view, EXPORT_BATCH);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvHeader()));
    },
    // One batch per pull: the next query runs only when the client has taken the last one.
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="campaign-${campaignId}-recipients.csv"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

function notFound(): Response {
  return Response.json({ error: 'not found' }, { status: 404 });
}
