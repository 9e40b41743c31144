import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** STUB (being written): `/.well-known/jwks.json` and `POST /api/v1/licensing/validate`. */
export const leaseRoutes: FastifyPluginAsyncZod = async () => {};
