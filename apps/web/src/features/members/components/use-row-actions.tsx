import type { MemberRow } from '@portico/contracts';
import { useState } from 'react';
import {
  useChangeRights,
  useInvitationLink,
  useReissueInvitation,
  useResendInvitation,
  useRevokeInvitation,
} from '../api';
import { ConfirmDialog } from './ConfirmDialog';
import { InvitationHistoryDialog } from './InvitationHistoryDialog';
import { LinkDialog } from './LinkDialog';
import { done, failed } from './notify';
import type { RowAction } from './RowActions';
import { useRemoval } from './use-removal';

/** Every action that cannot simply be taken back is asked first: sending anew, revoking, changing User Rights. */
type Confirmable = 'reissue' | 'revoke' | 'make-admin' | 'make-member';

/** What happens when an item of a row's `•••` menu is chosen, and the dialogs some of them open. */
export function useRowActions(org: string, onDetails: (row: MemberRow) => void) {
  const [confirming, setConfirming] = useState<{ action: Confirmable; row: MemberRow } | null>(null);
  const [history, setHistory] = useState<MemberRow | null>(null);
  const [shownLink, setShownLink] = useState<string | null>(null);
  const link = useInvitationLink(org);
  const resend = useResendInvitation(org);
  const reissue = useReissueInvitation(org);
  const revoke = useRevokeInvitation(org);
  const changeRights = useChangeRights(org);
  const removal = useRemoval(org);

  const copyLink = (row: MemberRow) =>
    link.mutate(row.id, {
      onSuccess: async ({ link: url }) => {
        try {
          await navigator.clipboard.writeText(url);
          done('Invitation link copied', `The link for ${row.email} is on your clipboard.`);
        } catch {
          // No clipboard (an insecure origin, or permission refused): show the link to copy by hand.
          setShownLink(url);
        }
      },
      onError: failed,
    });

  const run = (action: RowAction, row: MemberRow) => {
    if (action === 'reissue' || action === 'revoke' || action === 'make-admin' || action === 'make-member')
      setConfirming({ action, row });
    else if (action === 'remove') removal.ask(row);
    else if (action === 'history') setHistory(row);
    else if (action === 'details') onDetails(row);
    else if (action === 'copy-link') copyLink(row);
    else if (action === 'resend')
      resend.mutate(row.id, {
        onSuccess: () => done('Invitation sent again', `${row.email} gets the same link again.`),
        onError: failed,
      });
  };

  const confirm = () => {
    if (!confirming) return;
    const { action, row } = confirming;
    const close = () => setConfirming(null);
    if (action === 'make-admin' || action === 'make-member') {
      const rights = action === 'make-admin' ? 'admin' : 'member';
      changeRights.mutate(
        { user: row.id, rights },
        {
          onSuccess: () => {
            close();
            done('User Rights changed', `${row.email} is now ${rights === 'admin' ? 'an Admin' : 'a Member'}.`);
          },
          onError: failed,
        },
      );
    } else if (action === 'reissue')
      reissue.mutate(row.id, {
        onSuccess: () => {
          close();
          done('New invitation sent', `${row.email} has a new invitation with a new link. The old link stays dead.`);
        },
        onError: failed,
      });
    else
      revoke.mutate(row.id, {
        onSuccess: () => {
          close();
          done('Invitation revoked', `The link sent to ${row.email} no longer works.`);
        },
        onError: failed,
      });
  };

  const dialogs = (
    <>
      <ConfirmDialog
        request={confirming}
        pending={reissue.isPending || revoke.isPending || changeRights.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      />
      <InvitationHistoryDialog org={org} row={history} onClose={() => setHistory(null)} />
      <LinkDialog link={shownLink} onClose={() => setShownLink(null)} />
      {removal.dialogs}
    </>
  );
  return { run, dialogs };
}
