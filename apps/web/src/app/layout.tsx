import { AppShell, Box, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Me } from '@portico/contracts';
import { Outlet } from '@tanstack/react-router';
import { ButtonLink } from '../components/links';
import { useDevMailboxEnabled } from '../lib/instance';
import { useMe } from '../lib/session';
import { Brand } from './layout/Brand';
import classes from './layout/layout.module.css';
import { type NavItem, NavLinks } from './layout/NavLinks';
import { OrganizationSwitcher } from './layout/OrganizationSwitcher';
import { ProfileMenu } from './layout/ProfileMenu';
import { SignedOutActions } from './layout/SignedOutActions';
import { type CurrentOrganization, useCurrentOrganization } from './layout/use-current-organization';

function useNavItems(me: Me | null | undefined, current: CurrentOrganization | null): NavItem[] {
  const devMailbox = useDevMailboxEnabled();
  const items: NavItem[] = [{ to: '/', label: 'Home' }];
  // SPEC §4.1's administrator navigation, only for what is built so far; a member sees their organization.
  if (current?.rights === 'admin') {
    const params = { org: current.id };
    items.push(
      { to: '/orgs/$org/members', params, label: 'Members' },
      { to: '/orgs/$org/products', params, label: 'Products' },
      { to: '/orgs/$org', params, hash: 'services', label: 'Services' },
      { to: '/orgs/$org/audit', params, label: 'Audit log' },
    );
  } else if (current?.rights === 'member') {
    const params = { org: current.id };
    items.push(
      { to: '/orgs/$org/my-products', params, label: 'My products' },
      { to: '/orgs/$org', params, label: 'My organization' },
    );
  }
  if (me?.isOperator) items.push({ to: '/operator', label: 'Operator' });
  if (me) items.push({ to: '/account', label: 'Account' });
  if (devMailbox) items.push({ to: '/dev/mailbox', label: 'Dev mailbox' });
  return items;
}

/** Administrators hold seats too: their My products is in the profile menu (members have it in the navigation). */
function myProductsOf(current: CurrentOrganization | null): string | undefined {
  return current?.rights === 'admin' && current.name !== null ? current.id : undefined;
}

/** The frame of every page: header with brand, navigation and profile menu; the nav folds into a burger on phones. */
export function Layout() {
  const [navOpen, nav] = useDisclosure(false);
  const me = useMe();
  const user = me.data?.user;
  const current = useCurrentOrganization(me.data);
  const items = useNavItems(me.data, current);
  const organizations = me.data?.organizations ?? [];
  // The switcher only appears when there is something to switch between.
  const switcher = organizations.length > 1;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpen, desktop: true } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'sm', sm: 'xl' }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpen}
              aria-controls="main-navigation"
            />
            <Brand />
            <Group component="nav" aria-label="Main" gap={4} ml="lg" visibleFrom="sm">
              <NavLinks items={items} variant="header" />
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {switcher && (
              <Box visibleFrom="sm">
                <OrganizationSwitcher organizations={organizations} current={current} />
              </Box>
            )}
            {user ? (
              <ProfileMenu name={user.name} email={user.email} organization={myProductsOf(current)} />
            ) : me.isPending ? null : (
              <SignedOutActions />
            )}
          </Group>
        </Group>
      </AppShell.Header>

      {/* Hidden, not just moved off-screen, on wide screens: otherwise screen readers meet the navigation twice. */}
      <AppShell.Navbar id="main-navigation" p="md" aria-label="Main" hiddenFrom="sm">
        {switcher && (
          <Box mb="md">
            <OrganizationSwitcher organizations={organizations} current={current} onNavigate={nav.close} />
          </Box>
        )}
        <NavLinks items={items} variant="navbar" onNavigate={nav.close} />
        {!user && !me.isPending && (
          // The header has room for "Sign in" only on a phone; the other way in lives here.
          <ButtonLink to="/sign-up" mt="md" onClick={nav.close}>
            Create account
          </ButtonLink>
        )}
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
