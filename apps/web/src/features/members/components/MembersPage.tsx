import { Button, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { OrganizationPageHeader } from '../../../components/OrganizationPageHeader';
import { usePageTitle } from '../../../lib/page-title';
import { useMe } from '../../../lib/session';
import type { MembersFilter } from '../api';
import type { AddressOutcome } from '../invite-batches';
import { InviteMemberDialog } from './InviteMemberDialog';
import { InviteResultsPanel } from './InviteResultsPanel';
import { MembersDirectory } from './MembersDirectory';
import { MembersToolbar } from './MembersToolbar';
import { NotAdministrator } from './NotAdministrator';

const route = getRouteApi('/orgs/$org/members');

/** The Members page (SPEC §2.4): members and invitations in one list, and Invite Member. Administrators only. */
export function MembersPage() {
  const { org } = route.useParams();
  const me = useMe().data;
  const membership = me?.organizations.find((o) => o.id === org);
  usePageTitle(membership ? `Members · ${membership.name}` : 'Members');
  // The API answers a member like an organization that does not exist; the page says what they may see instead.
  if (membership?.rights !== 'admin' && me && !me.isOperator) return <NotAdministrator org={org} />;
  return <AdministratorView org={org} name={membership?.name ?? null} />;
}

function AdministratorView({ org, name }: { org: string; name: string | null }) {
  const { invite, ...search } = route.useSearch();
  const navigate = route.useNavigate();
  const [inviting, setInviting] = useState(Boolean(invite));
  const [results, setResults] = useState<AddressOutcome[] | null>(null);
  const filter: MembersFilter = { q: search.q, status: search.status, sort: search.sort };

  const setFilter = (next: MembersFilter) =>
    navigate({ search: { ...next, q: next.q || undefined }, replace: true, resetScroll: false });
  const closeInvite = (sent: AddressOutcome[] | null) => {
    setInviting(false);
    if (sent) setResults(sent);
    // The address came from a registration request email: once used, it should not reopen the dialog on reload.
    if (invite) navigate({ search: filter, replace: true, resetScroll: false });
  };

  return (
    <Stack gap="lg">
      <OrganizationPageHeader
        organization={name}
        title="Members"
        action={<Button onClick={() => setInviting(true)}>Invite Member</Button>}
      />
      {results && <InviteResultsPanel results={results} onClose={() => setResults(null)} />}
      <MembersToolbar filter={filter} onChange={setFilter} />
      <MembersDirectory org={org} filter={filter} />
      <InviteMemberDialog key={invite ?? ''} org={org} opened={inviting} prefill={invite} onClose={closeInvite} />
    </Stack>
  );
}
