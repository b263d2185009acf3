// Starts the embedded PostgreSQL (PGlite, with pg_trgm and btree_gin) on a data
// directory and serves it on 127.0.0.1. Callers own the lock on the directory (see lock.ts).
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { serveOverWire } from './wire-server';

export type EmbeddedDatabase = {
  url: string;
  /** A gzipped copy of the data directory, loadable with `loadDataDir`. */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
};

/** `dataDir` undefined keeps the database in memory (tests). `loadDataDir` restores a dump. */
export async function startEmbeddedDatabase(options: {
  dataDir?: string;
  port?: number;
  loadDataDir?: Blob;
}): Promise<EmbeddedDatabase> {
  const pg = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { btree_gin, pg_trgm },
    loadDataDir: options.loadDataDir,
  });
  const server = await serveOverWire(pg, { port: options.port });
  return {
    url: `postgres://postgres:postgres@${server.host}:${server.port}/postgres?sslmode=disable`,
    dump: () => pg.dumpDataDir('gzip'),
    async stop() {
      await server.close();
      await pg.close();
    },
  };
}
