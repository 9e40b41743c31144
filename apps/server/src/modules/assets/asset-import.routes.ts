import { ASSET_IMPORT_MAX_BYTES, ImportQuery, ImportRefused, ImportReport } from '@portico/contracts';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../http/errors.js';
import { actorOf } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import { AppError } from '../../lib/errors.js';
import { importAssets, refusalOf } from './asset-import.service.js';

const MAX_MB = ASSET_IMPORT_MAX_BYTES / 1024 / 1024;

/**
 * POST /api/v1/operator/assets/import (SPEC §2.2); its operator check runs when the request arrives, before the
 * body is read. Its own plugin so that the CSV body parser and the 5 MB limit hold for this
 * route only: the rest of the API speaks JSON with a 1 MB limit.
 */
export const assetImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: ASSET_IMPORT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
  // Only this route's own wording; every other error goes on to the application's handler.
  app.setErrorHandler((error: FastifyError) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
      throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${MAX_MB} MB; split it`);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415)
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as the body with content-type text/csv');
    throw error;
  });

  app.post(
    '/api/v1/operator/assets/import',
    route(
      'operator',
      {
        tags: ['operator'],
        summary: 'Import assets from a CSV file',
        description:
          'Body: the CSV file (`content-type: text/csv`, at most 5 MB and 10,000 rows) with the header ' +
          '`organization,serial,product,seats,mode,starts,ends`. 200: the report. 422 `IMPORT_REFUSED` (all-or-nothing ' +
          'with refused rows, nothing created): the error envelope with one detail per refused cell, and the report.',
        consumes: ['text/csv'],
        querystring: ImportQuery,
        body: z.string(),
        response: { 200: ImportReport, 422: ImportRefused },
      },
      { bodyLimit: ASSET_IMPORT_MAX_BYTES },
    ),
    async (request, reply) => {
      const report = await importAssets(deps, actorOf(request), request.body, request.query.mode);
      if (report.mode === 'all-or-nothing' && report.refused > 0) {
        const { message, details } = refusalOf(report);
        const { error } = errorBody(request, 'IMPORT_REFUSED', message, details);
        return reply.code(422).send({ error: { ...error, code: 'IMPORT_REFUSED' }, report });
      }
      return report;
    },
  );
};
