import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DeviceRequestView } from '@portico/contracts';
import { useEffect, useRef, useState } from 'react';
import { Fact } from '../../../components/Fact';
import { FormAlert } from '../../../components/FormAlert';
import { isApiError } from '../../../lib/api';
import { rateLimitMessage } from '../../../lib/form-errors';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useDecideDeviceRequest, useDeviceRequest } from '../api';

interface DeviceRequestPanelProps {
  userCode: string;
  email: string;
  onDecided: (request: DeviceRequestView) => void;
}

/** The request behind a code: who asks, from which machine, until when; Approve or Deny. */
export function DeviceRequestPanel({ userCode, email, onDecided }: DeviceRequestPanelProps) {
  const request = useDeviceRequest(userCode);
  const expired = useExpired(request.data?.expiresAt);

  if (request.isPending)
    return (
      <Group role="status" gap="sm">
        <Loader size="sm" />
        <Text>Looking up the code…</Text>
      </Group>
    );
  if (request.isError) {
    if (isApiError(request.error, 'NOT_FOUND')) return <NotValid />;
    const message = isApiError(request.error, 'RATE_LIMITED')
      ? rateLimitMessage(request.error.retryAfter)
      : request.error.message;
    return (
      <Alert role="alert" color="red" variant="light" title="The code could not be checked">
        {message}
      </Alert>
    );
  }
  if (request.data.status === 'expired' || expired) return <NotValid expired />;
  return <PendingRequest request={request.data} email={email} onDecided={onDecided} />;
}

/** True once the request's 15 minutes are over, even when the page just sits open. */
function useExpired(expiresAt: string | undefined): boolean {
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    if (!expiresAt) return;
    const left = new Date(expiresAt).getTime() - Date.now();
    if (left <= 0) return setExpired(true);
    // setTimeout takes at most ~24.8 days; a request lives minutes.
    const timer = setTimeout(() => setExpired(true), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [expiresAt]);
  return expired;
}

/** "Portico License CLI on Office laptop (windows-x64, 2026.1)". */
function Requester({ request }: { request: DeviceRequestView }) {
  const about = [request.platform, request.appVersion].filter(Boolean).join(', ');
  return (
    <>
      <Text span fw={700}>
        {request.application}
      </Text>
      {request.machineName && (
        <>
          {' '}
          on{' '}
          <Text span fw={700}>
            {request.machineName}
          </Text>
        </>
      )}
      {about && ` (${about})`}
    </>
  );
}

function PendingRequest({
  request,
  email,
  onDecided,
}: Omit<DeviceRequestPanelProps, 'userCode'> & { request: DeviceRequestView }) {
  const decide = useDecideDeviceRequest();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The answer to the code just entered: keyboard and screen-reader users land on it, not back in the form. The
  // heading is focused by the page, not reachable by Tab, so it has no focus ring.
  useEffect(() => headingRef.current?.focus(), []);
  const send = (decision: 'approve' | 'deny') =>
    decide.mutate({ userCode: request.userCode, decision }, { onSuccess: onDecided });

  return (
    <Paper
      component="section"
      aria-labelledby="device-request-heading"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
    >
      <Stack gap="md">
        <Title
          order={2}
          size="h3"
          id="device-request-heading"
          ref={headingRef}
          tabIndex={-1}
          style={{ outline: 'none' }}
        >
          Check this request
        </Title>
        <Text style={{ overflowWrap: 'anywhere' }}>
          <Requester request={request} /> asks to sign in as{' '}
          <Text span fw={700}>
            {email}
          </Text>
          .
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Fact label="Code">
            <Text span ff="monospace" fw={700} size="md">
              {request.userCode}
            </Text>
          </Fact>
          <Fact label="Requested">{formatDateTime(request.requestedAt)}</Fact>
          <Fact label="Expires">
            {formatDateTime(request.expiresAt)} ({formatRelative(request.expiresAt)})
          </Fact>
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          Approve only if you started this sign-in yourself and the application shows the same code. Approving lets the
          application use the licenses assigned to you; it cannot change your account.
        </Text>
        <FormAlert error={decide.error} />
        <Group gap="sm">
          <Button
            onClick={() => send('approve')}
            loading={decide.isPending && decide.variables?.decision === 'approve'}
            disabled={decide.isPending}
          >
            Approve
          </Button>
          <Button
            variant="default"
            onClick={() => send('deny')}
            loading={decide.isPending && decide.variables?.decision === 'deny'}
            disabled={decide.isPending}
          >
            Deny
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** An unknown, used or expired code: say so, and how to get a new one. */
function NotValid({ expired = false }: { expired?: boolean }) {
  return (
    <Alert
      role="alert"
      color="yellow"
      variant="light"
      title={expired ? 'This code has expired' : 'This code is not valid or has expired'}
    >
      <Stack gap={6}>
        <Text size="sm">
          {expired
            ? 'A code works for 15 minutes.'
            : 'Check the letters against the application. A code works once, for 15 minutes.'}
        </Text>
        <Text size="sm">
          To get a new code, start signing in again in the application (with the command-line client:{' '}
          <Text span ff="monospace" size="sm">
            portico-license login
          </Text>
          ), then enter the new code here.
        </Text>
      </Stack>
    </Alert>
  );
}
