import { smsProviderName } from '@/lib/config';
import { requireManagerForRoute } from '@/lib/auth/session';
import { normalizePhone } from '@/lib/contacts/phone';
import { simOutbox } from '@/lib/sim/outbox';

/** CONTRACT: the simulator's outbox for the signed-in manager's account, newest first. */
export async function GET(request: Request): Promise<Response> {
  if (smsProviderName() !== 'sim') return Response.json({ error: 'the simulator is not the SMS provider' }, { status: 404 });
  const manager = await requireManagerForRoute();
  if (manager instanceof Response) return manager;
  const raw = new URL(request.url).searchParams.get('to');
  let to: string | null = null;
  if (raw !== null && raw.trim() !== '') {
    const normalized = normalizePhone(raw, manager.account.country);
    if (!normalized.ok) return Response.json({ error: `to: not a phone number (${normalized.reason})` }, { status: 400 });
    to = normalized.e164;
  }
  const texts = await simOutbox(manager.ctx, { to });
  return Response.json(
    texts.map((t) => ({ sid: t.sid, to: t.to, from: t.from, body: t.body, createdAt: t.createdAt.toISOString() })),
    { headers: { 'cache-control': 'no-store' } },
  );
}
