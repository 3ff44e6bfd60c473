import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

/** Frames a connection may send in this window before it is told to slow down (typing included). */
export const FRAMES_PER_WINDOW = 30;
export const FRAME_WINDOW_MS = 10_000;
/** Past this many refused frames in a window the connection is closed. */
const ABUSE_LIMIT = 3 * FRAMES_PER_WINDOW;

/** A per-connection frame budget: two numbers, no timer. */
export class FrameBudget {
  #windowStart = 0;
  #count = 0;

  /** 'ok', 'slow' (refuse this frame) or 'close' (the client ignores refusals). */
  take(now = Date.now()): 'ok' | 'slow' | 'close' {
    if (now - this.#windowStart >= FRAME_WINDOW_MS) {
      this.#windowStart = now;
      this.#count = 0;
    }
    this.#count++;
    if (this.#count <= FRAMES_PER_WINDOW) return 'ok';
    return this.#count > ABUSE_LIMIT ? 'close' : 'slow';
  }
}

/**
 * Cross-site WebSocket hijacking guard: a browser always sends Origin on a WebSocket upgrade, and a page of another
 * site must not open a socket with this visitor's cookies. Clients that are not browsers send none.
 */
export function originAllowed(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (host === request.headers.host) return true;
  if (!config.publicUrl) return false;
  try {
    return new URL(config.publicUrl).host === host;
  } catch {
    return false;
  }
}

/** One incoming frame as JSON, or null for anything else (binary, too long, not an object). */
export function parseFrame(raw: unknown, isBinary: boolean): Record<string, unknown> | null {
  if (isBinary) return null;
  const text = String(raw);
  if (text.length > 8192) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Close codes the clients act on. */
export const CLOSE = {
  /** No or a bad hello: start again (the client drops its token). */
  unauthorized: 4401,
  /** Too many frames: reconnect later. */
  rateLimited: 4429,
  /** Hello did not come in time. */
  timeout: 4408,
} as const;
