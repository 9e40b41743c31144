import { ActionIcon, Menu, Text } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { menuItemColor } from '../../../components/menu-item-color';
import { memberRefusal, type RowGuard } from '../row-guard';

export type { RowGuard } from '../row-guard';

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
  guard: RowGuard;
  onAction: (action: RowAction, row: MemberRow) => void;
}

interface ItemOptions {
  disabled?: boolean;
  danger?: boolean;
  /** Shown under the label, not in a tooltip, so it reads on a touch screen too. */
  reason?: string | null;
}

/**
 * The `•••` menu of a row (SPEC §2.4). An expired invitation can only be sent anew (or revoked); a pending one can
 * be copied, resent or revoked, but not sent anew. Items that do not apply are shown disabled rather than hidden,
 * so the menu keeps its shape and says what exists; those the server would refuse say why.
 */
export function RowActions({ row, guard, onAction }: RowActionsProps) {
  const item = (action: RowAction, label: string, options: ItemOptions = {}) => {
    const disabled = options.disabled || Boolean(options.reason);
    const id = `row-${row.id}-${action}`;
    return (
      <Menu.Item
        onClick={() => onAction(action, row)}
        disabled={disabled}
        // The label alone names the item; the reason describes it.
        aria-labelledby={options.reason ? `${id}-label` : undefined}
        aria-describedby={options.reason ? `${id}-reason` : undefined}
        // Mantine fades a disabled item to 60%: the reason must stay readable, the label looks disabled by colour.
        style={options.reason ? { opacity: 1, maxWidth: '18rem' } : undefined}
        {...(options.danger && !disabled && menuItemColor('red'))}
      >
        <span id={`${id}-label`}>{label}</span>
        {options.reason && (
          <Text span id={`${id}-reason`} display="block" size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'normal' }}>
            {options.reason}
          </Text>
        )}
      </Menu.Item>
    );
  };
  const expired = row.status === 'expired';
  const refusal = memberRefusal(row, guard);

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
            {row.rights === 'admin'
              ? item('make-member', 'Change to Member', { reason: refusal.demote })
              : item('make-admin', 'Change to Admin')}
            <Menu.Divider />
            {item('remove', 'Remove member', { danger: true, reason: refusal.remove })}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
