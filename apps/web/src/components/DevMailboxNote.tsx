import { Alert } from '@mantine/core';
import { useDevMailboxEnabled } from '../lib/instance';
import { AnchorLink } from './links';

/** Without SMTP the emails land in the dev mailbox (SPEC §2.7); say so wherever a page says "check your email". */
export function DevMailboxNote() {
  if (!useDevMailboxEnabled()) return null;
  return (
    <Alert color="gray" variant="light" title="This instance keeps email in a dev mailbox">
      No email leaves this server.{' '}
      <AnchorLink to="/dev/mailbox" inherit>
        Open the dev mailbox
      </AnchorLink>{' '}
      to read it.
    </Alert>
  );
}
