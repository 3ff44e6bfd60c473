import type { WhatsAppSettings } from '../../../config.js';
import { callPlatform, PlatformError } from '../http-errors.js';
import type { WhatsAppInForce } from '../settings.js';

/**
 * The parts of the WhatsApp Cloud API (Graph API) Loket uses: send a message, upload media, fetch media.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
 */

/** Graph error codes that will not succeed by retrying: the message fails and the console says why. */
const PERMANENT = new Set([
  100, // invalid parameter
  131008, // required parameter missing
  131009, // parameter value invalid
  131021, // recipient cannot be sender
  131026, // message undeliverable (not on WhatsApp, old app, terms not accepted)
  131051, // unsupported message type
  131052, // media download error
  131053, // media upload error
  132000, // template parameter count mismatch
  132001, // template does not exist
  132005, // template hydrated text too long
  132007, // template format character policy violated
  132012, // template parameter format mismatch
  132015, // template paused
  132016, // template disabled
  133010, // phone number not registered
]);

/** Codes after which a later attempt may work: throttling and temporary trouble on Meta's side. */
const THROTTLED = new Set([4, 80007, 130429, 131048, 131056]);

export const REENGAGEMENT_REQUIRED = '131047';

interface GraphErrorBody {
  error?: { message?: string; code?: number; error_subcode?: number; error_data?: { details?: string } };
}

async function graphError(response: Response): Promise<PlatformError> {
  let body: GraphErrorBody = {};
  try {
    body = (await response.json()) as GraphErrorBody;
  } catch {}
  const code = body.error?.code;
  const title = (body.error?.error_data?.details || body.error?.message || response.statusText).slice(0, 300);
  if (code === undefined) {
    return new PlatformError('whatsapp', `http_${response.status}`, title, response.status >= 500);
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  const throttled = THROTTLED.has(code) || response.status === 429;
  const retryable = throttled || (!PERMANENT.has(code) && code !== 131047 && response.status >= 500);
  return new PlatformError(
    'whatsapp',
    String(code),
    title,
    retryable || code === 190 || code === 131000,
    throttled && retryAfter > 0 ? retryAfter * 1000 : undefined,
  );
}

function requireSending(settings: WhatsAppSettings): { token: string; phoneNumberId: string } {
  if (!settings.accessToken || !settings.phoneNumberId) {
    throw new PlatformError('whatsapp', 'not_configured', 'access token or phone number id not set', false);
  }
  return { token: settings.accessToken, phoneNumberId: settings.phoneNumberId };
}

export type OutgoingMessage =
  | { type: 'text'; body: string }
  | { type: 'template'; name: string; language: string; parameters: string[] }
  | { type: 'image' | 'document'; mediaId: string; caption?: string; fileName?: string };

/** POST /{phone-number-id}/messages; returns the new message's wamid. */
export async function sendMessage(
  settings: WhatsAppInForce,
  to: string,
  message: OutgoingMessage,
): Promise<string> {
  const { token, phoneNumberId } = requireSending(settings);
  const payload: Record<string, unknown> = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
  };
  if (message.type === 'text') {
    payload.type = 'text';
    payload.text = { preview_url: false, body: message.body };
  } else if (message.type === 'template') {
    payload.type = 'template';
    payload.template = {
      name: message.name,
      language: { code: message.language },
      components: [{ type: 'body', parameters: message.parameters.map((text) => ({ type: 'text', text })) }],
    };
  } else {
    payload.type = message.type;
    payload[message.type] = {
      id: message.mediaId,
      ...(message.caption ? { caption: message.caption } : {}),
      ...(message.type === 'document' && message.fileName ? { filename: message.fileName } : {}),
    };
  }
  const response = await callPlatform(
    'whatsapp',
    `${settings.apiBaseUrl}/${phoneNumberId}/messages`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    },
    settings,
  );
  if (!response.ok) throw await graphError(response);
  const body = (await response.json()) as { messages?: { id: string }[] };
  const id = body.messages?.[0]?.id;
  if (!id) throw new PlatformError('whatsapp', 'bad_response', 'no message id in the answer', true);
  return id;
}

/** POST /{phone-number-id}/media (multipart); returns the media id to send. */
export async function uploadMedia(
  settings: WhatsAppInForce,
  file: { content: Buffer; mediaType: string; fileName: string },
): Promise<string> {
  const { token, phoneNumberId } = requireSending(settings);
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', file.mediaType);
  form.set('file', new Blob([file.content], { type: file.mediaType }), file.fileName);
  const response = await callPlatform(
    'whatsapp',
    `${settings.apiBaseUrl}/${phoneNumberId}/media`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    },
    settings,
  );
  if (!response.ok) throw await graphError(response);
  const body = (await response.json()) as { id?: string };
  if (!body.id) throw new PlatformError('whatsapp', 'bad_response', 'no media id in the answer', true);
  return body.id;
}

/**
 * Received media in two steps, as Meta documents: GET /{media-id} gives a short-lived URL, which is fetched with
 * the same bearer token. Files larger than `maxBytes` are not downloaded.
 */
export async function downloadMedia(
  settings: WhatsAppInForce,
  mediaId: string,
  maxBytes: number,
): Promise<{ content: Buffer; mimeType: string } | { tooLarge: true; mimeType: string }> {
  if (!settings.accessToken) {
    throw new PlatformError('whatsapp', 'not_configured', 'access token not set', false);
  }
  const auth = { authorization: `Bearer ${settings.accessToken}` };
  const meta = await callPlatform(
    'whatsapp',
    `${settings.apiBaseUrl}/${encodeURIComponent(mediaId)}`,
    {
      headers: auth,
    },
    settings,
  );
  if (!meta.ok) throw await graphError(meta);
  const info = (await meta.json()) as { url?: string; mime_type?: string; file_size?: number | string };
  if (!info.url) throw new PlatformError('whatsapp', 'bad_response', 'no media url in the answer', true);
  const mimeType = info.mime_type ?? 'application/octet-stream';
  if (Number(info.file_size) > maxBytes) return { tooLarge: true, mimeType };
  const file = await callPlatform('whatsapp', info.url, { headers: auth }, settings);
  if (!file.ok) throw await graphError(file);
  const content = Buffer.from(await file.arrayBuffer());
  if (content.length > maxBytes) return { tooLarge: true, mimeType };
  return { content, mimeType };
}
