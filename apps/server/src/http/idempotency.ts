import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';
import { claimKey, findAnswer, releaseKey, storeAnswer } from './idempotency-store.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Visible ASCII, as Stripe and the IETF draft allow; long enough for a UUID with a prefix. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** How long a key is remembered: a client retries within minutes, a day leaves room for a queue that was down. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** Answers larger than this are not kept; a retry of such a request is refused as still running instead. */
const MAX_STORED_BODY = 1024 * 1024;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

declare module 'fastify' {
  interface FastifyRequest {
    /** The claimed key of this request, when it carried an Idempotency-Key. */
    idempotencyId: string | null;
  }
}

function readKey(request: FastifyRequest): string | null {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return null;
  if (typeof key !== 'string' || !KEY_PATTERN.test(key))
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 visible ASCII characters', [
      { path: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
    ]);
  return key;
}

/** The request a key stands for: a key sent again with another request is a client bug, refused rather than guessed. */
function fingerprintOf(request: FastifyRequest): string {
  return sha256(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
}

async function replay(request: FastifyRequest, reply: FastifyReply, id: string, fingerprint: string) {
  const stored = await findAnswer(request.server.deps.db, id);
  if (stored && stored.fingerprint !== fingerprint)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request', [
      { path: 'Idempotency-Key', message: 'was already used for a different request' },
    ]);
  if (!stored || stored.statusCode === null)
    throw new AppError('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still running; retry shortly');
  reply.code(stored.statusCode).header('idempotent-replayed', 'true');
  if (stored.contentType) reply.type(stored.contentType);
  return reply.send(stored.body ?? undefined);
}

/**
 * Idempotency-Key on the API's changes (SPEC §4.2, docs/api.md): the first request with a key runs and its answer is
 * kept for a day; the same request with the same key gets that answer again (marked `Idempotent-Replayed: true`)
 * without running twice. Keys belong to the caller (the account, or the address when signed out), so one caller's
 * key never meets another's. Runs after authentication and validation, so refused requests claim nothing.
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.decorateRequest('idempotencyId', null);
  // Attached to the routes that change things only: reads (the hot path) pay nothing for it.
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!route.url.startsWith('/api/v1/') || !methods.some((m) => MUTATING.has(m))) return;
    route.preHandler = [...[route.preHandler ?? []].flat(), claimOrReplay];
    route.onSend = [...[route.onSend ?? []].flat(), keepAnswer];
  });
}

async function claimOrReplay(request: FastifyRequest, reply: FastifyReply) {
  if (!MUTATING.has(request.method)) return;
  const key = readKey(request);
  if (key === null) return;
  const { db, clock } = request.server.deps;
  const caller = request.auth ? `usr:${request.auth.user.id}` : `ip:${request.ip}`;
  const id = sha256(`${caller}\n${key}`);
  const fingerprint = fingerprintOf(request);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
  if (await claimKey(db, { id, fingerprint, now, expiresAt })) {
    request.idempotencyId = id;
    return;
  }
  return replay(request, reply, id, fingerprint);
}

async function keepAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const id = request.idempotencyId;
  if (!id) return payload;
  request.idempotencyId = null;
  const { db } = request.server.deps;
  const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  const storable = payload === undefined || payload === null || (body !== null && body.length <= MAX_STORED_BODY);
  if (reply.statusCode >= 500) await releaseKey(db, id);
  else if (storable) {
    const contentType = reply.getHeader('content-type');
    await storeAnswer(db, id, {
      statusCode: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : null,
      body: body === '' ? null : body,
    });
  }
  return payload;
}
