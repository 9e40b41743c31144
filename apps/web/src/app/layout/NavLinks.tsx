import { Link } from '@tanstack/react-router';
import classes from './layout.module.css';

export interface NavItem {
  to: '/' | '/account' | '/dev/mailbox';
  label: string;
}

interface NavLinksProps {
  items: NavItem[];
  variant: 'header' | 'navbar';
  /** Closes the phone navigation once a link is followed. */
  onNavigate?: () => void;
}

/** The router marks the current page with aria-current="page" and data-status="active"; the CSS keys off those. */
export function NavLinks({ items, variant, onNavigate }: NavLinksProps) {
  return items.map((item) => (
    <Link
      key={item.to}
      to={item.to}
      className={variant === 'header' ? classes.headerLink : classes.navbarLink}
      activeOptions={{ exact: item.to === '/' }}
      onClick={onNavigate}
    >
      {item.label}
    </Link>
  ));
}
