import { Button, Stack } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { OrganizationPageHeader } from '../../../components/OrganizationPageHeader';
import { ResultsPanel } from '../../../components/ResultsPanel';
import { usePageTitle } from '../../../lib/page-title';
import type { BulkResults } from '../../../lib/results';
import { useMe } from '../../../lib/session';
import { useSelection } from '../../../lib/use-selection';
import type { MembersFilter } from '../api';
import type { AddressOutcome } from '../invite-batches';
import { InviteMemberDialog } from './InviteMemberDialog';
import { InviteResultsPanel } from './InviteResultsPanel';
import { MemberDrawer } from './MemberDrawer';
import { MemberSelectionBar } from './MemberSelectionBar';
import { MembersDirectory } from './MembersDirectory';
import { MembersToolbar } from './MembersToolbar';
import { NotAdministrator } from './NotAdministrator';

const route = getRouteApi('/orgs/$org/members');
const memberKey = (row: MemberRow) => row.id;

/**
 * The Members page (SPEC §2.4, §2.5): members and invitations in one list, Invite Member, the products each member
 * holds, and for a selection Assign product, Revoke product and Remove member. Administrators only.
 */
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
  const [bulkResults, setBulkResults] = useState<BulkResults | null>(null);
  const [details, setDetails] = useState<MemberRow | null>(null);
  const selection = useSelection(memberKey);
  const filter: MembersFilter = { q: search.q, status: search.status, sort: search.sort };

  const setFilter = (next: MembersFilter) => {
    // A selection is of what the list shows: a new search or filter starts a new one.
    if (next.q !== filter.q || next.status !== filter.status) selection.clear();
    navigate({ search: { ...next, q: next.q || undefined }, replace: true, resetScroll: false });
  };
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
      {bulkResults && (
        <ResultsPanel
          title={bulkResults.title}
          results={bulkResults.items}
          listLabel="Results per member"
          closeLabel="Dismiss the results"
          onClose={() => setBulkResults(null)}
        />
      )}
      <MembersToolbar filter={filter} onChange={setFilter} />
      <MemberSelectionBar org={org} filter={filter} selection={selection} onResults={setBulkResults} />
      <MembersDirectory org={org} filter={filter} selection={selection} onOpen={setDetails} />
      <MemberDrawer org={org} member={details} onClose={() => setDetails(null)} />
      <InviteMemberDialog key={invite ?? ''} org={org} opened={inviting} prefill={invite} onClose={closeInvite} />
    </Stack>
  );
}
