// GET /api/health: 200 {"status":"ok"} while the database answers, 503 otherwise,
// and an answer within about two seconds even when the database hangs.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { connect } from '@/db/client';
import { databaseAnswers } from '@/lib/health';

describe('GET /api/health', () => {
  it('answers 200 ok while the database answers', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('the database check', () => {
  // A server that accepts connections and never says a word, like a database stuck on a lock or a full disk.
  const silent = net.createServer(() => {});
  const sockets = new Set<net.Socket>();
  silent.on('connection', (socket) => sockets.add(socket));
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });

  it('says no when nothing listens', async () => {
    const { sql } = connect('postgres://postgres@127.0.0.1:9/none', { max: 1 });
    expect(await databaseAnswers({ sql })).toBe(false);
    await sql.end({ timeout: 1 });
  });

  it('says no within about two seconds when the database does not answer', async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const { sql } = connect(`postgres://postgres@127.0.0.1:${port}/none`, { max: 1 });
    const started = Date.now();
    expect(await databaseAnswers({ sql, timeoutMs: 2_000 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
    await sql.end({ timeout: 0 });
  });
});
