import { Button } from '@mantine/core';
import { type AuditFilters, type AuditSource, auditCsvUrl } from '../api';

/**
 * Export CSV: a link, not a request from script, so the browser downloads the server's stream straight to disk
 * (a log of a million events never passes through the page) and the keyboard and context menu work as on any link.
 */
export function ExportCsvButton({ source, filters }: { source: AuditSource; filters: AuditFilters }) {
  return (
    <Button component="a" href={auditCsvUrl(source, filters)} download variant="default">
      Export CSV
    </Button>
  );
}
