import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, RequestInfo } from '../lib/actor.js';

/** Who asks and from where, as the services take it. */
export function requestInfo(request: FastifyRequest): RequestInfo {
  return {
    actor: { userId: request.auth?.user.id ?? null, ip: request.ip },
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    cookie: request.headers.cookie ?? null,
  };
}

/** The actor of a request, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return requestInfo(request).actor;
}

/** The cookies Better Auth set (a session started or ended), passed on to the browser. */
export function forwardCookies(reply: FastifyReply, cookies: string[]): void {
  for (const cookie of cookies) reply.header('set-cookie', cookie);
}
