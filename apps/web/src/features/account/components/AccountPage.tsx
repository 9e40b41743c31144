import { Container, Stack, Title } from '@mantine/core';
import { Section } from '../../../components/Section';
import { usePageTitle } from '../../../lib/page-title';
import { useMe } from '../../../lib/session';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';
import { SessionsPanel } from './SessionsPanel';
import { SignedInDevicesPanel } from './SignedInDevicesPanel';

export function AccountPage() {
  usePageTitle('Account');
  const me = useMe().data;
  // The route guard only lets signed-in users in; `me` is null only for a moment after signing out.
  if (!me) return null;

  return (
    <Container size="md" px={0}>
      <Stack gap="xl">
        <Title order={1}>Account</Title>
        <Section
          id="profile"
          title="Profile"
          description="Your name is shown to the administrators of your organizations."
        >
          <ProfileForm me={me} />
        </Section>
        <Section id="password" title="Password" description="Choose a password you do not use anywhere else.">
          <ChangePasswordForm />
        </Section>
        <Section
          id="sessions"
          title="Sessions"
          description="The browsers and devices where you are signed in. Sign out any you do not recognise."
        >
          <SessionsPanel />
        </Section>
        <Section
          id="devices"
          title="Signed-in devices"
          description="Desktop applications you signed in with a code, for your licenses. Sign out any you no longer use."
        >
          <SignedInDevicesPanel />
        </Section>
      </Stack>
    </Container>
  );
}
