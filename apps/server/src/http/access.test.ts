import { describe, expect, it } from 'vitest';
import type { ContactRole } from '../lib/caller.js';
import { mayAct, type OrgAccess, orgNeeds, scopeAllows } from './access.js';

const member = { rights: 'member' as const, contactRoles: [] as ContactRole[] };
const admin = { rights: 'admin' as const, contactRoles: [] as ContactRole[] };
const stranger = { rights: null, contactRoles: [] as ContactRole[] };
const contact = (...roles: ContactRole[]) => ({ rights: null, contactRoles: roles });
const user = { isOperator: false };
const operator = { isOperator: true };

describe('access to an organization (SPEC §3)', () => {
  it('lets members see what every member sees, and administrators what administrators see', () => {
    expect(mayAct(['org-member'], user, member)).toBe(true);
    expect(mayAct(['org-member'], user, admin)).toBe(true);
    expect(mayAct(['org-admin'], user, admin)).toBe(true);
    expect(mayAct(['org-admin'], user, member)).toBe(false);
  });

  it('refuses someone with no standing in the organization', () => {
    for (const need of ['org-member', 'org-admin', 'org-support-restricted'] as OrgAccess[])
      expect(mayAct([need], user, stranger)).toBe(false);
  });

  it('grants contact roles by role, independently of User Rights', () => {
    expect(mayAct(['org-security-administrator'], user, contact('security-administrator'))).toBe(true);
    expect(mayAct(['org-security-administrator'], user, admin)).toBe(false);
    expect(mayAct(['org-support-administrator'], user, contact('support-restricted'))).toBe(false);
    expect(mayAct(['org-member'], user, contact('security-administrator'))).toBe(false);
  });

  it('accepts any of several needs (add contact: Security or Support Administrator)', () => {
    const needs: OrgAccess[] = ['org-security-administrator', 'org-support-administrator'];
    expect(mayAct(needs, user, contact('support-administrator'))).toBe(true);
    expect(mayAct(needs, user, contact('support-restricted'))).toBe(false);
  });

  it('lets operators act in every organization, but not file service requests as a contact', () => {
    expect(mayAct(['org-admin'], operator, stranger)).toBe(true);
    expect(mayAct(['org-security-administrator'], operator, stranger)).toBe(true);
    expect(mayAct(['org-support-restricted'], operator, stranger)).toBe(false);
  });

  it('reads a declaration as the organization needs it names, or none for other routes', () => {
    expect(orgNeeds('org-admin')).toEqual(['org-admin']);
    expect(orgNeeds(['org-member', 'org-admin'])).toEqual(['org-member', 'org-admin']);
    expect(orgNeeds('operator')).toBeNull();
    expect(orgNeeds('session')).toBeNull();
  });
});

describe('scopes of sessions and tokens', () => {
  it('lets a browser session do all its account may, and a token only its scopes', () => {
    expect(scopeAllows({ scopes: 'all' }, 'account')).toBe(true);
    expect(scopeAllows({ scopes: ['licensing'] }, 'licensing')).toBe(true);
    expect(scopeAllows({ scopes: ['licensing'] }, 'api')).toBe(false);
    expect(scopeAllows({ scopes: ['api'] }, 'account')).toBe(false);
  });
});
