import { List, Text } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';

interface HoldsLicensesDialogProps {
  /** The member the server refused to remove, and the licenses it named; null when closed. */
  holding: { row: MemberRow; licenses: string[] } | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Remove member for someone who holds licenses (SPEC §2.4): they are listed, and revoked only on confirmation. */
export function HoldsLicensesDialog({ holding, pending, onConfirm, onCancel }: HoldsLicensesDialogProps) {
  return (
    <ConfirmModal
      opened={holding !== null}
      title="Remove member"
      confirmLabel="Remove and revoke licenses"
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {holding && (
        <>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {holding.row.email} holds {holding.licenses.length === 1 ? 'this license' : 'these licenses'}:
          </Text>
          <List size="sm" spacing={2} aria-label="Licenses held">
            {holding.licenses.map((license) => (
              <List.Item key={license}>{license}</List.Item>
            ))}
          </List>
          <Text size="sm">
            Removing them revokes {holding.licenses.length === 1 ? 'it' : 'every one'} in the same step: the seats are
            free for others, and they get an email saying so. Their account stays.
          </Text>
        </>
      )}
    </ConfirmModal>
  );
}
