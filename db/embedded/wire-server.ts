// Serves one PGlite instance on the PostgreSQL wire protocol to several clients
// (the web server's pool, the worker, pg-boss, psql).
//
// PGlite is a single backend session, so clients must take turns. The turn is not
// one message: an extended-protocol query is Parse/Bind/Describe/Execute up to a
// Sync, and postgres.js even pauses between Describe and Bind; a transaction spans
// many such exchanges. A client therefore keeps the backend from its first message
// until the backend answers ReadyForQuery with status 'I' (idle, no transaction).
// (@electric-sql/pglite-socket's multiplexer hands the backend over between single
// messages, which interleaves two clients' unnamed statements; see docs/decisions.md.)
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'
const TERMINATE = 0x58; // 'X'

type Client = {
  socket: net.Socket;
  pending: Buffer;
  started: boolean;
  closed: boolean;
  /** Serializes this client's exchanges in arrival order. */
  queue: Promise<void>;
};

export type WireServer = {
  port: number;
  host: string;
  close(): Promise<void>;
};

export async function serveOverWire(db: PGlite, options: { host?: string; port?: number } = {}): Promise<WireServer> {
  const host = options.host ?? '127.0.0.1';
  let owner: Client | null = null;
  const waiting: Array<{ client: Client; grant: () => void }> = [];
  const clients = new Set<Client>();

  const acquire = (client: Client) =>
    new Promise<void>((grant) => {
      if (owner === null || owner === client) {
        owner = client;
        grant();
      } else {
        waiting.push({ client, grant });
      }
    });

  const release = () => {
    const next = waiting.shift();
    owner = next ? next.client : null;
    next?.grant();
  };

  const exchange = async (client: Client, bytes: Buffer) => {
    await acquire(client);
    const chunks: Uint8Array[] = [];
    await db.execProtocolRawStream(bytes, { onRawData: (data) => chunks.push(Buffer.from(data)) });
    const reply = Buffer.concat(chunks);
    // The reply ends with ReadyForQuery (Z, length 5, status) when the exchange is complete.
    const n = reply.length;
    const idle = n >= 6 && reply[n - 6] === READY_FOR_QUERY && reply[n - 1] === IDLE;
    if (!client.closed) client.socket.write(reply);
    if (idle) release();
  };

  const abandon = async (client: Client) => {
    if (owner !== client) {
      const index = waiting.findIndex((w) => w.client === client);
      if (index >= 0) waiting.splice(index, 1);
      return;
    }
    // The client vanished mid-exchange or mid-transaction: end both before the next client.
    await db.execProtocolRawStream(Buffer.from([0x53, 0, 0, 0, 4]), { onRawData: () => {} }); // Sync
    if (db.isInTransaction()) await db.exec('ROLLBACK');
    release();
  };

  const onData = (client: Client, chunk: Buffer) => {
    client.pending = Buffer.concat([client.pending, chunk]);
    const complete: Buffer[] = [];
    for (;;) {
      const buf = client.pending;
      if (!client.started) {
        if (buf.length < 8) break;
        const length = buf.readInt32BE(0);
        if (buf.length < length) break;
        const code = buf.readInt32BE(4);
        client.pending = buf.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          client.socket.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) {
          client.socket.end();
          return;
        }
        client.started = true;
        complete.push(buf.subarray(0, length));
        continue;
      }
      if (buf.length < 5) break;
      const length = 1 + buf.readInt32BE(1);
      if (buf.length < length) break;
      if (buf[0] === TERMINATE) {
        client.socket.end();
        return;
      }
      complete.push(buf.subarray(0, length));
      client.pending = buf.subarray(length);
    }
    if (complete.length === 0) return;
    const bytes = Buffer.concat(complete);
    client.queue = client.queue
      .then(() => exchange(client, bytes))
      .catch((error: unknown) => {
        console.error('embedded database: exchange failed', error);
        client.socket.destroy();
      });
  };

  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    const client: Client = { socket, pending: Buffer.alloc(0), started: false, closed: false, queue: Promise.resolve() };
    clients.add(client);
    socket.on('data', (chunk: Buffer) => onData(client, chunk));
    const close = () => {
      if (client.closed) return;
      client.closed = true;
      clients.delete(client);
      client.queue = client.queue.then(() => abandon(client)).catch(() => {});
    };
    socket.on('close', close);
    socket.on('error', close);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('embedded database: no TCP address');

  return {
    port: address.port,
    host,
    async close() {
      for (const client of clients) client.socket.destroy();
      await Promise.all([...clients].map((c) => c.queue));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
