import type { FastifyServerOptions } from 'fastify';

const SENSITIVE_QUERY = /^(token|code|user_code|device_code|key|secret|password|signature)$/i;

/** Query values that may carry a secret (a verification token in a page URL, say) never reach the log. */
export function redactUrl(raw: string): string {
  // Invitation links carry their token in the path (/invitations/TOKEN and the API behind it).
  const url = raw.replace(/\/invitations\/[^/?]+/, '/invitations/[redacted]');
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of [...params.keys()]) if (SENSITIVE_QUERY.test(key)) params.set(key, '[redacted]');
  return `${url.slice(0, q)}?${params.toString()}`;
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
      }),
    },
  };
}
