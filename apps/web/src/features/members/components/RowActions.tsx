import { ActionIcon, Menu } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { menuItemColor } from '../../../components/menu-item-color';

export type RowAction =
  | 'copy-link'
  | 'resend'
  | 'reissue'
  | 'revoke'
  | 'history'
  | 'make-admin'
  | 'make-member'
  | 'details'
  | 'remove';

interface RowActionsProps {
  row: MemberRow;
  onAction: (action: RowAction, row: MemberRow) => void;
}

/**
 * The `•••` menu of a row (SPEC §2.4). An expired invitation can only be sent anew (or revoked); a pending one can
 * be copied, resent or revoked, but not sent anew. Items that do not apply are shown disabled rather than hidden, so
 * the menu keeps its shape and says what exists.
 */
export function RowActions({ row, onAction }: RowActionsProps) {
  const item = (action: RowAction, label: string, options: { disabled?: boolean; danger?: boolean } = {}) => (
    <Menu.Item
      onClick={() => onAction(action, row)}
      disabled={options.disabled}
      {...(options.danger && menuItemColor('red'))}
    >
      {label}
    </Menu.Item>
  );
  const expired = row.userRights === 'Invitation expired';

  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${row.email}`}>
          <span aria-hidden="true">•••</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {row.kind === 'invitation' ? (
          <>
            {item('copy-link', 'Copy invitation link', { disabled: expired })}
            {item('resend', 'Resend invitation link', { disabled: expired })}
            {item('reissue', 'Send new invitation', { disabled: !expired })}
            {item('history', 'Invitation history')}
            <Menu.Divider />
            {item('revoke', 'Revoke invitation', { danger: true })}
          </>
        ) : (
          <>
            {item('details', 'Details and products')}
            {row.userRights === 'Admin'
              ? item('make-member', 'Change to Member')
              : item('make-admin', 'Change to Admin')}
            <Menu.Divider />
            {item('remove', 'Remove member', { danger: true })}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
