import { createHmac, randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import type { Language } from '../../../shared/enums.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { parseJson, toBool, toIso, toIsoOrNull } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { enqueueJob } from '../../jobs/outbox.js';
import { defineJob } from '../../jobs/registry.js';
import { newId } from '../../lib/ids.js';
import { assertAllowedUrl, type OutboundPolicy, publicFetch } from '../../lib/public-fetch.js';
import { open, seal } from '../../lib/secret-box.js';
import { inTransaction } from '../../lib/transaction.js';
import { type Citation, citationLabel } from './enforcement-records.js';

/**
 * Social media hook: every publication that goes live is sent to each active webhook as generic JSON (summary,
 * link, citations as initials and nationality), so an office connects its own posting tools. The body is signed
 * with the webhook's secret: `X-Loket-Signature: sha256=<hex HMAC-SHA-256 of the raw body>`. Deliveries go
 * through the job queue with retries; their status per publication and webhook is shown to publishers.
 */
const PURPOSE = 'publication-webhook';
const TIMEOUT_MS = 10_000;
export const DELIVERY_ATTEMPTS = 6;

export interface Webhook {
  id: string;
  name: string;
  url: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Delivery {
  id: string;
  publicationId: string;
  webhookId: string;
  webhookName: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  updatedAt: string;
}

function policyOf(config: { outboundAllowPrivate: boolean }): OutboundPolicy {
  return { allowPrivate: config.outboundAllowPrivate };
}

export async function listWebhooks(db: Db): Promise<Webhook[]> {
  const rows = await db.selectFrom('publication_webhooks').selectAll().orderBy('name').execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    url: row.url,
    active: toBool(row.active),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  }));
}

/**
 * Creates a webhook, or changes one (`id`). The secret is generated here and returned once, on creation or when
 * `rotateSecret` is asked; it is kept sealed and never shown again.
 */
export async function saveWebhook(
  db: Db,
  actor: Actor,
  config: Pick<Config, 'secret'> & { outboundAllowPrivate: boolean },
  input: { id?: string; name: string; url: string; active: boolean; rotateSecret?: boolean },
  at = new Date(),
): Promise<{ webhook: Webhook; signingSecret: string | null }> {
  await assertAllowedUrl(input.url, policyOf(config), 'url');
  const { secret } = config;
  const id = input.id ?? newId(at.getTime());
  const signingSecret =
    !input.id || input.rotateSecret ? `whsec_${randomBytes(24).toString('base64url')}` : null;
  await inTransaction(db, async (trx) => {
    const values = {
      name: input.name.trim(),
      url: input.url,
      active: input.active,
      updated_at: at.toISOString(),
      ...(signingSecret ? { secret_sealed: seal(secret, PURPOSE, signingSecret) } : {}),
    };
    if (input.id) {
      const updated = await trx
        .updateTable('publication_webhooks')
        .set(values)
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('not_found');
    } else {
      await trx
        .insertInto('publication_webhooks')
        .values({ id, ...values, secret_sealed: values.secret_sealed!, created_at: at.toISOString() })
        .execute();
    }
    await recordEvent(trx, {
      type: 'publication.webhook_saved',
      actor,
      officeId: null,
      payload: {
        webhookId: id,
        name: values.name,
        active: input.active,
        ...(input.id ? {} : { created: true }),
      },
      at,
    });
  });
  const webhook = (await listWebhooks(db)).find((w) => w.id === id)!;
  return { webhook, signingSecret };
}

/** One delivery per active webhook, in the transaction that puts the publication live. */
export async function queueDeliveries(trx: Db, publicationId: string, at: Date): Promise<void> {
  const hooks = await trx
    .selectFrom('publication_webhooks')
    .select('id')
    .where('active', '=', true)
    .execute();
  for (const hook of hooks) {
    const id = newId(at.getTime());
    await trx
      .insertInto('publication_deliveries')
      .values({
        id,
        publication_id: publicationId,
        webhook_id: hook.id,
        status: 'pending',
        attempts: 0,
        last_status_code: null,
        last_error: null,
        delivered_at: null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .onConflict((oc) => oc.columns(['publication_id', 'webhook_id']).doNothing())
      .execute();
    await enqueueJob(
      trx,
      deliverJob,
      { deliveryId: id },
      { now: at, dedupeKey: `publication.deliver:${id}:0` },
    );
  }
}

export async function listDeliveries(db: Db, publicationId: string): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('publication_deliveries as d')
    .innerJoin('publication_webhooks as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select('w.name as webhook_name')
    .where('d.publication_id', '=', publicationId)
    .orderBy('w.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    publicationId: row.publication_id,
    webhookId: row.webhook_id,
    webhookName: row.webhook_name,
    status: row.status as Delivery['status'],
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: toIsoOrNull(row.delivered_at),
    updatedAt: toIso(row.updated_at),
  }));
}

/** A publisher asks for another try of a failed (or stuck) delivery. */
export async function retryDelivery(
  db: Db,
  actor: Actor,
  publicationId: string,
  deliveryId: string,
  at = new Date(),
): Promise<void> {
  const delivery = (await listDeliveries(db, publicationId)).find((d) => d.id === deliveryId);
  if (!delivery) throw new AppError('not_found');
  if (delivery.status === 'delivered') throw new AppError('invalid_transition');
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('publication_deliveries')
      .set({ status: 'pending', updated_at: at.toISOString() })
      .where('id', '=', deliveryId)
      .execute();
    await enqueueJob(
      trx,
      deliverJob,
      { deliveryId },
      { now: at, dedupeKey: `publication.deliver:${deliveryId}:${delivery.attempts}` },
    );
    await recordEvent(trx, {
      type: 'publication.delivery_retried',
      actor,
      officeId: null,
      payload: { publicationId, webhookId: delivery.webhookId, deliveryId },
      at,
    });
  });
}

export function publicationUrl(config: Pick<Config, 'publicUrl'>, language: Language, slug: string): string {
  const base = (config.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  return `${base}/news/${language}/${slug}`;
}

/** The JSON a webhook receives. */
export async function webhookBody(
  db: Db,
  config: Config,
  deliveryId: string,
  publicationId: string,
  at: Date,
) {
  const texts = await db
    .selectFrom('publication_texts')
    .selectAll()
    .where('publication_id', '=', publicationId)
    .orderBy('language', 'desc')
    .execute();
  if (texts.length === 0) return null;
  return {
    event: 'publication.published',
    deliveryId,
    sentAt: at.toISOString(),
    publication: {
      id: publicationId,
      category: texts[0]!.category,
      publishedAt: toIso(texts[0]!.published_at),
      versions: texts.map((text) => {
        const citations = parseJson(text.citations) as Citation[];
        return {
          language: text.language,
          title: text.title,
          summary: text.summary,
          url: publicationUrl(config, text.language, text.slug),
          citations: citations.map((c) => citationLabel(c, text.language)),
        };
      }),
    },
  };
}

export function signature(signingSecret: string, body: string): string {
  return `sha256=${createHmac('sha256', signingSecret).update(body).digest('hex')}`;
}

export const deliverJob = defineJob('publications.deliver-webhook', {
  payload: Type.Object({ deliveryId: Type.String() }),
  maxAttempts: DELIVERY_ATTEMPTS,
  async run(ctx, { deliveryId }) {
    const row = await ctx.db
      .selectFrom('publication_deliveries as d')
      .innerJoin('publication_webhooks as w', 'w.id', 'd.webhook_id')
      .select(['d.id', 'd.status', 'd.attempts', 'd.publication_id', 'w.url', 'w.secret_sealed', 'w.active'])
      .where('d.id', '=', deliveryId)
      .executeTakeFirst();
    if (!row || row.status === 'delivered') return;
    const now = ctx.now();
    const body = await webhookBody(ctx.db, ctx.config, deliveryId, row.publication_id, now);
    // Archived before delivery, or the webhook switched off: nothing to send any more.
    if (body === null || !toBool(row.active)) {
      await ctx.db
        .updateTable('publication_deliveries')
        .set({ status: 'failed', last_error: body === null ? 'not published' : 'webhook inactive' })
        .where('id', '=', deliveryId)
        .execute();
      return;
    }
    const raw = JSON.stringify(body);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      // Checked again here, after DNS resolution, on the address actually connected to (see publicFetch).
      const response = await publicFetch(
        row.url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Loket-Webhook/1',
            'x-loket-event': 'publication.published',
            'x-loket-delivery': deliveryId,
            'x-loket-signature': signature(open(ctx.config.secret, PURPOSE, row.secret_sealed), raw),
          },
          body: raw,
          redirect: 'manual',
          signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(TIMEOUT_MS)]),
        },
        policyOf(ctx.config),
      );
      statusCode = response.status;
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (failure) {
      error = String(
        (failure as Error).name === 'TimeoutError' ? 'timeout' : (failure as Error).message,
      ).slice(0, 300);
    }
    const last = ctx.job.attempt >= ctx.job.maxAttempts;
    await ctx.db
      .updateTable('publication_deliveries')
      .set({
        status: error === null ? 'delivered' : last ? 'failed' : 'pending',
        attempts: row.attempts + 1,
        last_status_code: statusCode,
        last_error: error,
        delivered_at: error === null ? now.toISOString() : null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', deliveryId)
      .execute();
    // Throwing hands the retry (with backoff) to the worker.
    if (error !== null) throw new Error(`webhook delivery failed: ${error}`);
  },
});
