import {
  Accepted,
  EmailRequest,
  PasswordReset,
  ResetPasswordRequest,
  SignInRequest,
  SignInResponse,
  SignUpRequest,
  TokenRequest,
  Verified,
} from '@portico/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forwardCookies, requestInfo } from '../../http/request-info.js';
import { route } from '../../http/route.js';
import * as accounts from './accounts.service.js';

const tags = ['accounts'];
const accepted = (message: string) => ({ status: 'accepted' as const, message });

/** SPEC §2.1 accounts, under /api/auth. Better Auth does the work; these routes own validation, limits and errors. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.post(
    '/api/auth/sign-up',
    route('public', {
      tags,
      summary: 'Create an account; a verification link is emailed',
      body: SignUpRequest,
      response: { 202: Accepted },
    }),
    async (request, reply) => {
      await accounts.signUp(deps, requestInfo(request), request.body);
      return reply.code(202).send(accepted(accounts.ACCEPTED_MESSAGES.signUp));
    },
  );

  app.post(
    '/api/auth/sign-in',
    route('public', {
      tags,
      summary: 'Sign in with email and password (sets the session cookie)',
      body: SignInRequest,
      response: { 200: SignInResponse },
    }),
    async (request, reply) => {
      const { user, setCookies } = await accounts.signIn(deps, requestInfo(request), request.body);
      forwardCookies(reply, setCookies);
      return { user };
    },
  );

  app.post('/api/auth/sign-out', route('public', { tags, summary: 'End this session' }), async (request, reply) => {
    forwardCookies(reply, await accounts.signOut(deps, requestInfo(request)));
    return reply.code(204).send();
  });

  app.post(
    '/api/auth/verify-email',
    route('public', {
      tags,
      summary: 'Verify an email address with the token from the link',
      body: TokenRequest,
      response: { 200: Verified },
    }),
    async (request) => {
      await accounts.verifyEmail(deps, requestInfo(request), request.body.token);
      return { status: 'verified' as const };
    },
  );

  app.post(
    '/api/auth/resend-verification',
    route('public', {
      tags,
      summary: 'Email a new verification link',
      body: EmailRequest,
      response: { 202: Accepted },
    }),
    async (request, reply) => {
      await accounts.resendVerification(deps, requestInfo(request), request.body.email);
      return reply.code(202).send(accepted(accounts.ACCEPTED_MESSAGES.resend));
    },
  );

  app.post(
    '/api/auth/forgot-password',
    route('public', {
      tags,
      summary: 'Email a password reset link (same answer for unknown addresses)',
      body: EmailRequest,
      response: { 202: Accepted },
    }),
    async (request, reply) => {
      await accounts.requestPasswordReset(deps, requestInfo(request), request.body.email);
      return reply.code(202).send(accepted(accounts.ACCEPTED_MESSAGES.reset));
    },
  );

  app.post(
    '/api/auth/reset-password',
    route('public', {
      tags,
      summary: 'Choose a new password with the token from the link',
      body: ResetPasswordRequest,
      response: { 200: PasswordReset },
    }),
    async (request) => {
      await accounts.resetPassword(deps, requestInfo(request), request.body.token, request.body.newPassword);
      return { status: 'reset' as const };
    },
  );
};
