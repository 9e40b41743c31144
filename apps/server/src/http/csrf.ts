import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie-authenticated changes (docs/adr/0003). Browsers say where a request comes from
 * (Sec-Fetch-Site, else Origin); a change is refused when that is another site. Requests with neither header
 * come from programs, not from a page in a victim's browser. SameSite=Lax cookies are the second layer.
 */
export function registerCsrfProtection(app: FastifyInstance, publicUrl: string): void {
  const allowedOrigin = new URL(publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const site = request.headers['sec-fetch-site'];
    if (site === 'same-origin' || site === 'none') return;
    const origin = request.headers.origin;
    if (site === undefined && origin === undefined) return;
    const ownOrigin = `${request.protocol}://${request.host}`;
    if (site === undefined && (origin === allowedOrigin || origin === ownOrigin)) return;
    throw new AppError('CSRF_REJECTED', 'Cross-site request refused: send it from the Portico web app');
  });
}
