import type { Rights } from '@portico/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Caller, Scope, SessionContext, Standing } from '../lib/caller.js';
import { AppError } from '../lib/errors.js';
import { requireCaller } from './auth-context.js';

/**
 * What a route needs of its caller (SPEC §3), declared once per route (http/route.ts) and read by the permissions
 * matrix test, which checks every route's declaration against the specification's table:
 * - `public`: anyone; `session`: any signed-in caller; `operator`: the instance's operators;
 * - `org-*`: a standing in the route's `:org`: User Rights (`org-member`, `org-admin`) or a contact role; a list
 *   means any of them. Everyone else gets the 404 of an organization that does not exist, so ids cannot be probed.
 */
export const ORG_ACCESS = [
  'org-member',
  'org-admin',
  'org-security-administrator',
  'org-support-administrator',
  'org-support-restricted',
] as const;
export type OrgAccess = (typeof ORG_ACCESS)[number];
export type Access = 'public' | 'session' | 'operator' | OrgAccess | readonly OrgAccess[];

/** Operators act in every organization (SPEC §3), except as a contact who files their own service requests. */
const OPERATOR_MAY: Record<OrgAccess, boolean> = {
  'org-member': true,
  'org-admin': true,
  'org-security-administrator': true,
  'org-support-administrator': true,
  'org-support-restricted': false,
};

function holds(need: OrgAccess, standing: Pick<Standing, 'rights' | 'contactRoles'>): boolean {
  switch (need) {
    case 'org-member':
      return standing.rights !== null;
    case 'org-admin':
      return standing.rights === 'admin';
    case 'org-security-administrator':
      return standing.contactRoles.includes('security-administrator');
    case 'org-support-administrator':
      return standing.contactRoles.includes('support-administrator');
    case 'org-support-restricted':
      return standing.contactRoles.includes('support-restricted');
  }
}

/** The rule of SPEC §3 for an organization route, pure: does this caller's standing satisfy any of `needs`? */
export function mayAct(
  needs: readonly OrgAccess[],
  caller: { isOperator: boolean },
  standing: Pick<Standing, 'rights' | 'contactRoles'>,
): boolean {
  return needs.some((need) => (caller.isOperator && OPERATOR_MAY[need]) || holds(need, standing));
}

/** Whether a caller's session or token may be used on a route of this scope. */
export function scopeAllows(caller: Pick<Caller, 'scopes'>, scope: Scope): boolean {
  return caller.scopes === 'all' || caller.scopes.includes(scope);
}

export function orgNeeds(access: Access): readonly OrgAccess[] | null {
  if (Array.isArray(access)) return access;
  return (ORG_ACCESS as readonly string[]).includes(access as string) ? [access as OrgAccess] : null;
}

/**
 * The guard of one route. Authentication, the scope and the operator flag are checked when the request arrives
 * (401/403 before the body is even read); the standing in `:org` once the parameters are validated.
 */
export function guardFor(access: Access, scope: Scope) {
  if (access === 'public') return {};
  const needs = orgNeeds(access);
  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    const caller = await requireCaller(request, reply);
    if (!scopeAllows(caller, scope)) throw new AppError('FORBIDDEN', 'This token may not be used for this request');
    if (access === 'operator' && !caller.user.isOperator) throw new AppError('FORBIDDEN', 'Only operators may do this');
  };
  if (!needs) return { onRequest };
  const preHandler = async (request: FastifyRequest) => {
    request.standing = await standingFor(request, needs);
  };
  return { onRequest, preHandler };
}

const CONTACT_NEEDS: readonly OrgAccess[] = [
  'org-security-administrator',
  'org-support-administrator',
  'org-support-restricted',
];

async function standingFor(request: FastifyRequest, needs: readonly OrgAccess[]): Promise<Standing> {
  const org = (request.params as { org?: string }).org ?? '';
  const contactRoles = needs.some((need) => CONTACT_NEEDS.includes(need));
  const standing = await request.server.deps.findStanding(org, request.auth.user.id, { contactRoles });
  if (!standing || !mayAct(needs, request.auth.user, standing)) throw AppError.notFound('organization');
  return standing;
}

function standingOf(request: FastifyRequest): Standing {
  if (!request.standing) throw new Error(`${request.routeOptions.url} declares no organization access`);
  return request.standing;
}

/** The organization of an `/orgs/{org}` route, as its guard found it. */
export function organizationOf(request: FastifyRequest): Standing['organization'] {
  return standingOf(request).organization;
}

/** The User Rights a caller acts with in the route's organization: an operator acts as an administrator. */
export function rightsOf(request: FastifyRequest): Rights {
  if (request.auth.user.isOperator) return 'admin';
  return standingOf(request).rights ?? 'member';
}

/**
 * Keeps what every route declared, `METHOD /url` → access (undefined: a route outside the API, such as the docs
 * plugin's), so that the permissions matrix test holds each declaration against SPEC §3.
 */
export function registerAccessInventory(app: FastifyInstance): void {
  const declared = new Map<string, Access | undefined>();
  app.decorate('declaredAccess', declared);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) declared.set(`${method} ${route.url}`, route.config?.access);
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredAccess: ReadonlyMap<string, Access | undefined>;
  }
  interface FastifyContextConfig {
    /** What the route needs of its caller (http/route.ts); absent on routes outside the API (docs, the web app). */
    access?: Access;
  }
}

/** The browser session of a request whose route manages the session itself (scope `account`). */
export function sessionOf(request: FastifyRequest): SessionContext {
  const caller = request.auth;
  if (caller.via !== 'session') throw new AppError('FORBIDDEN', 'Sign in with a browser to do this');
  return caller;
}
