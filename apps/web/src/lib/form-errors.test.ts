import { SignUpRequest } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { apiFieldErrors, fieldMessage, formAlertMessage, validateWith } from './form-errors';

const labels = { name: 'Name', email: 'Email', password: 'Password' };

describe('fieldMessage', () => {
  it('puts the label before a contract fragment', () => {
    expect(fieldMessage('Password', 'is too common')).toBe('Password is too common');
  });
  it('does not name the field twice', () => {
    expect(fieldMessage('Current password', 'is not your current password')).toBe('That is not your current password');
  });
  it('leaves whole sentences alone', () => {
    expect(fieldMessage('Email', 'Enter an address')).toBe('Enter an address');
  });
});

describe('validateWith', () => {
  it('reports each field once, in words', () => {
    const errors = validateWith(SignUpRequest, labels)({ name: ' ', email: 'nope', password: 'short' });
    expect(errors).toEqual({
      name: 'Name is required',
      email: 'Email is not a valid email address',
      password: 'Password must have at least 10 characters',
    });
  });
  it('passes valid values', () => {
    expect(validateWith(SignUpRequest, labels)({ name: 'Ada', email: 'a@b.co', password: '0123456789' })).toEqual({});
  });
});

describe('API errors on a form', () => {
  const validation = new ApiError({
    status: 400,
    code: 'VALIDATION_FAILED',
    message: 'password is too common',
    details: [{ path: 'password', message: 'is too common' }],
  });

  it('puts details on their fields and leaves nothing for the alert', () => {
    expect(apiFieldErrors(validation, labels)).toEqual({ password: 'Password is too common' });
    expect(formAlertMessage(validation, labels)).toBeNull();
  });

  it('shows the message when a detail has no field here', () => {
    expect(formAlertMessage(validation, { email: 'Email' })).toBe('password is too common');
  });

  it('says how long to wait when rate limited', () => {
    const limited = new ApiError({ status: 429, code: 'RATE_LIMITED', message: 'x', retryAfter: 90 });
    expect(formAlertMessage(limited)).toBe('Too many attempts. Try again in 2 minutes.');
  });
});
