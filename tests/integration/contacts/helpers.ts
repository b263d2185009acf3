// Shared by the contact integration tests: CSV files and the multipart form a
// browser posts to /contacts/import, built as streams so big files never sit in memory.
import { Readable } from 'node:stream';

export const BOUNDARY = '----PulseTestBoundary7MA4YWxkTrZu0gW';

type Part = { name: string; filename?: string; type?: string; content: string | Buffer | Iterable<string | Buffer> | AsyncIterable<string | Buffer> };

async function* chunksOf(content: Part['content']): AsyncIterable<Buffer> {
  if (typeof content === 'string') yield Buffer.from(content);
  else if (Buffer.isBuffer(content)) yield content;
  else for await (const chunk of content) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/** A multipart/form-data body, streamed part by part. */
export async function* multipart(parts: Part[]): AsyncIterable<Buffer> {
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const type = part.filename !== undefined ? `\r\nContent-Type: ${part.type ?? 'text/csv'}` : '';
    yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`);
    yield* chunksOf(part.content);
    yield Buffer.from('\r\n');
  }
  yield Buffer.from(`--${BOUNDARY}--\r\n`);
}

export type UploadOptions = {
  origin?: string | null;
  host?: string;
  contentType?: string;
  contentLength?: number;
};

/** The request a browser sends when the import form is submitted on http://localhost:3000. */
export function uploadRequest(body: Iterable<Buffer> | AsyncIterable<Buffer>, options: UploadOptions = {}): Request {
  const headers = new Headers({
    host: options.host ?? 'localhost:3000',
    'content-type': options.contentType ?? `multipart/form-data; boundary=${BOUNDARY}`,
  });
  const origin = options.origin === undefined ? 'http://localhost:3000' : options.origin;
  if (origin !== null) headers.set('origin', origin);
  if (options.contentLength !== undefined) headers.set('content-length', String(options.contentLength));
  return new Request('http://localhost:3000/contacts/import', {
    method: 'POST',
    headers,
    body: Readable.toWeb(Readable.from(body)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
}

/** A CSV file posted as the form's `file` field. */
export function fileUpload(csv: Part['content'], filename = 'contacts.csv', options: UploadOptions = {}) {
  return uploadRequest(multipart([{ name: 'file', filename, content: csv }]), options);
}

export const HEADER = 'first_name,last_name,phone,time_zone,tags,birthday';

export function csv(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
