import { AuditActionList, AuditEventItemList, AuditEventList } from '@portico/contracts';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api';
import { dayBound } from './range';

/** Whose log: one organization's (its administrators, operators), or the whole instance's (operators only). */
export type AuditSource = { kind: 'organization'; org: string } | { kind: 'instance' };

/** What the log is narrowed to; the same for the list and the CSV export, so the download matches the screen. */
export interface AuditFilters {
  action?: string;
  /** An email address or a user id. */
  actor?: string;
  /** Instance log only: an organization's code or id. */
  organization?: string;
  /** The first and last day shown (`YYYY-MM-DD`, the reader's own calendar days), both included. */
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

function basePath(source: AuditSource): string {
  return source.kind === 'organization'
    ? `/api/v1/orgs/${encodeURIComponent(source.org)}/audit-events`
    : '/api/v1/operator/audit-events';
}

/** The organization filter exists only on the instance log. */
function filterParams(source: AuditSource, filters: AuditFilters) {
  return {
    action: filters.action,
    actor: filters.actor,
    organization: source.kind === 'instance' ? filters.organization : undefined,
    from: dayBound(filters.from, 0),
    to: dayBound(filters.to, 1),
  };
}

// --- fetchers -------------------------------------------------------------------------------------------------

export const fetchAuditEvents = (
  source: AuditSource,
  filters: AuditFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  api.get(
    withQuery(basePath(source), { ...filterParams(source, filters), cursor, limit: String(PAGE_SIZE) }),
    AuditEventList,
    signal,
  );

export const fetchAuditActions = (source: AuditSource, organization: string | undefined, signal?: AbortSignal) =>
  api.get(
    withQuery(`${basePath(source)}/actions`, { organization: source.kind === 'instance' ? organization : undefined }),
    AuditActionList,
    signal,
  );

/** A bulk event's rows, a page at a time; the operator reads them through the instance log's route. */
export const fetchAuditEventItems = (
  source: AuditSource,
  eventId: string,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  api.get(
    withQuery(`${basePath(source)}/${encodeURIComponent(eventId)}/items`, { cursor, limit: String(PAGE_SIZE) }),
    AuditEventItemList,
    signal,
  );

/** A plain link downloads the export: same origin, the session cookie goes along, and the server streams it. */
export const auditCsvUrl = (source: AuditSource, filters: AuditFilters) =>
  withQuery(basePath(source), { ...filterParams(source, filters), format: 'csv' });

// --- query options --------------------------------------------------------------------------------------------

/** An organization's log is keyed under ['orgs', org] so that whatever refreshes the organization refreshes it. */
function sourceKey(source: AuditSource) {
  return source.kind === 'organization' ? (['orgs', source.org, 'audit'] as const) : (['operator', 'audit'] as const);
}

export const auditEventsQueryOptions = (source: AuditSource, filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: [...sourceKey(source), 'events', filterParams(source, filters)],
    queryFn: ({ pageParam, signal }) => fetchAuditEvents(source, filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const auditEventItemsQueryOptions = (source: AuditSource, eventId: string) =>
  infiniteQueryOptions({
    queryKey: [...sourceKey(source), 'items', eventId],
    queryFn: ({ pageParam, signal }) => fetchAuditEventItems(source, eventId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // What an event recorded never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const auditActionsQueryOptions = (source: AuditSource, organization?: string) =>
  queryOptions({
    queryKey: [...sourceKey(source), 'actions', source.kind === 'instance' ? (organization ?? null) : null],
    queryFn: ({ signal }) => fetchAuditActions(source, organization, signal),
  });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useAuditEvents(source: AuditSource, filters: AuditFilters) {
  return useInfiniteQuery(auditEventsQueryOptions(source, filters));
}

export function useAuditEventItems(source: AuditSource, eventId: string) {
  return useInfiniteQuery(auditEventItemsQueryOptions(source, eventId));
}

export function useAuditActions(source: AuditSource, organization?: string) {
  return useQuery(auditActionsQueryOptions(source, organization));
}
