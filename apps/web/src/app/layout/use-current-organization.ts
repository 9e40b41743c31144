import type { Me, Rights } from '@portico/contracts';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';

export interface CurrentOrganization {
  id: string;
  /** Null for an operator looking at an organization they do not belong to: the page names it. */
  name: string | null;
  rights: Rights;
}

/**
 * The organization last opened in this tab, kept in memory only: the navigation comes from /me (the organizations
 * the person belongs to now), never from what this browser stored on an earlier visit — a member signing in on a
 * new browser, or after leaving an organization, sees the navigation of their memberships as they are.
 */
let lastOpened: string | null = null;

/**
 * The organization the header's navigation is about: the one in the address (/orgs/…), else the one last opened in
 * this tab, else the first one this person administers, else the first one they belong to. So Products and
 * Services (administrators) or My organization and My products (members) stay in the navigation on pages outside
 * the organization, such as Account.
 */
export function useCurrentOrganization(me: Me | null | undefined): CurrentOrganization | null {
  const { org: routeOrg } = useParams({ strict: false }) as { org?: string };
  const member = me?.organizations.find((o) => o.id === routeOrg);

  useEffect(() => {
    if (member) lastOpened = member.id;
  }, [member]);

  if (!me) return null;
  if (routeOrg) {
    if (member) return member;
    // Operators may open any organization's portal (SPEC §3); everyone else there is claiming or lost.
    return me.isOperator ? { id: routeOrg, name: null, rights: 'admin' } : null;
  }
  return (
    me.organizations.find((o) => o.id === lastOpened) ??
    me.organizations.find((o) => o.rights === 'admin') ??
    me.organizations[0] ??
    null
  );
}
