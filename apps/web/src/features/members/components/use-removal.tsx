import type { MemberRow } from '@portico/contracts';
import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import { useRemoveMember } from '../api';
import { ConfirmDialog } from './ConfirmDialog';
import { HoldsLicensesDialog } from './HoldsLicensesDialog';
import { done, failed } from './notify';

/**
 * Remove member for one row (SPEC §2.4): confirmed once; when the server answers that the member holds licenses
 * (409 MEMBER_HOLDS_LICENSES), those are listed and revoked only with "Remove and revoke licenses".
 */
export function useRemoval(org: string) {
  const [asking, setAsking] = useState<MemberRow | null>(null);
  const [holding, setHolding] = useState<{ row: MemberRow; licenses: string[] } | null>(null);
  const remove = useRemoveMember(org);

  const removed = (row: MemberRow, revoked: boolean) =>
    done(
      'Member removed',
      `${row.email} is no longer a member of this organization${revoked ? '; their licenses are revoked' : ''}.`,
    );

  const confirm = (row: MemberRow) =>
    remove.mutate(
      { user: row.id },
      {
        onSuccess: () => {
          setAsking(null);
          removed(row, false);
        },
        onError: (error) => {
          if (!isApiError(error, 'MEMBER_HOLDS_LICENSES')) return failed(error);
          setAsking(null);
          setHolding({ row, licenses: error.details.map((d) => d.message.replace(/^holds /, '')) });
        },
      },
    );

  const confirmWithLicenses = (row: MemberRow) =>
    remove.mutate(
      { user: row.id, revokeLicenses: true },
      {
        onSuccess: () => {
          setHolding(null);
          removed(row, true);
        },
        onError: failed,
      },
    );

  const dialogs = (
    <>
      <ConfirmDialog
        request={asking && { action: 'remove', row: asking }}
        pending={remove.isPending}
        onConfirm={() => asking && confirm(asking)}
        onCancel={() => setAsking(null)}
      />
      <HoldsLicensesDialog
        holding={holding}
        pending={remove.isPending}
        onConfirm={() => holding && confirmWithLicenses(holding.row)}
        onCancel={() => setHolding(null)}
      />
    </>
  );
  return { ask: setAsking, dialogs };
}
