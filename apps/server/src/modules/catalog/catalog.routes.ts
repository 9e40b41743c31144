import { CreateProductRequest, Product, ProductList } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { catalogue, createProduct } from './catalog.service.js';

const tags = ['operator'];

/** The product catalogue (SPEC §2.2), kept by operators. */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.get(
    '/api/v1/operator/products',
    route('operator', { tags, summary: 'The product catalogue', response: { 200: ProductList } }),
    async () => catalogue(deps),
  );
  app.post(
    '/api/v1/operator/products',
    route('operator', {
      tags,
      summary: 'Add a product to the catalogue',
      body: CreateProductRequest,
      response: { 201: Product },
    }),
    async (request, reply) => reply.code(201).send(await createProduct(deps, actorOf(request), request.body)),
  );
};
