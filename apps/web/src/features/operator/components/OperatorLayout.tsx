import { Stack, Text, Title } from '@mantine/core';
import { Link, Outlet } from '@tanstack/react-router';
import classes from './Operator.module.css';

const tabs = [
  { to: '/operator/organizations', label: 'Organizations' },
  { to: '/operator/products', label: 'Products' },
  { to: '/operator/operators', label: 'Operators' },
  { to: '/operator/import', label: 'Import assets' },
  { to: '/operator/terms', label: 'Terms and Conditions' },
  { to: '/operator/audit', label: 'Audit log' },
] as const;

/** The operator area (SPEC §1, §2.2): its own sub-navigation above every operator page. */
export function OperatorLayout() {
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Operator</Title>
        <Text c="dimmed">
          Organizations, the product catalogue, the assets and the Terms and Conditions of this Portico instance.
        </Text>
      </Stack>
      <nav aria-label="Operator" className={classes.tabs}>
        {tabs.map((tab) => (
          <Link key={tab.to} to={tab.to} className={classes.tab}>
            {tab.label}
          </Link>
        ))}
      </nav>
      <Outlet />
    </Stack>
  );
}
