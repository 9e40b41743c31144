import type { LeaseClaims } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import type { LeaseStateRow } from './leases.repository.js';
import { answerForLease, answerForRefusal } from './leases.service.js';

const now = new Date('2026-12-01T12:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function claims(kind: LeaseClaims['kind']): LeaseClaims {
  return {
    iss: 'http://localhost:3000',
    aud: 'portico-license',
    sub: 'usr_1',
    user: 'usr_1',
    organization: 'org_1',
    product: 'CAD',
    asset: 'ast_1',
    activation: 'act_1',
    fingerprint: 'f'.repeat(64),
    kind,
    mode: 'named-user',
    iat: seconds(now) - 60,
    exp: seconds(now) + 1800,
  };
}

const row = (over: Partial<LeaseStateRow> = {}): LeaseStateRow => ({
  status: 'active',
  asset_status: 'active',
  asset_ends_at: null,
  ...over,
});

describe('the answer to validate, from the activation of a good lease', () => {
  it('is VALID with the claims for an active activation of an active asset', () => {
    const answer = answerForLease(claims('online'), row(), now);
    expect(answer).toMatchObject({ valid: true, code: 'VALID', claims: claims('online') });
    expect(answer.message).toMatch(/valid/);
  });

  it('names how an online activation ended', () => {
    const codes = (['released', 'transferred', 'revoked', 'expired'] as const).map(
      (status) => answerForLease(claims('online'), row({ status }), now).code,
    );
    expect(codes).toEqual(['RELEASED', 'TRANSFERRED', 'REVOKED', 'EXPIRED']);
  });

  it('is SUSPENDED for a suspended asset, and EXPIRED after the asset’s term', () => {
    expect(answerForLease(claims('online'), row({ asset_status: 'suspended' }), now)).toMatchObject({
      valid: false,
      code: 'SUSPENDED',
      claims: null,
    });
    const ended = answerForLease(claims('online'), row({ asset_ends_at: '2026-11-30T00:00:00.000Z' }), now);
    expect(ended).toMatchObject({ valid: false, code: 'EXPIRED' });
    expect(ended.message).toContain('2026-11-30');
  });

  it('keeps an offline lease VALID until it expires, also once revoked, unless it was given back', () => {
    for (const over of [{ status: 'transferred' }, { status: 'expired' }, { asset_status: 'suspended' }] as const)
      expect(answerForLease(claims('offline'), row(over), now).code).toBe('VALID');
    expect(answerForLease(claims('offline'), row({ status: 'released' }), now).code).toBe('RELEASED');
    expect(answerForLease(claims('offline'), row({ status: 'revoked' }), now)).toMatchObject({
      code: 'VALID',
      message: expect.stringContaining('will not be renewed'),
    });
  });

  it('is INVALID_LEASE when the activation does not exist', () => {
    expect(answerForLease(claims('online'), undefined, now)).toMatchObject({ valid: false, code: 'INVALID_LEASE' });
  });

  it('maps the signer’s refusals: expired to EXPIRED, anything else to INVALID_LEASE', () => {
    expect(answerForRefusal({ ok: false, reason: 'expired' }).code).toBe('EXPIRED');
    expect(answerForRefusal({ ok: false, reason: 'signature' }).code).toBe('INVALID_LEASE');
    expect(answerForRefusal({ ok: false, reason: 'malformed' })).toMatchObject({ valid: false, claims: null });
  });
});
