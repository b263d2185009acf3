// The contacts CSV upload (CONTRACT: a form with a file field `file`). A route
// handler, not a server action: actions buffer the whole body and refuse it past
// 1 MB, while this streams the file into the staging as it arrives. Then 303 to the
// import's page, or back to the list with the reason a file was refused.
import { requireManagerForRoute } from '@/lib/auth/session';
import { importErrorHref } from '@/lib/contacts/list-params';
import { isSameOriginPost, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, stageCsvUpload } from '@/lib/contacts/upload';

// Room for the multipart framing around a file of the largest accepted size.
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  const manager = await requireManagerForRoute();
  if (manager instanceof Response) return manager;
  if (!isSameOriginPost(request.headers)) return Response.json({ error: 'cross-origin upload refused' }, { status: 403 });

  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType) || request.body === null) return seeOther(importErrorHref({ problem: 'no_file' }));
  const declared = request.headers.get('content-length');
  const contentLength = declared !== null && /^\d+$/.test(declared) ? Number(declared) : null;
  if (contentLength !== null && contentLength > MAX_BODY_BYTES) return seeOther(importErrorHref({ problem: 'too_large', limitMb: MAX_UPLOAD_MB }));

  const staged = await stageCsvUpload(manager.ctx, { contentType, contentLength, body: request.body, country: manager.account.country });
  return seeOther(staged.ok ? `/contacts/import/${staged.importId}` : importErrorHref(staged));
}

/** The upload form lives on the contact list. */
export function GET(): Response {
  return seeOther('/contacts#import');
}
