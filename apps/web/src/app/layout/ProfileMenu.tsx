import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { MenuItemLink } from '../../components/links';
import { menuItemColor } from '../../components/menu-item-color';
import { useSignOut } from '../../lib/session';
import classes from './layout.module.css';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

interface ProfileMenuProps {
  name: string;
  email: string;
  /** The organization whose My products the menu offers (administrators; members have it in the navigation). */
  organization?: string;
}

export function ProfileMenu({ name, email, organization }: ProfileMenuProps) {
  const navigate = useNavigate();
  const signOut = useSignOut();

  const handleSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => navigate({ to: '/sign-in' }),
      onError: (error) => {
        notifications.show({ color: 'red', message: `Signing out failed: ${error.message}` });
        navigate({ to: '/sign-in' });
      },
    });

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.profileButton} aria-label={`${name}: profile menu`}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={32}>
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" lineClamp={1} maw={180}>
              {name}
            </Text>
            <span aria-hidden="true" className={classes.chevron}>
              ▾
            </span>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          Signed in as
          <Text size="sm" c="dark" fw={500} truncate="end">
            {email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <MenuItemLink to="/account">Account</MenuItemLink>
        <MenuItemLink to="/account" hash="password">
          Password
        </MenuItemLink>
        <MenuItemLink to="/account" hash="sessions">
          Sessions
        </MenuItemLink>
        <MenuItemLink to="/account" hash="devices">
          Signed-in devices
        </MenuItemLink>
        {organization && (
          <MenuItemLink to="/orgs/$org/my-products" params={{ org: organization }}>
            My products
          </MenuItemLink>
        )}
        <MenuItemLink to="/register">Register product</MenuItemLink>
        <Menu.Divider />
        <Menu.Item {...menuItemColor('red')} onClick={handleSignOut} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
