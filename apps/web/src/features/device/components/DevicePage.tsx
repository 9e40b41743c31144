import { Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { DeviceRequestView } from '@portico/contracts';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { usePageTitle } from '../../../lib/page-title';
import { useMe } from '../../../lib/session';
import { normalizeUserCode, userCodeProblem } from '../user-code';
import { DecisionResult } from './DecisionResult';
import { DeviceRequestPanel } from './DeviceRequestPanel';

const route = getRouteApi('/device');

/**
 * `/device` (SPEC §2.5, RFC 8628): the person types the code their desktop application shows (or arrives with it in
 * `?user_code=`), checks which application on which machine asks, and approves or denies it. Signed-out visitors
 * sign in first and come back here with the code (the route's guard).
 */
export function DevicePage() {
  usePageTitle('Sign in an application');
  const { user_code: typed } = route.useSearch();
  const navigate = route.useNavigate();
  const email = useMe().data?.user.email ?? '';
  const code = typed ? normalizeUserCode(typed) : null;
  // The answer to Approve or Deny: the request is decided and no longer found by its code, so it is kept here.
  const [decided, setDecided] = useState<DeviceRequestView | null>(null);

  return (
    <Container size={560} px={0} py={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} size="h2">
            Sign in an application
          </Title>
          <Text c="dimmed">
            A desktop application that asks you to sign in shows a code. Enter it here, check who is asking, and
            approve.
          </Text>
        </Stack>
        {decided ? (
          <DecisionResult
            request={decided}
            email={email}
            onAnother={() => {
              setDecided(null);
              navigate({ search: {} });
            }}
          />
        ) : (
          <>
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <CodeForm key={typed ?? ''} initial={code ?? typed ?? ''} invalid={Boolean(typed) && code === null} />
            </Paper>
            {code && <DeviceRequestPanel key={code} userCode={code} email={email} onDecided={setDecided} />}
          </>
        )}
      </Stack>
    </Container>
  );
}

const labels = { code: 'Code' };

/** The code as typed; looking it up puts it in the address, so a reload or the link from the application agree. */
function CodeForm({ initial, invalid }: { initial: string; invalid: boolean }) {
  const navigate = route.useNavigate();
  const form = useForm({
    initialValues: { code: initial },
    initialErrors: invalid ? { code: userCodeProblem(initial) ?? undefined } : {},
    validate: { code: (value) => userCodeProblem(value) },
  });
  const submit = form.onSubmit(({ code }) => {
    const normalized = normalizeUserCode(code);
    if (normalized) navigate({ search: { user_code: normalized }, replace: false });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={labels.code}
          description="As the application shows it, like BCDF-GHJK. Small letters and no dash work too."
          required
          // No code yet: the person came here to type one. With a code the focus goes to the request instead.
          autoFocus={!initial}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.1em' } }}
          maw={280}
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" variant={initial && !invalid ? 'default' : 'filled'}>
            Continue
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
