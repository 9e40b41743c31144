import { Button, Stack } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { OrganizationPageHeader } from '../../../components/OrganizationPageHeader';
import { ResultsPanel } from '../../../components/ResultsPanel';
import { usePageTitle } from '../../../lib/page-title';
import type { BulkResults } from '../../../lib/results';
import { useMe } from '../../../lib/session';
import { type MembersFilter, useMemberCounts } from '../api';
import type { AddressOutcome } from '../invite-batches';
import { countsHeadline, useMemberSelection } from '../selection';
import { InviteMemberDialog } from './InviteMemberDialog';
import { InviteResultsPanel } from './InviteResultsPanel';
import { MemberDrawer } from './MemberDrawer';
import { MemberSelectionBar } from './MemberSelectionBar';
import { MembersDirectory } from './MembersDirectory';
import { MembersToolbar } from './MembersToolbar';
import { NotAdministrator } from './NotAdministrator';

const route = getRouteApi('/orgs/$org/members');

/**
 * The Members page (SPEC §2.4, §2.5): members and invitations in one list with their counts, Invite Member, the
 * products each member holds, and for a selection the bulk actions on invitations, User Rights, products and
 * membership. Administrators only.
 */
export function MembersPage() {
  const { org } = route.useParams();
  const me = useMe().data;
  const membership = me?.organizations.find((o) => o.id === org);
  usePageTitle(membership ? `Members · ${membership.name}` : 'Members');
  // The API answers a member like an organization that does not exist; the page says what they may see instead.
  if (membership?.rights !== 'admin' && me && !me.isOperator) return <NotAdministrator org={org} />;
  return <AdministratorView org={org} name={membership?.name ?? null} self={me?.user.id ?? null} />;
}

function AdministratorView({ org, name, self }: { org: string; name: string | null; self: string | null }) {
  const { invite, ...search } = route.useSearch();
  const navigate = route.useNavigate();
  const [inviting, setInviting] = useState(Boolean(invite));
  const [results, setResults] = useState<AddressOutcome[] | null>(null);
  const [bulkResults, setBulkResults] = useState<BulkResults | null>(null);
  const [details, setDetails] = useState<MemberRow | null>(null);
  const selection = useMemberSelection();
  const filter: MembersFilter = { q: search.q, status: search.status, rights: search.rights, sort: search.sort };
  // The whole organization's counts, whatever the filter; the last ones stay shown while a new filter's load.
  const counts = useMemberCounts(org, filter).data?.counts ?? null;
  const guard = { self, administrators: counts?.administrators ?? null };

  const setFilter = (next: MembersFilter) => {
    // A selection is of what the list shows: a new search or filter starts a new one (a new order keeps it).
    if (next.q !== filter.q || next.status !== filter.status || next.rights !== filter.rights) selection.clear();
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
        description={counts ? countsHeadline(counts) : undefined}
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
      <MembersToolbar org={org} filter={filter} onChange={setFilter} />
      <MemberSelectionBar org={org} filter={filter} selection={selection} self={self} onResults={setBulkResults} />
      <MembersDirectory
        key={JSON.stringify(filter)}
        org={org}
        filter={filter}
        selection={selection}
        guard={guard}
        onSort={(sort) => setFilter({ ...filter, sort: sort === 'email' ? undefined : sort })}
        onOpen={setDetails}
      />
      <MemberDrawer org={org} member={details} onClose={() => setDetails(null)} />
      <InviteMemberDialog key={invite ?? ''} org={org} opened={inviting} prefill={invite} onClose={closeInvite} />
    </Stack>
  );
}
