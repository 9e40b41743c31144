import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { registerAccessInventory } from './http/access.js';
import { registerCsrfProtection } from './http/csrf.js';
import { registerErrorHandler } from './http/errors.js';
import { registerIdempotency } from './http/idempotency.js';
import { loggerOptions } from './http/logging.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { serializerCompiler } from './http/serializer.js';
import { registerWebApp } from './http/web.js';
import { accountRoutes } from './modules/accounts/accounts.routes.js';
import { meRoutes } from './modules/accounts/me.routes.js';
import { operatorsRoutes } from './modules/accounts/operators.routes.js';
import { sessionRoutes } from './modules/accounts/sessions.routes.js';
import { assetRoutes } from './modules/assets/assets.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { deviceAuthRoutes } from './modules/device-auth/device-auth.routes.js';
import { invitationRoutes } from './modules/invitations/invitations.routes.js';
import { invitationBulkRoutes } from './modules/invitations/invitations-bulk.routes.js';
import { activationAdminRoutes } from './modules/licensing/activation-admin.routes.js';
import { activationRoutes } from './modules/licensing/activations.routes.js';
import { assignmentRoutes } from './modules/licensing/assignments.routes.js';
import { leaseRoutes } from './modules/licensing/leases.routes.js';
import { mailboxRoutes } from './modules/mail/mailbox.routes.js';
import { administratorRoutes } from './modules/members/administrators.routes.js';
import { memberRoutes } from './modules/members/members.routes.js';
import { memberBulkRoutes } from './modules/members/members-bulk.routes.js';
import { appointmentRoutes } from './modules/operator/appointments.routes.js';
import { organizationRoutes } from './modules/organizations/organizations.routes.js';
import { registrationRoutes } from './modules/registrations/registrations.routes.js';
import { devClockRoutes } from './modules/system/dev-clock.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';

export const BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP application; never listens (tests inject requests, main.ts listens). */
export async function buildApp(deps: AppDeps, options: { logLevel?: string } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? deps.config.logLevel),
    bodyLimit: BODY_LIMIT,
    genReqId: () => `req_${randomUUID().replaceAll('-', '')}`,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  app.decorateRequest('auth', null as never);
  app.decorateRequest('standing', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerAccessInventory(app);
  // The API speaks JSON only; a text body is answered 415 instead of reaching a schema as a string.
  app.removeContentTypeParser('text/plain');

  // While shutting down, responses to requests still in flight close their connection, so keep-alive clients
  // do not hold the server open after their last answer.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });
  registerSecurityHeaders(app, deps.config.secureCookies);
  await app.register(cookie);
  registerCsrfProtection(app, deps.config.publicUrl);
  registerIdempotency(app);
  await registerOpenApi(app, deps.config.publicUrl);

  await app.register(systemRoutes);
  await app.register(devClockRoutes);
  // One plugin a module; each module serves its operator routes too.
  for (const routes of [
    accountRoutes,
    sessionRoutes,
    meRoutes,
    operatorsRoutes,
    mailboxRoutes,
    organizationRoutes,
    catalogRoutes,
    assetRoutes,
    administratorRoutes,
    appointmentRoutes,
    registrationRoutes,
    memberRoutes,
    memberBulkRoutes,
    invitationRoutes,
    invitationBulkRoutes,
    assignmentRoutes,
    deviceAuthRoutes,
    leaseRoutes,
    activationRoutes,
    activationAdminRoutes,
    auditRoutes,
  ])
    await app.register(routes);
  await registerWebApp(app, deps.webRoot);
  return app;
}
