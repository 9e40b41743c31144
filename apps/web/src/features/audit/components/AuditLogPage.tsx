import { Alert, Group, Stack, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ButtonLink } from '../../../components/links';
import { OrganizationPageHeader } from '../../../components/OrganizationPageHeader';
import { usePageTitle } from '../../../lib/page-title';
import { useMe } from '../../../lib/session';
import type { AuditFilters, AuditSource } from '../api';
import { AuditEvents } from './AuditEvents';
import { AuditToolbar } from './AuditToolbar';
import { ExportCsvButton } from './ExportCsvButton';

const route = getRouteApi('/orgs/$org/audit');

/** The organization's Audit log (SPEC §2.8): its administrators and the operators see every change, newest first. */
export function AuditLogPage() {
  const { org } = route.useParams();
  const me = useMe().data;
  const membership = me?.organizations.find((o) => o.id === org);
  usePageTitle(membership ? `Audit log · ${membership.name}` : 'Audit log');
  // The API answers a member exactly like an unknown organization; say so here instead of showing an error.
  if (me && !me.isOperator && membership?.rights !== 'admin') return <NotAdministrator />;
  return <AdministratorView org={org} name={membership?.name ?? null} />;
}

function AdministratorView({ org, name }: { org: string; name: string | null }) {
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const source: AuditSource = { kind: 'organization', org };
  const setFilters = (next: AuditFilters) =>
    navigate({
      search: { action: next.action, actor: next.actor, from: next.from, to: next.to },
      replace: true,
      resetScroll: false,
    });

  return (
    <Stack gap="lg">
      <OrganizationPageHeader
        organization={name}
        title="Audit log"
        description="Every change in this organization: who made it, when, from which IP address, and what it changed."
        action={<ExportCsvButton source={source} filters={filters} />}
      />
      <AuditToolbar source={source} filters={filters} onChange={setFilters} />
      <AuditEvents source={source} filters={filters} />
    </Stack>
  );
}

function NotAdministrator() {
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Audit log</Title>
      <Alert color="gray" variant="light">
        Only the organization's administrators can see its audit log.
      </Alert>
      <Group>
        <ButtonLink to="/">Go to home</ButtonLink>
      </Group>
    </Stack>
  );
}
