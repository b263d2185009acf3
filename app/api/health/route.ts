// GET /api/health (CONTRACT.md): 200 {"status":"ok"} when the database answers, else 503.
import { databaseAnswers } from '@/lib/health';

// Every request asks the database anew; never prerendered or cached.
export const dynamic = 'force-dynamic';

export async function GET() {
  const ok = await databaseAnswers();
  return Response.json(
    { status: ok ? 'ok' : 'unavailable' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
