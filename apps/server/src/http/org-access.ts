import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';
import { findMembership, findOrganization } from '../modules/organizations/organizations.repository.js';

/**
 * The organization of an `/orgs/{org}` route, for a caller with the given rights there. Operators may act in every
 * organization (SPEC §3). Everyone else, a member on an admin route included, gets the same 404 as for an id that
 * does not exist, so ids cannot be probed.
 */
export async function organizationFor(request: FastifyRequest, organizationId: string, rights: 'admin' | 'member') {
  const { db } = request.server.deps;
  const organization = await findOrganization(db, organizationId);
  if (organization && request.auth.user.isOperator) return { organization, rights: 'admin' as const };
  const membership = organization ? await findMembership(db, organization.id, request.auth.user.id) : undefined;
  const allowed = membership && (rights === 'member' || membership.rights === 'admin');
  if (!organization || !membership || !allowed) throw AppError.notFound('organization');
  return { organization, rights: membership.rights };
}
