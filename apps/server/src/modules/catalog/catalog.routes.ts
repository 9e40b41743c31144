import { CatalogProduct, CreateProductRequest, IdInput, ProductList, UpdateProductRequest } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { catalogue, createProduct, retireProduct, updateProduct } from './catalog.service.js';

const tags = ['operator'];
/** A product by its id (`prd_…`) or its code. */
const params = z.object({ product: IdInput });

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
      response: { 201: CatalogProduct },
    }),
    async (request, reply) => reply.code(201).send(await createProduct(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/v1/operator/products/:product',
    route('operator', {
      tags,
      summary: 'Change a product’s name or product type',
      description: 'The code and the kind never change. A service has no product type; a license keeps one.',
      params,
      body: UpdateProductRequest,
      response: { 200: CatalogProduct },
    }),
    async (request) => updateProduct(deps, actorOf(request), request.params.product, request.body),
  );
  app.post(
    '/api/v1/operator/products/:product/retire',
    route('operator', {
      tags,
      summary: 'Retire a product',
      description:
        'A retired product takes no new assets (one by one or imported); the assets that exist keep working. ' +
        'Retiring a retired product changes nothing.',
      params,
      response: { 200: CatalogProduct },
    }),
    async (request) => retireProduct(deps, actorOf(request), request.params.product),
  );
};
