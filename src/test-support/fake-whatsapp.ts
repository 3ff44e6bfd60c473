import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { WhatsAppSettings } from '../server/config.js';
import { buildConfig } from './factories.js';
import { type RecordedRequest, startFakeServer } from './fake-http.js';

/**
 * A local stand-in for the WhatsApp Cloud API (Graph API v21.0), answering the documented requests with the
 * documented shapes: POST /{phone-number-id}/messages, POST /{phone-number-id}/media, GET /{media-id} and the media
 * download URL. It enforces what the real API enforces and a test must be able to meet: the bearer token, the
 * 24-hour customer service window for free-form messages (error 131047), templates by name, and scripted failures
 * (rate limit 130429, undeliverable 131026). Webhook payloads are built as Meta documents and signs them.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
 */
export const FAKE_WA = {
  appSecret: 'b3c1f9d0e8a24c7fa5d6e7f8091a2b3c',
  verifyToken: 'loket-verify-8f2d61c4',
  accessToken: 'EAAGfakeAccessTokenForTests0123456789abcdef',
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  displayPhoneNumber: '6281100004000',
  templateName: 'loket_balasan',
};

const WINDOW_MS = 24 * 60 * 60_000;

export interface SentMessage {
  to: string;
  type: string;
  text?: { body: string };
  template?: { name: string; language: { code: string }; components: unknown[] };
  image?: { id: string };
  document?: { id: string; filename?: string };
  wamid: string;
}

interface ScriptedError {
  status: number;
  code: number;
  message: string;
  details: string;
  retryAfterSeconds?: number;
}

export const GRAPH_ERRORS = {
  rateLimit: {
    status: 429,
    code: 130429,
    message: '(#130429) Rate limit hit',
    details: 'Cloud API message throughput has been reached.',
    retryAfterSeconds: 30,
  },
  undeliverable: {
    status: 400,
    code: 131026,
    message: '(#131026) Message Undeliverable',
    details:
      'Message failed to send because the recipient is not a WhatsApp user or has not accepted the terms.',
  },
  serviceUnavailable: {
    status: 503,
    code: 131000,
    message: '(#131000) Something went wrong',
    details: 'Message failed to send due to an unknown error.',
  },
} satisfies Record<string, ScriptedError>;

export async function startFakeWhatsApp(clock: () => Date = () => new Date()) {
  const sent: SentMessage[] = [];
  const uploads: { type: string; size: number; fileName: string }[] = [];
  const media = new Map<string, { content: Buffer; mimeType: string }>();
  const lastInbound = new Map<string, number>();
  const failures: ScriptedError[] = [];
  const requests: RecordedRequest[] = [];
  let baseUrl = '';

  const graphError = (error: ScriptedError) => ({
    status: error.status,
    headers: error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : undefined,
    body: {
      error: {
        message: error.message,
        type: 'OAuthException',
        code: error.code,
        error_data: { messaging_product: 'whatsapp', details: error.details },
        fbtrace_id: `A${randomBytes(8).toString('base64url')}`,
      },
    },
  });

  const server = await startFakeServer(async (request, url) => {
    requests.push(request);
    if (request.headers.authorization !== `Bearer ${FAKE_WA.accessToken}`) {
      return graphError({
        status: 401,
        code: 190,
        message: 'Invalid OAuth access token - Cannot parse access token',
        details: 'Invalid OAuth access token',
      });
    }
    const path = url.pathname.replace(/^\/v21\.0/, '');
    if (path.startsWith('/download/')) {
      const found = media.get(path.slice('/download/'.length));
      return found ? { status: 200, body: found.content } : { status: 404, body: { error: 'not found' } };
    }
    if (request.method === 'GET' && /^\/\d+$/.test(path)) {
      const id = path.slice(1);
      const found = media.get(id);
      if (!found) {
        return graphError({
          status: 400,
          code: 100,
          message: 'Invalid parameter',
          details: 'Unknown media id',
        });
      }
      return {
        status: 200,
        body: {
          messaging_product: 'whatsapp',
          url: `${baseUrl}/v21.0/download/${id}`,
          mime_type: found.mimeType,
          sha256: createHash('sha256').update(found.content).digest('hex'),
          file_size: found.content.length,
          id,
        },
      };
    }
    if (request.method === 'POST' && path === `/${FAKE_WA.phoneNumberId}/media`) {
      const file = request.body.file as { fileName: string; type: string; size: number } | undefined;
      if (request.body.messaging_product !== 'whatsapp' || !file) {
        return graphError({
          status: 400,
          code: 100,
          message: 'Invalid parameter',
          details: 'file is required',
        });
      }
      uploads.push({ type: file.type, size: file.size, fileName: file.fileName });
      return { status: 200, body: { id: String(4_490_000_000_000_000 + uploads.length) } };
    }
    if (request.method === 'POST' && path === `/${FAKE_WA.phoneNumberId}/messages`) {
      const failure = failures.shift();
      if (failure) return graphError(failure);
      const body = request.body as unknown as SentMessage & { messaging_product?: string };
      if (body.messaging_product !== 'whatsapp' || !body.to || !body.type) {
        return graphError({
          status: 400,
          code: 100,
          message: 'Invalid parameter',
          details: 'to and type are required',
        });
      }
      const wrote = lastInbound.get(body.to);
      if (body.type !== 'template' && (wrote === undefined || clock().getTime() - wrote > WINDOW_MS)) {
        return graphError({
          status: 400,
          code: 131047,
          message: '(#131047) Re-engagement message',
          details:
            'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        });
      }
      if (body.type === 'template' && body.template?.name !== FAKE_WA.templateName) {
        return graphError({
          status: 404,
          code: 132001,
          message: '(#132001) Template name does not exist in the translation',
          details: `template name (${body.template?.name}) does not exist in id`,
        });
      }
      const wamid = `wamid.HBgNNjI${randomBytes(18).toString('base64url')}`;
      sent.push({ ...body, wamid });
      return {
        status: 200,
        body: {
          messaging_product: 'whatsapp',
          contacts: [{ input: body.to, wa_id: body.to }],
          messages: [{ id: wamid, ...(body.type === 'template' ? { message_status: 'accepted' } : {}) }],
        },
      };
    }
    return graphError({
      status: 400,
      code: 100,
      message: 'Unsupported request',
      details: `${request.method} ${path}`,
    });
  });
  baseUrl = server.url;

  let mediaCounter = 0;
  const envelope = (value: Record<string, unknown>) => ({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: FAKE_WA.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: FAKE_WA.displayPhoneNumber,
                phone_number_id: FAKE_WA.phoneNumberId,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  });
  const inbound = (from: string, name: string, message: Record<string, unknown>, at: Date) => {
    lastInbound.set(from, at.getTime());
    return envelope({
      contacts: [{ profile: { name }, wa_id: from }],
      messages: [
        {
          from,
          id: `wamid.HBgNNjI${randomBytes(18).toString('base64url')}`,
          timestamp: String(Math.floor(at.getTime() / 1000)),
          ...message,
        },
      ],
    });
  };

  return {
    apiBaseUrl: `${server.url}/v21.0`,
    sent,
    uploads,
    requests,
    close: server.close,
    /** Moves the citizen's last message (the start of the 24-hour window) to another time. */
    citizenWroteAt(waId: string, at: Date) {
      lastInbound.set(waId, at.getTime());
    },
    /** The next send fails with this Graph error (once per call). */
    failNext(error: ScriptedError) {
      failures.push(error);
    },
    /** Webhook payloads as Meta sends them; a citizen's message also opens the fake's 24-hour window. */
    text(from: string, name: string, body: string, at = clock()) {
      return inbound(from, name, { type: 'text', text: { body } }, at);
    },
    image(from: string, name: string, content: Buffer, mimeType: string, caption: string, at = clock()) {
      const id = String(1_700_000_000_000_000 + ++mediaCounter);
      media.set(id, { content, mimeType });
      return inbound(
        from,
        name,
        { type: 'image', image: { caption, mime_type: mimeType, sha256: 'x', id } },
        at,
      );
    },
    document(from: string, name: string, content: Buffer, mimeType: string, filename: string, at = clock()) {
      const id = String(1_700_000_000_000_000 + ++mediaCounter);
      media.set(id, { content, mimeType });
      return inbound(
        from,
        name,
        { type: 'document', document: { filename, mime_type: mimeType, sha256: 'x', id } },
        at,
      );
    },
    location(from: string, name: string, latitude: number, longitude: number, place: string, at = clock()) {
      return inbound(
        from,
        name,
        { type: 'location', location: { latitude, longitude, name: place, address: place } },
        at,
      );
    },
    status(wamid: string, recipient: string, status: 'sent' | 'delivered' | 'read' | 'failed', at = clock()) {
      return envelope({
        statuses: [
          {
            id: wamid,
            status,
            timestamp: String(Math.floor(at.getTime() / 1000)),
            recipient_id: recipient,
            ...(status === 'failed'
              ? {
                  errors: [
                    {
                      code: 131026,
                      title: 'Message undeliverable.',
                      message: 'Message undeliverable.',
                      error_data: { details: 'Message Undeliverable.' },
                    },
                  ],
                }
              : {
                  conversation: {
                    id: randomBytes(16).toString('hex'),
                    origin: { type: 'service' },
                    ...(status === 'sent'
                      ? { expiration_timestamp: String(Math.floor(at.getTime() / 1000) + 86_400) }
                      : {}),
                  },
                  pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
                }),
          },
        ],
      });
    },
  };
}

export type FakeWhatsApp = Awaited<ReturnType<typeof startFakeWhatsApp>>;

/** The signature Meta puts in X-Hub-Signature-256. */
export function signWebhook(body: string, secret = FAKE_WA.appSecret): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The app's WhatsApp settings for talking to this fake (the test config's defaults, the fake's credentials). */
export function whatsappSettingsFor(fake: FakeWhatsApp): WhatsAppSettings {
  return {
    ...buildConfig().whatsapp,
    appSecret: FAKE_WA.appSecret,
    verifyToken: FAKE_WA.verifyToken,
    accessToken: FAKE_WA.accessToken,
    phoneNumberId: FAKE_WA.phoneNumberId,
    apiBaseUrl: fake.apiBaseUrl,
    templateName: FAKE_WA.templateName,
  };
}
