import { getRouteApi } from '@tanstack/react-router';
import { Section } from '../../../components/Section';
import { usePageTitle } from '../../../lib/page-title';
import type { AuditFilters, AuditSource } from '../api';
import { AuditEvents } from './AuditEvents';
import { AuditToolbar } from './AuditToolbar';
import { ExportCsvButton } from './ExportCsvButton';

const route = getRouteApi('/operator/audit');
const source: AuditSource = { kind: 'instance' };

/** The operators' view of the whole log (SPEC §2.8 "operators see all"), in the operator area. */
export function OperatorAuditPage() {
  usePageTitle('Audit log · Operator');
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const setFilters = (next: AuditFilters) =>
    navigate({
      search: {
        action: next.action,
        actor: next.actor,
        organization: next.organization,
        from: next.from,
        to: next.to,
      },
      replace: true,
      resetScroll: false,
    });

  return (
    <Section
      id="audit"
      title="Audit log"
      description="Every change in every organization, and in the instance itself (accounts, operators, the catalogue)."
      actions={<ExportCsvButton source={source} filters={filters} />}
    >
      <AuditToolbar source={source} filters={filters} onChange={setFilters} />
      <AuditEvents source={source} filters={filters} />
    </Section>
  );
}
