import { AdvanceClockRequest, DevClock } from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { route } from '../../http/route.js';
import { isAdjustable } from '../../lib/clock.js';
import { parseDuration } from '../../lib/durations.js';
import { AppError } from '../../lib/errors.js';

/**
 * The dev clock: with DEV_CLOCK=true (refused in production by config.ts) the server's clock moves forward on
 * request, so an e2e test sees a 7-day invitation expire. Forward only: time running backwards would let expired
 * things come back to life. Without DEV_CLOCK it answers like a route that does not exist.
 */
export const devClockRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  const adjustableClock = () => {
    if (!deps.config.devClock || !isAdjustable(deps.clock)) throw AppError.notFound('dev clock');
    return deps.clock;
  };
  const reading = (clock: ReturnType<typeof adjustableClock>) => ({
    now: clock.now().toISOString(),
    offsetMs: clock.offset,
  });

  app.get(
    '/api/v1/dev/clock',
    route('public', { tags: ['dev'], summary: 'The dev clock (DEV_CLOCK=true only)', response: { 200: DevClock } }),
    async () => reading(adjustableClock()),
  );
  app.post(
    '/api/v1/dev/clock',
    route('public', {
      tags: ['dev'],
      summary: 'Move the dev clock forward (DEV_CLOCK=true only)',
      body: AdvanceClockRequest,
      response: { 200: DevClock },
    }),
    async (request) => {
      const clock = adjustableClock();
      const ms = parseDuration(request.body.advance);
      if (ms === null) throw AppError.validation('advance', 'must be a duration such as 7d, 1h or 90s');
      clock.advance(ms);
      request.log.warn({ advancedMs: ms, offsetMs: clock.offset }, 'dev clock moved forward');
      return reading(clock);
    },
  );
};
