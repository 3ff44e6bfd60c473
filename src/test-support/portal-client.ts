import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** Test files: the smallest real PNG and PDF, and a Windows program's first bytes. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

export interface Upload {
  field?: string;
  filename: string;
  content: Buffer;
  type?: string;
}

/** A multipart/form-data body as a browser sends it. */
export function multipart(fields: Record<string, string>, files: Upload[] = []) {
  const boundary = `----loket${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'files'}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A browser-like visitor: keeps cookies and reads the CSRF token from the last page. */
export class Visitor {
  cookies = new Map<string, string>();
  csrf = '';
  last?: LightMyRequestResponse;

  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  #remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies) this.cookies.set(cookie.name, cookie.value);
    const token = /name="csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.csrf = token[1]!;
    this.last = response;
    return response;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { ...this.headers, cookie: this.cookieHeader() },
    });
    return this.#remember(response);
  }

  /** Posts a form as multipart, with the CSRF token unless `csrf` is given (or null to leave it out). */
  async post(
    url: string,
    fields: Record<string, string>,
    files: Upload[] = [],
    csrf: string | null = this.csrf,
  ): Promise<LightMyRequestResponse> {
    const body = multipart(csrf === null ? fields : { csrf, ...fields }, files);
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...this.headers, ...body.headers, cookie: this.cookieHeader() },
    });
    return this.#remember(response);
  }
}

/** The value of a hidden input on a page. */
export function hiddenValue(body: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(body);
  if (!match) throw new Error(`no hidden field ${name}`);
  return match[1]!
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

export function receiptOf(body: string): { code: string; key: string } {
  const code = /id="tracking-code">([^<]+)</.exec(body)?.[1];
  const key = /id="access-key">([^<]+)</.exec(body)?.[1];
  if (!code || !key) throw new Error('no receipt on the page');
  return { code, key };
}
