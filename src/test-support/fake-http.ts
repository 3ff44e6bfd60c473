import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A recorded request to a fake platform. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, or the fields of a multipart form (files as { name, type, size, content }). */
  body: Record<string, unknown>;
}

export interface FakeFile {
  fileName: string;
  type: string;
  size: number;
  content: Buffer;
}

export type Handler = (
  request: RecordedRequest,
  url: URL,
) => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>;

/** A loopback HTTP server for a fake platform API; `close()` stops it. */
export async function startFakeServer(
  handler: Handler,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => void respond(req, res, handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function respond(req: IncomingMessage, res: ServerResponse, handler: Handler): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', 'http://fake');
  const type = req.headers['content-type'] ?? '';
  let body: Record<string, unknown> = {};
  if (type.startsWith('application/json') && raw.length) body = JSON.parse(raw.toString('utf8'));
  else if (type.startsWith('multipart/form-data')) body = await readForm(raw, type);
  for (const [key, value] of url.searchParams) body[key] ??= value;
  const answer = await handler(
    { method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body },
    url,
  );
  if (Buffer.isBuffer(answer.body)) {
    res.writeHead(answer.status, { 'content-type': 'application/octet-stream', ...answer.headers });
    res.end(answer.body);
    return;
  }
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

async function readForm(raw: Buffer, type: string): Promise<Record<string, unknown>> {
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form) {
    if (typeof value === 'string') fields[key] = value;
    else {
      const content = Buffer.from(await value.arrayBuffer());
      fields[key] = {
        fileName: value.name,
        type: value.type,
        size: content.length,
        content,
      } satisfies FakeFile;
    }
  }
  return fields;
}
