import type { FastifySchema } from 'fastify';
import type { Scope } from '../lib/caller.js';
import { type Access, guardFor } from './access.js';
import { LICENSING_SECURITY, SESSION_SECURITY } from './auth-context.js';

interface RouteOptions {
  /** What the caller's session or token must be good for; `api` unless said otherwise. */
  scope?: Scope;
  bodyLimit?: number;
}

/**
 * The options of one route: who may call it (SPEC §3) and its schema, in one declaration. The access is kept in the
 * route's config, where the permissions matrix test reads it for every route; the guard it implies runs before the
 * handler, which can then read `request.auth` and, on `/orgs/{org}` routes, organizationOf(request).
 *
 *   app.get('/api/v1/orgs/:org/members', route('org-admin', { tags, summary, params, response }), handler)
 */
export function route<const S extends FastifySchema>(access: Access, schema: S, options: RouteOptions = {}) {
  const { scope = 'api', ...rest } = options;
  const security =
    access === 'public' ? {} : { security: scope === 'licensing' ? LICENSING_SECURITY : SESSION_SECURITY };
  return {
    ...rest,
    ...guardFor(access, scope),
    config: { access },
    schema: { ...schema, ...security } as S,
  };
}
