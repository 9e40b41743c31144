import type { ErrorBody, ErrorCode, ErrorDetail } from '@portico/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.js';

export function errorBody(
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  details: ErrorDetail[] = [],
): ErrorBody {
  return { error: { code, message, details, requestId: request.id } };
}

function send(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .send(errorBody(request, error.code, error.message, error.details));
}

/** The shape fastify-type-provider-zod gives each zod issue (Ajv-like: keyword, instancePath, params). */
interface SchemaIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

/** One detail per bad field, named by its dotted path; unknown fields are named one by one. */
export function issueDetails(issues: SchemaIssue[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const path = (issue.instancePath ?? '').split('/').filter(Boolean).join('.');
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      return issue.params.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'is not a known field' }));
    }
    if (issue.keyword === 'invalid_type' && /received undefined/.test(issue.message ?? ''))
      return [{ path, message: 'is required' }];
    return [{ path, message: issue.message ?? 'is not valid' }];
  });
}

function validationError(error: FastifyError): AppError {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const issues = (error as unknown as { validation: SchemaIssue[] }).validation ?? [];
  const details = issueDetails(issues);
  const summary = details.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('; ');
  return new AppError('VALIDATION_FAILED', summary || `The request ${context} is not valid`, details);
}

/** Fastify's own errors (body parser, limits) mapped onto the catalogue. */
function frameworkError(error: FastifyError): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MB');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('VALIDATION_FAILED', 'The request body is empty', [{ path: '', message: 'is required' }]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('VALIDATION_FAILED', 'Content-Length does not match the body');
    default:
      break;
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('VALIDATION_FAILED', 'The request body is not valid JSON', [
      { path: '', message: 'is not valid JSON' },
    ]);
  }
  if (error.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MB');
  if (error.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  if (error.statusCode === 429) return AppError.rateLimited(60);
  const byStatus: Partial<Record<number, ErrorCode>> = {
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
  };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(byStatus[error.statusCode] ?? 'VALIDATION_FAILED', error.message);
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error) || error.validation)
      return send(request, reply, validationError(error));
    const mapped = frameworkError(error);
    if (mapped) return send(request, reply, mapped);
    request.log.error({ err: error }, 'unhandled error');
    return send(
      request,
      reply,
      new AppError('INTERNAL', 'Something went wrong on our side; the request id identifies it in the log'),
    );
  });
}
