import { z } from 'zod';
import { RIGHTS } from './invitations.js';

/** SPEC §2.1: at least 10 characters (the common-password list is checked by the server). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'is not a valid email address' }))
  .transform((value) => value.toLowerCase());

export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `must have at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { message: `must have at most ${PASSWORD_MAX_LENGTH} characters` });

/** A person's name: printable text (a NUL or another control character is refused, naming the field, on both databases). */
export const personName = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(100)
  .regex(/^\P{Cc}*$/u, { message: 'must not contain control characters' });

export const SignUpRequest = z.strictObject({ name: personName, email, password });
export const SignInRequest = z.strictObject({
  email,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  rememberMe: z.boolean().optional(),
});
export const EmailRequest = z.strictObject({ email });
export const TokenRequest = z.strictObject({ token: z.string().min(1).max(2048) });
export const ResetPasswordRequest = z.strictObject({ token: z.string().min(1).max(2048), newPassword: password });
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: password,
  signOutOtherSessions: z.boolean().optional(),
});
export const UpdateMeRequest = z.strictObject({ name: personName });

/** Answers that must not reveal whether an account exists carry only this. */
export const Accepted = z.object({ status: z.literal('accepted'), message: z.string() });

export const User = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  createdAt: z.string(),
});

export const Me = z.object({
  user: User,
  isOperator: z.boolean(),
  /** Memberships arrive with the organizations capability; the list is here so clients can rely on its shape. */
  organizations: z.array(z.object({ id: z.string(), name: z.string(), code: z.string(), rights: z.enum(RIGHTS) })),
  /** Organizations this user registered a serial of while they had no administrator: the claim is open to them. */
  claimable: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const SignInResponse = z.object({ user: User });

export const Session = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastActiveAt: z.string(),
  expiresAt: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionList = z.object({ sessions: z.array(Session) });

export type SignUpRequest = z.infer<typeof SignUpRequest>;
export type SignInRequest = z.infer<typeof SignInRequest>;
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
export type User = z.infer<typeof User>;
export type Me = z.infer<typeof Me>;
export type Session = z.infer<typeof Session>;

/** Outcomes of the token and password endpoints, and of signing out other sessions. */
export const Verified = z.object({ status: z.literal('verified') });
export const PasswordReset = z.object({ status: z.literal('reset') });
export const PasswordChanged = z.object({ status: z.literal('changed') });
export const SessionsRevoked = z.object({ revoked: z.number() });
