import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import type { Actor } from '../events/catalogue.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

const BOOTSTRAP_ACTOR: Actor = { type: 'staff', id: null, name: null };

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Staff authentication until real accounts arrive (issue #3): one bearer token from configuration
 * (LOKET_BOOTSTRAP_TOKEN, or generated into the data directory). Registered on the staff context only.
 */
export function requireBootstrapToken(app: FastifyInstance, token: string): void {
  const expected = digest(token);
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    // Comparing digests keeps the comparison constant-time whatever the presented length.
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      reply.header('www-authenticate', 'Bearer realm="loket-staff"');
      throw new AppError('unauthorized');
    }
    request.actor = BOOTSTRAP_ACTOR;
  });
}
