import { PASSWORD } from '../helpers/test-app.js';

/**
 * The permissions matrix (ARCHITECTURE convention 10) as data: one row per route the app serves, saying who may
 * call it. SPEC §3 is the oracle; `expectedFor` turns a row's access rule into what each actor must get, and
 * permissions.test.ts sends every row as every actor. A route without a row fails the inventory test.
 */

export const ACTORS = [
  'anonymous',
  'forged',
  'expired',
  'outsider',
  'linkedA',
  'memberA',
  'adminA',
  'adminB',
  'operator',
] as const;
export type ActorName = (typeof ACTORS)[number];

/** No valid session: no cookie, the operator's token with a forged signature, a session past its expiry. */
export const WITHOUT_SESSION: readonly ActorName[] = ['anonymous', 'forged', 'expired'];

export const UNKNOWN_ORG = 'org_00000000000000000000000000';
export const UNKNOWN_SESSION = 'ses_00000000000000000000000000';
export const UNKNOWN_ASSIGNMENT = 'asg_00000000000000000000000000';
export const UNKNOWN_AUDIT_EVENT = 'aud_00000000000000000000000000';

export interface Fixtures {
  orgA: { id: string; code: string; serial: string; assetId: string };
  orgB: { id: string; code: string; serial: string };
  /** Where the operator rows appoint and remove an administrator and add assets. */
  orgC: { id: string; code: string; name: string };
  /** A license product of no asset, which the operator rows rename and retire. */
  spareProduct: { id: string };
  /** An account the operator rows make administrator and operator, then undo. */
  spare: { userId: string; email: string };
  memberA: { userId: string };
  adminA: { userId: string };
  /** Another account whose session id the session rows try to end. */
  victim: { userId: string; sessionId: string };
  /** Invitations of organization A made by its administrator: one pending (to an address no actor has), one revoked. */
  invitation: { id: string; token: string };
  revokedInvitation: { id: string };
}

export interface Caller {
  name: string;
}

/**
 * - public: everyone gets `ok`;
 * - session: any signed-in account gets `ok`;
 * - operator: operators get `ok`, other accounts 403 (SPEC §3: organizations, catalogue, assets, operators);
 * - org-admin: administrators of `:org` and operators get `ok`; a member, a linked user, another organization's
 *   administrator and a stranger get the 404 of an unknown id (SPEC §3: ids cannot be probed);
 * - org-linked: the First Moment of Truth, for users linked to `:org` by a registered serial (SPEC §2.3);
 *   everyone else, operators included (they appoint through the operator API), gets the 404 of an unknown id;
 * - org-member: every member of `:org` (administrators too) and operators get `ok`; everyone else the 404 of an
 *   unknown id (My organization, SPEC §2.4);
 * - own: the caller's own resource; another account's id gets the 404 of an unknown id.
 * Every rule but public answers 401 without a valid session.
 */
export type Access = 'public' | 'session' | 'operator' | 'org-admin' | 'org-member' | 'org-linked' | 'own';

export interface Outcome {
  status: number;
  code?: string;
}

export interface Row {
  /** `METHOD /path` in Fastify's syntax, exactly as the app registers it. */
  route: string;
  access: Access;
  /** The path parameters, from the fixtures. */
  params?: Record<string, (f: Fixtures) => string>;
  /** `n` is unique per request, for codes and addresses that must not repeat. */
  body?: (input: { n: number; caller: Caller; f: Fixtures }) => unknown;
  contentType?: string;
  /** What an allowed actor gets (default 200). */
  ok?: Outcome;
  /** The request ends the session it carries, so each signed-in actor sends a new session of its own. */
  freshSession?: boolean;
  /** The route answers RFC 6749 `{error, error_description}` errors (an OAuth endpoint), not the error envelope. */
  oauthErrors?: boolean;
}

const accepted: Outcome = { status: 202 };
const created: Outcome = { status: 201 };
const terms = { acceptTerms: true, acceptResponsibility: true };
const org = { org: (f: Fixtures) => f.orgA.id };
const orgC = { org: (f: Fixtures) => f.orgC.id };
const invitationOfA = { ...org, id: (f: Fixtures) => f.invitation.id };

export const MATRIX: Row[] = [
  // System and documentation: public by design.
  { route: 'GET /healthz', access: 'public' },
  { route: 'GET /readyz', access: 'public' },
  { route: 'GET /api/v1/instance', access: 'public' },
  { route: 'GET /api/openapi.json', access: 'public' },
  { route: 'GET /api/docs', access: 'public' },
  { route: 'GET /api/docs/', access: 'public' },
  { route: 'GET /api/docs/assets/:file', access: 'public', params: { file: () => 'portico.css' } },
  { route: 'GET /api/docs/static/*', access: 'public', params: { '*': () => 'swagger-ui.css' } },
  { route: 'GET /docs', access: 'public' },
  { route: 'GET /docs/*', access: 'public', params: { '*': () => 'api.md' } },
  { route: 'GET /api/v1/terms', access: 'public' },
  {
    route: 'PUT /api/v1/operator/terms',
    access: 'operator',
    body: ({ n }) => ({ text: `Matrix terms ${n}` }),
  },
  { route: 'GET /api/docs/json', access: 'public' },
  { route: 'GET /api/docs/yaml', access: 'public' },
  // Leases (SPEC §4.3): the public keys and the server-side check are for anyone holding a lease; a lease that is
  // not one is an answer (200, INVALID_LEASE), not an error.
  { route: 'GET /.well-known/jwks.json', access: 'public' },
  { route: 'POST /api/v1/licensing/validate', access: 'public', body: () => ({ lease: 'not-a-lease' }) },
  // The dev mailbox exists only without SMTP_URL, which production refuses (config.ts); tests run without it.
  { route: 'GET /api/v1/dev/mailbox', access: 'public' },
  // The dev clock exists only with DEV_CLOCK=true (e2e servers; refused in production); tests run without it.
  { route: 'GET /api/v1/dev/clock', access: 'public', ok: { status: 404, code: 'NOT_FOUND' } },
  {
    route: 'POST /api/v1/dev/clock',
    access: 'public',
    body: () => ({ advance: '1s' }),
    ok: { status: 404, code: 'NOT_FOUND' },
  },

  // Accounts (SPEC §2.1): the public steps answer the same with or without a session.
  {
    route: 'POST /api/auth/sign-up',
    access: 'public',
    body: ({ n }) => ({ name: 'Matrix Person', email: `matrix-signup-${n}@example.com`, password: PASSWORD }),
    ok: accepted,
  },
  {
    route: 'POST /api/auth/sign-in',
    access: 'public',
    body: ({ n }) => ({ email: `nobody-${n}@example.com`, password: PASSWORD }),
    ok: { status: 401, code: 'INVALID_CREDENTIALS' },
  },
  { route: 'POST /api/auth/sign-out', access: 'public', freshSession: true, ok: { status: 204 } },
  {
    route: 'POST /api/auth/verify-email',
    access: 'public',
    body: () => ({ token: 'not-a-token' }),
    ok: { status: 400, code: 'INVALID_TOKEN' },
  },
  {
    route: 'POST /api/auth/resend-verification',
    access: 'public',
    body: ({ n }) => ({ email: `nobody-${n}@example.com` }),
    ok: accepted,
  },
  {
    route: 'POST /api/auth/forgot-password',
    access: 'public',
    body: ({ n }) => ({ email: `nobody-${n}@example.com` }),
    ok: accepted,
  },
  {
    route: 'POST /api/auth/reset-password',
    access: 'public',
    body: () => ({ token: 'not-a-token', newPassword: PASSWORD }),
    ok: { status: 400, code: 'INVALID_TOKEN' },
  },
  {
    // A wrong current password: the refusal comes from the account, past the session check (success: accounts.test).
    route: 'POST /api/auth/change-password',
    access: 'session',
    body: () => ({ currentPassword: 'not-the-password-1', newPassword: 'another-fine-password-77' }),
    ok: { status: 400, code: 'VALIDATION_FAILED' },
  },
  { route: 'GET /api/auth/sessions', access: 'session' },
  { route: 'POST /api/auth/sessions/sign-out-others', access: 'session' },
  { route: 'DELETE /api/auth/sessions/:id', access: 'own', params: { id: (f) => f.victim.sessionId } },

  // The account, Register product and the First Moment of Truth (SPEC §2.3).
  { route: 'GET /api/v1/me', access: 'session' },
  { route: 'PATCH /api/v1/me', access: 'session', body: ({ caller }) => ({ name: caller.name }) },
  { route: 'POST /api/v1/registrations', access: 'session', body: ({ f }) => ({ serial: f.orgA.serial }) },
  { route: 'GET /api/v1/orgs/:org/claim', access: 'org-linked', params: org },
  {
    // Organization A has its administrator: a linked user is past the link check and told who it is.
    route: 'POST /api/v1/orgs/:org/claim',
    access: 'org-linked',
    params: org,
    body: () => terms,
    ok: { status: 409, code: 'ALREADY_ADMINISTERED' },
  },

  // The admin portal (SPEC §2.2 "monitor all of an organization's assets").
  { route: 'GET /api/v1/orgs/:org/overview', access: 'org-admin', params: org },
  { route: 'GET /api/v1/orgs/:org/assets', access: 'org-admin', params: org },
  {
    // Enable online licensing on A's asset, which is online already: no change, 200.
    route: 'PATCH /api/v1/orgs/:org/assets/:id',
    access: 'org-admin',
    params: { ...org, id: (f) => f.orgA.assetId },
    body: () => ({ mode: 'online' }),
  },

  // Assignments (SPEC §2.5; §3: assign / revoke products — administrators and operators; own products — members).
  {
    // memberA gets A's license the first time, then "already assigned": 200 either way.
    route: 'POST /api/v1/orgs/:org/assignments',
    access: 'org-admin',
    params: org,
    body: ({ f }) => ({ product: 'PRM-2026', users: [f.memberA.userId] }),
  },
  { route: 'GET /api/v1/orgs/:org/assignments', access: 'org-admin', params: org },
  {
    // An id no assignment has: an allowed actor is past the permission check and told it does not exist.
    route: 'DELETE /api/v1/orgs/:org/assignments/:id',
    access: 'org-admin',
    params: { ...org, id: () => UNKNOWN_ASSIGNMENT },
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'POST /api/v1/orgs/:org/assignments/revoke',
    access: 'org-admin',
    params: org,
    body: () => ({ assignments: [UNKNOWN_ASSIGNMENT] }),
  },
  { route: 'GET /api/v1/orgs/:org/my-products', access: 'org-member', params: org },

  // Online licensing (SPEC §2.5, §4.3). The desktop routes are any signed-in caller's (a token of scope licensing or
  // a browser session): an activation that is not the caller's is answered like a missing one, so an id no
  // activation has shows an allowed caller past the session check. Business outcomes are 200 answers.
  { route: 'GET /api/v1/licensing/products', access: 'session' },
  {
    // memberA holds A's license once the assignment row ran (VALID), everyone else NOT_ASSIGNED: 200 either way.
    route: 'POST /api/v1/licensing/activations',
    access: 'session',
    body: ({ n }) => ({ product: 'PRM-2026', machine: { fingerprint: `matrix-${n}`, name: 'Matrix', platform: 'x' } }),
  },
  {
    route: 'POST /api/v1/licensing/activations/:id/heartbeat',
    access: 'session',
    params: { id: () => 'act_00000000000000000000000000' },
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'POST /api/v1/licensing/activations/:id/checkout',
    access: 'session',
    params: { id: () => 'act_00000000000000000000000000' },
    body: () => ({ days: 1 }),
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'DELETE /api/v1/licensing/activations/:id',
    access: 'session',
    params: { id: () => 'act_00000000000000000000000000' },
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  {
    // Machine mode needs no sign-in, only the serial: A's serial is a named-user license, answered as data.
    route: 'POST /api/v1/licensing/machine-activations',
    access: 'public',
    body: ({ f }) => ({ serial: f.orgA.serial, machine: { fingerprint: 'matrix', name: 'Matrix', platform: 'x' } }),
  },
  {
    route: 'POST /api/v1/licensing/machine-activations/:id/heartbeat',
    access: 'public',
    params: { id: () => 'act_00000000000000000000000000' },
    body: ({ f }) => ({ serial: f.orgA.serial }),
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'POST /api/v1/licensing/machine-activations/:id/release',
    access: 'public',
    params: { id: () => 'act_00000000000000000000000000' },
    body: ({ f }) => ({ serial: f.orgA.serial }),
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  { route: 'GET /api/v1/orgs/:org/activations', access: 'org-admin', params: org },
  {
    route: 'DELETE /api/v1/orgs/:org/activations/:id',
    access: 'org-admin',
    params: { ...org, id: () => 'act_00000000000000000000000000' },
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'POST /api/v1/orgs/:org/transfer-grants',
    access: 'org-admin',
    params: org,
    body: ({ f }) => ({ user: f.memberA.userId, product: 'PRM-2026', count: 1, reason: 'Permissions matrix' }),
  },
  {
    route: 'DELETE /api/v1/orgs/:org/my-products/activations/:id',
    access: 'org-member',
    params: { ...org, id: () => 'act_00000000000000000000000000' },
    ok: { status: 404, code: 'NOT_FOUND' },
  },

  // Members and invitations (SPEC §2.4; §3: invite, resend, copy link, new invitation, revoke; change User Rights,
  // remove member — administrators and operators). Allowed requests leave the fixtures as they were.
  { route: 'GET /api/v1/orgs/:org', access: 'org-member', params: org },
  { route: 'GET /api/v1/orgs/:org/members', access: 'org-admin', params: org },
  {
    route: 'POST /api/v1/orgs/:org/invitations',
    access: 'org-admin',
    params: org,
    body: ({ n }) => ({ emails: `matrix-invitee-${n}@example.com`, rights: 'member' }),
  },
  { route: 'GET /api/v1/orgs/:org/invitations/:id/link', access: 'org-admin', params: invitationOfA },
  {
    // Two allowed actors a run, five resends a day: the pending invitation stays pending.
    route: 'POST /api/v1/orgs/:org/invitations/:id/resend',
    access: 'org-admin',
    params: invitationOfA,
    ok: { status: 204 },
  },
  {
    // The invitation has not expired: an allowed actor is past the permission check and told so.
    route: 'POST /api/v1/orgs/:org/invitations/:id/reissue',
    access: 'org-admin',
    params: invitationOfA,
    ok: { status: 409, code: 'INVITATION_NOT_EXPIRED' },
  },
  {
    // Revoking the revoked one: refused for its state, after the permission check (success: invitations.test).
    route: 'DELETE /api/v1/orgs/:org/invitations/:id',
    access: 'org-admin',
    params: { ...org, id: (f) => f.revokedInvitation.id },
    ok: { status: 409, code: 'INVITATION_REVOKED' },
  },
  { route: 'GET /api/v1/orgs/:org/invitations/:id/history', access: 'org-admin', params: invitationOfA },
  {
    // memberA is a member already: no change, 204.
    route: 'PATCH /api/v1/orgs/:org/members/:user',
    access: 'org-admin',
    params: { ...org, user: (f) => f.memberA.userId },
    body: () => ({ rights: 'member' }),
    ok: { status: 204 },
  },
  {
    // adminA is A's only administrator: refused as the last one, after the permission check.
    route: 'DELETE /api/v1/orgs/:org/members/:user',
    access: 'org-admin',
    params: { ...org, user: (f) => f.adminA.userId },
    ok: { status: 409, code: 'LAST_ADMINISTRATOR' },
  },
  // Bulk actions (issue 14): answered per row; each allowed request here names rows it cannot change.
  {
    route: 'POST /api/v1/orgs/:org/invitations/resend',
    access: 'org-admin',
    params: org,
    body: ({ f }) => ({ selection: { ids: [f.revokedInvitation.id] } }),
  },
  {
    route: 'POST /api/v1/orgs/:org/invitations/revoke',
    access: 'org-admin',
    params: org,
    body: ({ f }) => ({ selection: { ids: [f.revokedInvitation.id] } }),
  },
  {
    route: 'POST /api/v1/orgs/:org/members/change-rights',
    access: 'org-admin',
    params: org,
    body: ({ f }) => ({ selection: { ids: [f.memberA.userId] }, rights: 'member' }),
  },
  {
    // adminA is A's only administrator: `yourself` for adminA, `last administrator` for the operator.
    route: 'POST /api/v1/orgs/:org/members/remove',
    access: 'org-admin',
    params: org,
    body: ({ f }) => ({ selection: { ids: [f.adminA.userId] } }),
  },
  { route: 'GET /api/v1/orgs/:org/members/counts', access: 'org-admin', params: org },
  { route: 'GET /api/v1/orgs/:org/members/export', access: 'org-admin', params: org },
  // The invitation page: the token is the key, no session needed.
  { route: 'GET /api/v1/invitations/:token', access: 'public', params: { token: (f) => f.invitation.token } },
  {
    // Sent to an address no actor has: every signed-in actor is refused for its email, not for its session.
    route: 'POST /api/v1/invitations/:token/accept',
    access: 'session',
    params: { token: (f) => f.invitation.token },
    ok: { status: 403, code: 'EMAIL_MISMATCH' },
  },
  {
    // Create account from the link, with an address that is not the invited one: refused before any account exists.
    route: 'POST /api/v1/invitations/:token/sign-up',
    access: 'public',
    params: { token: (f) => f.invitation.token },
    body: ({ n }) => ({ name: 'Matrix Person', email: `matrix-invitee-other-${n}@example.com`, password: PASSWORD }),
    ok: { status: 403, code: 'EMAIL_MISMATCH' },
  },

  // The operator area (SPEC §3: organizations, catalogue, assets: create / change — operators only).
  { route: 'GET /api/v1/operator/organizations', access: 'operator' },
  {
    route: 'POST /api/v1/operator/organizations',
    access: 'operator',
    body: ({ n }) => ({ name: `Matrix ${n}`, code: `matrix-${n}` }),
    ok: created,
  },
  { route: 'GET /api/v1/operator/organizations/:org', access: 'operator', params: org },
  {
    route: 'PATCH /api/v1/operator/organizations/:org',
    access: 'operator',
    params: orgC,
    body: ({ f }) => ({ name: f.orgC.name }),
  },
  { route: 'GET /api/v1/operator/organizations/:org/administrators', access: 'operator', params: org },
  {
    route: 'POST /api/v1/operator/organizations/:org/administrators',
    access: 'operator',
    params: orgC,
    body: ({ f }) => ({ email: f.spare.email }),
  },
  {
    route: 'DELETE /api/v1/operator/organizations/:org/administrators/:user',
    access: 'operator',
    params: { ...orgC, user: (f) => f.spare.userId },
  },
  { route: 'GET /api/v1/operator/organizations/:org/assets', access: 'operator', params: org },
  { route: 'GET /api/v1/operator/products', access: 'operator' },
  {
    route: 'POST /api/v1/operator/products',
    access: 'operator',
    body: ({ n }) => ({ code: `MTX-${n}`, name: `Matrix ${n}`, kind: 'license', type: 'cad' }),
    ok: created,
  },
  {
    route: 'PATCH /api/v1/operator/products/:product',
    access: 'operator',
    params: { product: (f) => f.spareProduct.id },
    body: ({ n }) => ({ name: `Spare product ${n}` }),
  },
  {
    route: 'POST /api/v1/operator/products/:product/retire',
    access: 'operator',
    params: { product: (f) => f.spareProduct.id },
  },
  {
    route: 'POST /api/v1/operator/assets',
    access: 'operator',
    body: ({ n, f }) => ({
      organization: f.orgC.code,
      product: 'PRM-2026',
      serial: `MTX${String(n).padStart(9, '0')}`,
      seats: 5,
      mode: 'online',
      startsAt: '2026-01-01',
      endsAt: '2027-01-01',
    }),
    ok: created,
  },
  {
    route: 'PATCH /api/v1/operator/assets/:id',
    access: 'operator',
    params: { id: (f) => f.orgA.assetId },
    body: () => ({ seats: 10 }),
  },
  {
    route: 'POST /api/v1/operator/assets/import',
    access: 'operator',
    contentType: 'text/csv',
    body: ({ n, f }) =>
      `organization,serial,product,seats,mode,starts,ends\n${f.orgC.code},CSV${String(n).padStart(9, '0')},PRM-2026,3,online,2026-01-01,2027-01-01\n`,
  },
  { route: 'GET /api/v1/operator/operators', access: 'operator' },
  { route: 'POST /api/v1/operator/operators', access: 'operator', body: ({ f }) => ({ email: f.spare.email }) },
  { route: 'DELETE /api/v1/operator/operators/:user', access: 'operator', params: { user: (f) => f.spare.userId } },

  // Desktop sign-in (RFC 8628, SPEC §4.3): the OAuth endpoints are public by the RFC; approving is a browser's.
  { route: 'GET /.well-known/oauth-authorization-server', access: 'public' },
  {
    route: 'POST /api/v1/licensing/device/code',
    access: 'public',
    contentType: 'application/x-www-form-urlencoded',
    body: () => 'client_id=portico-desktop&scope=licensing',
  },
  {
    // No approved code exists in the fixtures: everyone is told so alike (the flow itself: device-auth.test.ts).
    route: 'POST /api/v1/licensing/device/token',
    access: 'public',
    contentType: 'application/x-www-form-urlencoded',
    body: () => 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=unknown',
    ok: { status: 400 },
    oauthErrors: true,
  },
  {
    // A code nobody requested: a signed-in caller is past the session check and told it is not valid.
    route: 'GET /api/v1/licensing/device/requests/:userCode',
    access: 'session',
    params: { userCode: () => 'BCDF-GHJK' },
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'POST /api/v1/licensing/device/requests/:userCode',
    access: 'session',
    params: { userCode: () => 'BCDF-GHJK' },
    body: () => ({ decision: 'deny' }),
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  { route: 'GET /api/v1/me/devices', access: 'session' },
  { route: 'DELETE /api/v1/me/devices/:id', access: 'own', params: { id: () => 'dtk_00000000000000000000000000' } },
  // A browser session signs out nothing here (a desktop application signs its own token out).
  { route: 'POST /api/v1/licensing/sign-out', access: 'session', ok: { status: 204 } },

  // The audit log (SPEC §2.8; §3: an organization's to its administrators and operators, all of it to operators).
  { route: 'GET /api/v1/orgs/:org/audit-events', access: 'org-admin', params: org },
  { route: 'GET /api/v1/orgs/:org/audit-events/actions', access: 'org-admin', params: org },
  { route: 'GET /api/v1/operator/audit-events', access: 'operator' },
  { route: 'GET /api/v1/operator/audit-events/actions', access: 'operator' },
  // No bulk event exists in the fixtures: past the guard, everyone allowed is told so (the rows: audit-readable.test).
  {
    route: 'GET /api/v1/orgs/:org/audit-events/:id/items',
    access: 'org-admin',
    params: { ...org, id: () => UNKNOWN_AUDIT_EVENT },
    ok: { status: 404, code: 'NOT_FOUND' },
  },
  {
    route: 'GET /api/v1/operator/audit-events/:id/items',
    access: 'operator',
    params: { id: () => UNKNOWN_AUDIT_EVENT },
    ok: { status: 404, code: 'NOT_FOUND' },
  },
];

/**
 * What a route must declare (http/route.ts) for its row's rule: the guard enforces the declaration; `own` and
 * `org-linked` are a signed-in caller's, and their service answers everyone else like an unknown id. Swagger UI's
 * files (served by @fastify/static) declare nothing.
 */
export function declarationFor(row: Row): string | undefined {
  if (row.access === 'public') return row.route === 'GET /api/docs/static/*' ? undefined : 'public';
  if (row.access === 'own' || row.access === 'org-linked') return 'session';
  return row.access;
}

export interface Expected extends Outcome {
  /** Refused exactly like a request for an id that does not exist (SPEC §3). */
  likeUnknown?: { param: string; value: string };
}

const ORG_ADMINS: readonly ActorName[] = ['adminA', 'operator'];
const LINKED_TO_A: readonly ActorName[] = ['adminA', 'linkedA'];
const MEMBERS_OF_A: readonly ActorName[] = ['adminA', 'memberA', 'operator'];

/** What `actor` must get from `row`: SPEC §3 read through the row's access rule. */
export function expectedFor(row: Row, actor: ActorName): Expected {
  const ok = row.ok ?? { status: 200 };
  if (row.access === 'public') return ok;
  if (WITHOUT_SESSION.includes(actor)) return { status: 401, code: 'UNAUTHENTICATED' };
  switch (row.access) {
    case 'session':
      return ok;
    case 'operator':
      return actor === 'operator' ? ok : { status: 403, code: 'FORBIDDEN' };
    case 'org-admin':
      return ORG_ADMINS.includes(actor) ? ok : { status: 404, likeUnknown: { param: 'org', value: UNKNOWN_ORG } };
    case 'org-member':
      return MEMBERS_OF_A.includes(actor) ? ok : { status: 404, likeUnknown: { param: 'org', value: UNKNOWN_ORG } };
    case 'org-linked':
      return LINKED_TO_A.includes(actor) ? ok : { status: 404, likeUnknown: { param: 'org', value: UNKNOWN_ORG } };
    case 'own':
      return { status: 404, likeUnknown: { param: 'id', value: UNKNOWN_SESSION } };
  }
}
