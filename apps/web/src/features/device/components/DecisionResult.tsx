import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import type { DeviceRequestView } from '@portico/contracts';
import { useEffect, useRef } from 'react';
import { AnchorLink } from '../../../components/links';

interface DecisionResultProps {
  request: DeviceRequestView;
  email: string;
  onAnother: () => void;
}

/** What Approve or Deny did, and what to do next. */
export function DecisionResult({ request, email, onAnother }: DecisionResultProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The buttons just pressed are gone: the focus goes to the result, which is read out.
  useEffect(() => headingRef.current?.focus(), []);
  const approved = request.status === 'approved';
  const who = request.machineName ? `${request.application} on ${request.machineName}` : request.application;
  return (
    <Alert role="status" color={approved ? 'teal' : 'gray'} variant="light">
      <Stack gap="sm">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
          {approved ? 'Application signed in' : 'Sign-in denied'}
        </Title>
        {approved ? (
          <>
            <Text style={{ overflowWrap: 'anywhere' }}>
              {who} is signed in as {email}. You can return to the application.
            </Text>
            <Text size="sm">
              To sign it out later, go to{' '}
              <AnchorLink to="/account" hash="devices">
                Signed-in devices
              </AnchorLink>
              .
            </Text>
          </>
        ) : (
          <Text>
            {who} was not signed in, and nothing was shared with it. If you did not start this sign-in yourself, someone
            may have sent you the code: you can close this page.
          </Text>
        )}
        <div>
          <Button variant="default" onClick={onAnother}>
            Enter another code
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
