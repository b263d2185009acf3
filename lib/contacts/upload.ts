// The multipart form of a contacts upload, read as it arrives with busboy: the part
// named `file` streams into the staging (csv-import.ts) with backpressure, every
// other part is skipped, and the file's size is capped while it flows.
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy, { type Busboy } from 'busboy';
import type { Ctx } from '@/lib/context';
import { ImportFileError, stageContactsCsv, type StagingResult } from './csv-import';

const MEGABYTE = 1024 * 1024;
/** Largest file accepted: 200,000 contacts with long names and many tags fit well within it. */
export const MAX_UPLOAD_MB = 50;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * MEGABYTE;

/**
 * Whether a post comes from a page of this site: browsers send Origin with every
 * form post, and route handlers (unlike server actions) have no check of their own.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.split(',')[0]!.trim();
  } catch {
    return false; // "null" (a sandboxed or privacy-sensitive context) and anything unparsable
  }
}

/**
 * Stages the file of a multipart/form-data body. A missing file, an oversized one
 * and a body that breaks off are file-level refusals like any other.
 *
 * A body shorter than its Content-Length was cut on this side: a browser that gave
 * up would not be there to read the answer. Next.js does that to bodies that pass
 * through proxy.ts beyond its proxyClientMaxBodySize (10 MB unless configured), so
 * the manager is told the size that got through rather than to check a connection.
 */
export async function stageCsvUpload(
  ctx: Ctx,
  upload: { contentType: string; contentLength: number | null; body: ReadableStream<Uint8Array>; country: string },
): Promise<StagingResult> {
  const read = { bytes: 0 };
  const result = await stageMultipart(ctx, upload, read);
  const cutShort = upload.contentLength !== null && read.bytes < upload.contentLength;
  if (!result.ok && result.problem === 'incomplete' && cutShort) {
    return { ok: false, problem: 'too_large', line: null, limitMb: Math.max(1, Math.round(read.bytes / MEGABYTE)) };
  }
  return result;
}

async function stageMultipart(
  ctx: Ctx,
  upload: { contentType: string; body: ReadableStream<Uint8Array>; country: string },
  read: { bytes: number },
): Promise<StagingResult> {
  let form: Busboy;
  try {
    form = busboy({
      headers: { 'content-type': upload.contentType },
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 20, fieldSize: 4096, parts: 25 },
    });
  } catch {
    // Not multipart, or no boundary: there is no file to read.
    return { ok: false, problem: 'no_file', line: null, limitMb: null };
  }

  let staging: Promise<StagingResult> | null = null;
  form.on('file', (name, stream, info) => {
    if (name !== 'file' || staging !== null) {
      stream.resume();
      return;
    }
    const file = new PassThrough();
    // The staging's pipeline reports the file's errors; once it is over, late ones have nowhere to go.
    file.on('error', () => {});
    stream.on('limit', () => file.destroy(new ImportFileError('too_large')));
    stream.on('error', () => file.destroy(new ImportFileError('incomplete')));
    stream.pipe(file);
    staging = stageContactsCsv(ctx, { filename: info.filename ?? '', bytes: file, country: upload.country }).finally(() => {
      // A refused file stops being read; the rest of it still has to flow for the form to end.
      stream.unpipe(file);
      stream.resume();
    });
  });

  const body = Readable.fromWeb(upload.body as WebReadableStream<Uint8Array>);
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read.bytes += chunk.length;
      done(null, chunk);
    },
  });
  const complete = await pipeline(body, counted, form).then(
    () => true,
    () => false,
  );
  const staged = staging as Promise<StagingResult> | null;
  if (staged !== null) return staged;
  return { ok: false, problem: complete ? 'no_file' : 'incomplete', line: null, limitMb: null };
}
