import type { Me, Rights } from '@portico/contracts';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';

const STORAGE_KEY = 'portico.organization';

export interface CurrentOrganization {
  id: string;
  /** Null for an operator looking at an organization they do not belong to: the page names it. */
  name: string | null;
  rights: Rights;
}

function remembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // Storage can be switched off; the header then simply starts from the first organization.
  }
}

function remember(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // As above: nothing to remember with, nothing lost.
  }
}

/**
 * The organization the header's navigation is about: the one in the address (/orgs/…), else the one last visited,
 * else the first one this person administers. Remembered so that Products and Services stay in the navigation on
 * pages outside the organization, such as Account.
 */
export function useCurrentOrganization(me: Me | null | undefined): CurrentOrganization | null {
  const { org: routeOrg } = useParams({ strict: false }) as { org?: string };
  const member = me?.organizations.find((o) => o.id === routeOrg);

  useEffect(() => {
    if (member) remember(member.id);
  }, [member]);

  if (!me) return null;
  if (routeOrg) {
    if (member) return member;
    // Operators may open any organization's portal (SPEC §3); everyone else there is claiming or lost.
    return me.isOperator ? { id: routeOrg, name: null, rights: 'admin' } : null;
  }
  const last = remembered();
  return me.organizations.find((o) => o.id === last) ?? me.organizations.find((o) => o.rights === 'admin') ?? null;
}
