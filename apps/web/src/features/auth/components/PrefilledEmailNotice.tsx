import { Alert } from '@mantine/core';

interface PrefilledEmailNoticeProps {
  /** The address the link (an invitation) was for. */
  expected?: string;
  typed: string;
}

/**
 * Sign-in and sign-up opened from an invitation prefill the invited address. The server refuses any other address
 * at acceptance, so changing it is allowed (a typo in the invitation is the administrator's to fix) but warned.
 */
export function PrefilledEmailNotice({ expected, typed }: PrefilledEmailNoticeProps) {
  const value = typed.trim().toLowerCase();
  if (!expected || !value || value === expected.trim().toLowerCase()) return null;
  return (
    <Alert role="status" color="yellow" variant="light" style={{ overflowWrap: 'anywhere' }}>
      An invitation to <strong>{expected}</strong> cannot be accepted by <strong>{typed.trim()}</strong>. Use {expected}{' '}
      to accept it.
    </Alert>
  );
}
