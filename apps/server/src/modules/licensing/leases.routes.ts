import { ValidateAnswer, ValidateRequest } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { route } from '../../http/route.js';

const tags = ['licensing'];

/**
 * The published keys, exactly these fields: the answer's schema also filters what is written, so a private part
 * (`d`) could never be served even if it reached the object.
 */
const Jwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
});
const Jwks = z.object({ keys: z.array(Jwk) });

/**
 * Clients and proxies may keep the key set five minutes (a client seeing an unknown kid fetches it again); any
 * origin may read it, as public keys are meant to be read.
 */
const JWKS_HEADERS = {
  'cache-control': 'public, max-age=300',
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
};

/** `GET /.well-known/jwks.json` and `POST /api/v1/licensing/validate` (SPEC §4.3). */
export const leaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const { leases } = deps;

  app.get(
    '/.well-known/jwks.json',
    route('public', {
      tags,
      summary: 'The public keys that verify leases (JWKS, RFC 7517): the current key and retired ones still in use',
      description:
        'Leases are compact JWS signed with EdDSA (Ed25519); a lease names its key in the `kid` header. A retired ' +
        'key stays listed until every lease it signed has expired (OFFLINE_LEASE_MAX + LEASE_TTL).',
      response: { 200: Jwks },
    }),
    async (_request, reply) => {
      reply.headers(JWKS_HEADERS);
      return leases.jwks(deps.clock.now());
    },
  );

  app.post(
    '/api/v1/licensing/validate',
    route('public', {
      tags,
      summary: 'Check a lease on the server: its signature, expiry and the state of its activation now',
      description:
        'Answers 200 with `{valid, code, message, claims}`: `VALID` (claims included), `INVALID_LEASE` (not signed ' +
        'by this server, altered, or not a lease), `EXPIRED`, `RELEASED`, `TRANSFERRED`, `REVOKED`, `SUSPENDED`. ' +
        'An offline lease stays `VALID` until it expires unless it was released or revoked.',
      body: ValidateRequest,
      response: { 200: ValidateAnswer },
    }),
    async (request) => leases.validate(request.body.lease, deps.clock.now()),
  );
};
