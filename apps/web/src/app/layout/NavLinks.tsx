import { Link } from '@tanstack/react-router';
import classes from './layout.module.css';

const ORGANIZATION_PAGES = [
  '/orgs/$org/members',
  '/orgs/$org/products',
  '/orgs/$org/my-products',
  '/orgs/$org/audit',
] as const;
type OrganizationPage = (typeof ORGANIZATION_PAGES)[number];

/** A page of its own, or a section of the current organization's portal (/orgs/…#products). */
export type NavItem = { label: string } & (
  | { to: '/' | '/account' | '/dev/mailbox' | '/operator' }
  | { to: '/orgs/$org'; params: { org: string }; hash?: string }
  | { to: OrganizationPage; params: { org: string } }
);

interface NavLinksProps {
  items: NavItem[];
  variant: 'header' | 'navbar';
  /** Closes the phone navigation once a link is followed. */
  onNavigate?: () => void;
}

function isOrganizationPage(item: NavItem): item is Extract<NavItem, { to: OrganizationPage }> {
  return (ORGANIZATION_PAGES as readonly string[]).includes(item.to);
}

/** The router marks the current page with aria-current="page" and data-status="active"; the CSS keys off those. */
export function NavLinks({ items, variant, onNavigate }: NavLinksProps) {
  const className = variant === 'header' ? classes.headerLink : classes.navbarLink;
  return items.map((item) =>
    isOrganizationPage(item) ? (
      <Link key={item.label} to={item.to} params={item.params} className={className} onClick={onNavigate}>
        {item.label}
      </Link>
    ) : item.to === '/orgs/$org' ? (
      <Link
        key={item.label}
        to={item.to}
        params={item.params}
        hash={item.hash}
        className={className}
        // Products and Services share one page; the section in the address tells which is current.
        activeOptions={{ exact: true, includeHash: true }}
        onClick={onNavigate}
      >
        {item.label}
      </Link>
    ) : (
      <Link
        key={item.label}
        to={item.to}
        className={className}
        activeOptions={{ exact: item.to === '/' }}
        onClick={onNavigate}
      >
        {item.label}
      </Link>
    ),
  );
}
