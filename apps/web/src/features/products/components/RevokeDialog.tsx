import { List, Text } from '@mantine/core';
import type { Assignment } from '@portico/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';

/** How many names the confirmation lists; the count covers the rest. */
const LISTED = 10;
const number = new Intl.NumberFormat();

interface RevokeDialogProps {
  product: string;
  /** What to revoke; null when closed. */
  assignments: Assignment[] | null;
  pending: boolean;
  error: unknown;
  onConfirm: (assignments: Assignment[]) => void;
  onCancel: () => void;
}

/** Revoke, confirmed once for one assignment or a whole selection (SPEC §2.5). */
export function RevokeDialog({ product, assignments, pending, error, onConfirm, onCancel }: RevokeDialogProps) {
  const many = (assignments?.length ?? 0) > 1;
  const title = many ? `Revoke ${number.format(assignments?.length ?? 0)} assignments` : 'Revoke assignment';
  return (
    <ConfirmModal
      opened={assignments !== null}
      title={title}
      confirmLabel={title}
      pending={pending}
      error={error}
      onConfirm={() => assignments && onConfirm(assignments)}
      onCancel={onCancel}
    >
      {assignments && (
        <>
          <Text size="sm">
            {many ? 'These members lose' : `${assignments[0]?.user.name} (${assignments[0]?.user.email}) loses`}{' '}
            {product}. A copy in use stops at its next check with the server, and the seat is free for someone else.
            {many ? ' Each of them' : ' They'} get an email saying so.
          </Text>
          {many && (
            <List size="sm" spacing={2} aria-label="Members losing the license">
              {assignments.slice(0, LISTED).map((a) => (
                <List.Item key={a.id} style={{ overflowWrap: 'anywhere' }}>
                  {a.user.name} ({a.user.email})
                </List.Item>
              ))}
              {assignments.length > LISTED && (
                <List.Item>…and {number.format(assignments.length - LISTED)} more</List.Item>
              )}
            </List>
          )}
        </>
      )}
    </ConfirmModal>
  );
}
