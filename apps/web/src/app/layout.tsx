import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { ButtonLink } from '../components/links';
import { useDevMailboxEnabled } from '../lib/instance';
import { useMe } from '../lib/session';
import { Brand } from './layout/Brand';
import classes from './layout/layout.module.css';
import { type NavItem, NavLinks } from './layout/NavLinks';
import { ProfileMenu } from './layout/ProfileMenu';
import { SignedOutActions } from './layout/SignedOutActions';

function useNavItems(signedIn: boolean): NavItem[] {
  const devMailbox = useDevMailboxEnabled();
  const items: NavItem[] = [{ to: '/', label: 'Home' }];
  if (signedIn) items.push({ to: '/account', label: 'Account' });
  if (devMailbox) items.push({ to: '/dev/mailbox', label: 'Dev mailbox' });
  return items;
}

/** The frame of every page: header with brand, navigation and profile menu; the nav folds into a burger on phones. */
export function Layout() {
  const [navOpen, nav] = useDisclosure(false);
  const me = useMe();
  const user = me.data?.user;
  const items = useNavItems(Boolean(user));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpen, desktop: true } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main" className={classes.skipLink}>
        Skip to content
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
          {user ? <ProfileMenu name={user.name} email={user.email} /> : me.isPending ? null : <SignedOutActions />}
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="main-navigation" p="md" aria-label="Main">
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
