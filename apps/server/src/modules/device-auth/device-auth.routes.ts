import { DeviceDecisionRequest, DeviceRequestView, IdInput, SignedInDevices, UserCodeParams } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { redactUrl } from '../../http/logging.js';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { authorizationServerMetadata } from './device-auth.service.js';
import { decideRequest, viewRequest } from './device-requests.service.js';
import { listSignedInDevices, signOutCaller, signOutDevice } from './device-tokens.service.js';
import { oauthRoutes } from './oauth.routes.js';

const tags = ['licensing'];

/** RFC 8414 authorization server metadata, as served. */
const AuthorizationServerMetadata = z.object({
  issuer: z.string(),
  device_authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  grant_types_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()),
  token_endpoint_auth_methods_supported: z.array(z.string()),
  response_types_supported: z.array(z.string()),
  jwks_uri: z.string(),
  service_documentation: z.string(),
});

/** The request line as the server log shows it, with the user code of the approval routes left out. */
function requestForLog(req: { method: string; url: string; ip?: string }) {
  return {
    method: req.method,
    url: redactUrl(req.url.replace(/(\/device\/requests\/)[^/?]+/, '$1[redacted]')),
    ip: req.ip,
  };
}

/** The /device page: look up a user code, approve or deny it (browser only: a desktop token may not sign in others). */
const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/v1/licensing/device/requests/:userCode',
    route(
      'session',
      {
        tags,
        summary: 'The desktop sign-in waiting for this user code (any case, dash and spaces optional)',
        description:
          'A pending request, or `status: "expired"` once its 15 minutes are over; a decided request or an ' +
          'unknown code: 404. 30 look-ups and decisions per account in 10 minutes.',
        params: UserCodeParams,
        response: { 200: DeviceRequestView },
      },
      { scope: 'account' },
    ),
    async (request) => viewRequest(deps, request.auth.user, request.params.userCode),
  );
  app.post(
    '/api/v1/licensing/device/requests/:userCode',
    route(
      'session',
      {
        tags,
        summary: 'Approve or deny a desktop sign-in',
        description:
          'Approving gives the application a token for your account, good for licensing only. Needs a verified ' +
          'email address (`EMAIL_NOT_VERIFIED`); a request is decided once (`CONFLICT`, also once expired).',
        params: UserCodeParams,
        body: DeviceDecisionRequest,
        response: { 200: DeviceRequestView },
      },
      { scope: 'account' },
    ),
    async (request) =>
      decideRequest(deps, actorOf(request), request.auth.user, request.params.userCode, request.body.decision),
  );
};

/** Signed-in devices on the account page, and a desktop application signing itself out. */
const signedInDeviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/v1/me/devices',
    route(
      'session',
      {
        tags: ['me'],
        summary: 'Signed-in devices: the desktop applications holding a token of yours, newest first',
        response: { 200: SignedInDevices },
      },
      { scope: 'account' },
    ),
    async (request) => listSignedInDevices(deps, request.auth.user.id),
  );
  app.delete(
    '/api/v1/me/devices/:id',
    route(
      'session',
      {
        tags: ['me'],
        summary: 'Sign a device out: its token stops working and its activations end',
        params: z.object({ id: IdInput }),
      },
      { scope: 'account' },
    ),
    async (request, reply) => {
      await signOutDevice(deps, actorOf(request), request.auth.user.id, request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/licensing/sign-out',
    route(
      'session',
      {
        tags,
        summary: 'Sign this desktop application out (its bearer token); a browser session changes nothing here',
      },
      { scope: 'licensing' },
    ),
    async (request, reply) => {
      await signOutCaller(deps, actorOf(request), request.auth);
      return reply.code(204).send();
    },
  );
};

/** The desktop application's browser sign-in (RFC 8628), its tokens, and Signed-in devices. */
export const deviceAuthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/.well-known/oauth-authorization-server',
    route('public', {
      tags,
      summary: 'OAuth 2.0 authorization server metadata (RFC 8414) for desktop sign-in',
      response: { 200: AuthorizationServerMetadata },
    }),
    async () => authorizationServerMetadata(app.deps),
  );
  // User codes travel in the paths of the approval routes; no log line may show one.
  await app.register(
    async (scope) => {
      await scope.register(oauthRoutes);
      await scope.register(approvalRoutes);
      await scope.register(signedInDeviceRoutes);
    },
    // Fastify types serializers as returning strings; pino takes objects (http/logging.ts returns one too).
    { logSerializers: { req: requestForLog as unknown as (value: unknown) => string } },
  );
};
