import { Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { ButtonLink } from '../../../components/links';
import classes from './Home.module.css';

const points = [
  'See every license your organization owns, with seats assigned and available.',
  'Invite your colleagues and give each the products they need.',
  'Activate your desktop applications online, or take a lease offline.',
];

/** Signed out: what Portico is, and the two ways in. */
export function Welcome() {
  return (
    <Stack gap="xl" className={classes.hero}>
      <Stack gap="sm">
        <Title order={1} className={classes.heroTitle}>
          Your software licenses, managed by your own team
        </Title>
        <Text size="lg" c="dimmed">
          Portico is the license portal of your software publisher. Claim your organization, invite members and hand out
          seats without waiting for anyone.
        </Text>
      </Stack>
      <List
        spacing="sm"
        icon={
          <ThemeIcon size={22} radius="xl" variant="light" aria-hidden>
            ✓
          </ThemeIcon>
        }
      >
        {points.map((point) => (
          <List.Item key={point}>{point}</List.Item>
        ))}
      </List>
      <Group>
        <ButtonLink to="/sign-in" size="md">
          Sign in
        </ButtonLink>
        <ButtonLink to="/sign-up" size="md" variant="default">
          Create account
        </ButtonLink>
      </Group>
    </Stack>
  );
}
