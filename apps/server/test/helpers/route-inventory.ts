import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  /** Fastify's path syntax: `/api/v1/orgs/:org/claim`. */
  url: string;
}

// One line of printRoutes: the tree's indentation (4 characters a level), a branch, the node's path segment, and
// the methods of the route that ends there, if any.
const LINE = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z]+(?:, [A-Z]+)*)\))?$/;

/**
 * Every route the built app serves, read from `app.printRoutes()` (an onRoute hook cannot be added after
 * buildApp), so routes hidden from the OpenAPI document are included. The default output is the router's radix
 * tree, whose node labels concatenate into full paths (`commonPrefix: false` merges nodes and misplaces
 * wildcards). HEAD routes Fastify adds beside each GET are left out. Fails loudly when Fastify changes the format
 * instead of finding no routes.
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const text = app.printRoutes();
  const prefixes: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`printRoutes line not understood: ${JSON.stringify(line)}`);
    const [, indent = '', segment = '', methods] = match;
    const depth = indent.length / 4;
    prefixes.length = depth;
    const url = (prefixes[depth - 1] ?? '') + segment;
    prefixes[depth] = url;
    for (const method of methods?.split(', ') ?? []) routes.push({ method, url });
  }
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  return routes.filter((r) => !(r.method === 'HEAD' && gets.has(r.url)));
}

/** `GET /api/v1/orgs/{org}/claim` in the OpenAPI document → `GET /api/v1/orgs/:org/claim`. */
export async function openApiRoutes(app: FastifyInstance): Promise<string[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const paths = res.json().paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}
