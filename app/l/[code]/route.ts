import { linkNotFoundPage } from '@/lib/messaging/link-not-found';
import { recordLinkVisit } from '@/lib/messaging/tracked-links';

async function visit(request: Request, { params }: RouteContext<'/l/[code]'>): Promise<Response> {
  const { code } = await params;
  const found = await recordLinkVisit({ code, method: request.method, userAgent: request.headers.get('user-agent') });
  // Next's notFound() answers a route handler with an empty body; recipients get a page.
  if (!found) return linkNotFoundPage(request.headers.get('accept-language'));
  return new Response(null, {
    status: 302,
    headers: { location: found.destination, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
}

export const GET = visit;
export const HEAD = visit;
