import { Link } from '@tanstack/react-router';
import classes from './layout.module.css';

export function Brand() {
  return (
    <Link to="/" className={classes.brand} aria-label="Portico home">
      <svg className={classes.brandMark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M9 25V7h8a6 6 0 0 1 0 12h-4v6z" fill="#fff" />
        <path d="M13 11v4h4a2 2 0 0 0 0-4z" fill="currentColor" />
      </svg>
      <span>Portico</span>
    </Link>
  );
}
