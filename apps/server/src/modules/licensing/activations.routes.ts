import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The desktop application's activations, machine mode, and the administrators' and members' views. */
export const activationRoutes: FastifyPluginAsyncZod = async () => {};
