import formbody from '@fastify/formbody';
import {
  DEVICE_GRANT_TYPE,
  DeviceCodeRequest,
  DeviceCodeResponse,
  DeviceTokenRequest,
  DeviceTokenResponse,
  OAuthErrorResponse,
} from '@portico/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { issueDetails } from '../../http/errors.js';
import { route } from '../../http/route.js';
import { AppError } from '../../lib/errors.js';
import { type OAuthOutcome, pollDeviceToken, requestDeviceCode } from './device-auth.service.js';

const tags = ['licensing'];
const FORM_OR_JSON = ['application/x-www-form-urlencoded', 'application/json'];

/** RFC 6749 §5.2: `{error, error_description}`, not Portico's envelope, since OAuth clients read this shape. */
function oauthError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).send({ error, error_description: description });
}

function answer<T>(reply: FastifyReply, outcome: OAuthOutcome<T>): T | FastifyReply {
  return outcome.ok ? outcome.value : oauthError(reply, 400, outcome.error, outcome.description);
}

function bodyProblem(error: FastifyError): string {
  if (error.statusCode === 413) return 'The request body is too large';
  if (error.statusCode === 415) return 'Send the parameters as application/x-www-form-urlencoded';
  // Never the parser's own message: it may quote the body, device code included.
  return 'The request body is not valid';
}

/** Every refusal of these two endpoints in the RFC's shape, malformed bodies and limits included. */
function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    reply.headers(error.headers);
    if (error.code === 'RATE_LIMITED') return oauthError(reply, 429, 'temporarily_unavailable', error.message);
    if (error.status >= 500) return oauthError(reply, error.status, 'temporarily_unavailable', error.message);
    return oauthError(reply, error.status, 'invalid_request', error.message);
  }
  if (error.validation) {
    const details = issueDetails(error.validation as Parameters<typeof issueDetails>[0]);
    const summary = details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('; ');
    return oauthError(reply, 400, 'invalid_request', summary || 'The request is not valid');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return oauthError(reply, 400, 'invalid_request', bodyProblem(error));
  request.log.error({ err: error }, 'unhandled error');
  return oauthError(reply, 500, 'server_error', 'Something went wrong on our side; try again shortly');
}

/**
 * The device authorization and token endpoints (RFC 8628 §3.1–3.5), in their own scope: form bodies are parsed
 * here only (the rest of the API speaks JSON), and errors take the RFC's shape.
 */
export const oauthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  await app.register(formbody);
  app.setErrorHandler(handleError);
  app.addHook('onRequest', async (request, reply) => {
    // These answers hold a device code or an access token: no cache may keep them (RFC 6749 §5.1), and neither may
    // the idempotency store, which would keep the answer in clear for a day.
    delete request.headers['idempotency-key'];
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  });

  app.post(
    '/api/v1/licensing/device/code',
    route('public', {
      tags,
      summary: 'Start a desktop sign-in (RFC 8628 device authorization request)',
      description:
        'Form-encoded (JSON accepted). Answers a `device_code` to poll the token endpoint with and a `user_code` ' +
        'for the person to enter at `verification_uri` (or open `verification_uri_complete`). Only the scope ' +
        '`licensing` is granted; `application`, `machine_name`, `platform` and `app_version` are shown on the ' +
        'approval page. Errors are RFC 6749 `{error, error_description}`. 600 requests an hour per address.',
      consumes: FORM_OR_JSON,
      body: DeviceCodeRequest,
      response: { 200: DeviceCodeResponse, 400: OAuthErrorResponse },
    }),
    async (request, reply) => answer(reply, await requestDeviceCode(deps, request.ip, request.body)),
  );

  app.post(
    '/api/v1/licensing/device/token',
    route('public', {
      tags,
      summary: 'Poll for the access token of a desktop sign-in (RFC 8628 device access token request)',
      description:
        `Form-encoded (JSON accepted), \`grant_type=${DEVICE_GRANT_TYPE}\`. Until the person decides: ` +
        '`authorization_pending`; polled sooner than `interval` seconds after the last poll: `slow_down` (and the ' +
        'interval grows by 5 s); then `access_denied`, `expired_token`, or the token once (`Bearer`, scope ' +
        '`licensing`, 90 days, extended by use). Errors are RFC 6749 `{error, error_description}` with status 400.',
      consumes: FORM_OR_JSON,
      body: DeviceTokenRequest,
      response: { 200: DeviceTokenResponse, 400: OAuthErrorResponse },
    }),
    async (request, reply) => answer(reply, await pollDeviceToken(deps, request.body)),
  );
};
