import { Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import type { Me } from '@portico/contracts';
import { MenuItemLink } from '../../components/links';
import classes from './layout.module.css';
import type { CurrentOrganization } from './use-current-organization';

interface OrganizationSwitcherProps {
  organizations: Me['organizations'];
  current: CurrentOrganization | null;
  /** Closes the phone navigation once an organization is chosen. */
  onNavigate?: () => void;
}

/** SPEC §1: one person may belong to several organizations, with different rights in each. */
export function OrganizationSwitcher({ organizations, current, onNavigate }: OrganizationSwitcherProps) {
  const label = current?.name ?? 'Organizations';
  return (
    <Menu position="bottom-start" width={280} withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.switcher} aria-label={`Organization: ${label}. Switch organization`}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} truncate="end" maw={200}>
              {label}
            </Text>
            <span aria-hidden="true" className={classes.chevron}>
              ▾
            </span>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your organizations</Menu.Label>
        {organizations.map((org) => (
          <MenuItemLink
            key={org.id}
            to="/orgs/$org"
            params={{ org: org.id }}
            onClick={onNavigate}
            aria-current={org.id === current?.id ? 'true' : undefined}
            rightSection={
              <Badge size="xs" variant="light" color={org.rights === 'admin' ? 'indigo' : 'gray'}>
                {org.rights === 'admin' ? 'Admin' : 'Member'}
              </Badge>
            }
          >
            <Text size="sm" fw={org.id === current?.id ? 700 : 400} truncate="end">
              {org.name}
            </Text>
          </MenuItemLink>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
