import { notifications } from '@mantine/notifications';
import type { MemberRow } from '@portico/contracts';
import { useState } from 'react';
import {
  useChangeRights,
  useInvitationLink,
  useReissueInvitation,
  useRemoveMember,
  useResendInvitation,
  useRevokeInvitation,
} from '../api';
import { ConfirmDialog } from './ConfirmDialog';
import { InvitationHistoryDialog } from './InvitationHistoryDialog';
import { LinkDialog } from './LinkDialog';
import type { RowAction } from './RowActions';

type Confirmable = 'reissue' | 'revoke' | 'remove';

const failed = (error: Error) => notifications.show({ color: 'red', title: 'Not done', message: error.message });
const done = (title: string, message: string) => notifications.show({ color: 'teal', title, message });

/** What happens when an item of a row's `•••` menu is chosen, and the dialogs some of them open. */
export function useRowActions(org: string) {
  const [confirming, setConfirming] = useState<{ action: Confirmable; row: MemberRow } | null>(null);
  const [history, setHistory] = useState<MemberRow | null>(null);
  const [shownLink, setShownLink] = useState<string | null>(null);
  const link = useInvitationLink(org);
  const resend = useResendInvitation(org);
  const reissue = useReissueInvitation(org);
  const revoke = useRevokeInvitation(org);
  const changeRights = useChangeRights(org);
  const remove = useRemoveMember(org);

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
    if (action === 'reissue' || action === 'revoke' || action === 'remove') setConfirming({ action, row });
    else if (action === 'history') setHistory(row);
    else if (action === 'copy-link') copyLink(row);
    else if (action === 'resend')
      resend.mutate(row.id, {
        onSuccess: () => done('Invitation sent again', `${row.email} gets the same link again.`),
        onError: failed,
      });
    else {
      const rights = action === 'make-admin' ? 'admin' : 'member';
      changeRights.mutate(
        { user: row.id, rights },
        {
          onSuccess: () =>
            done('User Rights changed', `${row.email} is now ${rights === 'admin' ? 'an Admin' : 'a Member'}.`),
          onError: failed,
        },
      );
    }
  };

  const confirm = () => {
    if (!confirming) return;
    const { action, row } = confirming;
    const close = () => setConfirming(null);
    if (action === 'reissue')
      reissue.mutate(row.id, {
        onSuccess: () => {
          close();
          done('New invitation sent', `${row.email} has a new invitation with a new link. The old link stays dead.`);
        },
        onError: failed,
      });
    else if (action === 'revoke')
      revoke.mutate(row.id, {
        onSuccess: () => {
          close();
          done('Invitation revoked', `The link sent to ${row.email} no longer works.`);
        },
        onError: failed,
      });
    else
      remove.mutate(row.id, {
        onSuccess: () => {
          close();
          done('Member removed', `${row.email} is no longer a member of this organization.`);
        },
        onError: failed,
      });
  };

  const dialogs = (
    <>
      <ConfirmDialog
        request={confirming}
        pending={reissue.isPending || revoke.isPending || remove.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      />
      <InvitationHistoryDialog org={org} row={history} onClose={() => setHistory(null)} />
      <LinkDialog link={shownLink} onClose={() => setShownLink(null)} />
    </>
  );
  return { run, dialogs };
}
