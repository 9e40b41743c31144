import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** STUB (being written): the device authorization grant (RFC 8628) and Signed-in devices. */
export const deviceAuthRoutes: FastifyPluginAsyncZod = async () => {};
