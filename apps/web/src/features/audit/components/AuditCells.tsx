import { Stack, Text } from '@mantine/core';
import type { AuditEvent } from '@portico/contracts';
import { AnchorLink } from '../../../components/links';
import { formatDateTime } from '../../../lib/format';
import { eventSummary, targetLines, targetTypeLabel } from '../describe';

/**
 * The pieces of one event that the table and the phone cards both show. Long values break with `break-word`, not
 * `anywhere`: in an auto-layout table `anywhere` shrinks columns to single letters instead of letting the table
 * scroll.
 */

export function When({ event }: { event: AuditEvent }) {
  return (
    <Text
      size="sm"
      component="time"
      dateTime={event.occurredAt}
      title={event.occurredAt}
      style={{ whiteSpace: 'nowrap' }}
    >
      {formatDateTime(event.occurredAt)}
    </Text>
  );
}

/** The person who did it; no actor means the system (the CLI, the mail worker, a scheduled job). */
export function Who({ event }: { event: AuditEvent }) {
  const { actor } = event;
  if (!actor) {
    return (
      <Text size="sm" c="dimmed">
        System
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500} style={{ overflowWrap: 'break-word' }}>
        {actor.name ?? 'Deleted account'}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
        {actor.email ?? actor.id}
      </Text>
    </Stack>
  );
}

/**
 * The readable label ("Revoked 48 invitations" for a bulk event), with the code beside it because the CSV export and
 * the API speak in codes.
 */
export function Action({ event }: { event: AuditEvent }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {eventSummary(event)}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'break-word' }}>
        {event.action}
      </Text>
    </Stack>
  );
}

/**
 * What the event changed, as it was named at the time: its kind (User, Asset), then "Ada Lovelace" over
 * "ada@example.com" or a product over its grouped serial; a bulk event's row count ("48 invitations").
 */
export function Target({ event }: { event: AuditEvent }) {
  const { primary, secondary } = targetLines(event);
  const kind = targetTypeLabel(event.target.type);
  return (
    <Stack gap={0}>
      {event.itemCount === null && (
        <Text size="xs" c="dimmed">
          {kind}
        </Text>
      )}
      <Text size="sm" fw={500} style={{ overflowWrap: 'break-word' }}>
        {primary ?? '—'}
      </Text>
      {secondary && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
          {secondary}
        </Text>
      )}
    </Stack>
  );
}

export function Address({ event }: { event: AuditEvent }) {
  return event.actorIp ? (
    <Text size="sm" ff="monospace" style={{ overflowWrap: 'break-word' }}>
      {event.actorIp}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" aria-label="No IP address">
      —
    </Text>
  );
}

/** Instance log only: whose event it is, linked to the organization's operator page. */
export function OrganizationCell({ event }: { event: AuditEvent }) {
  if (!event.organizationId) {
    return (
      <Text size="sm" c="dimmed">
        Instance
      </Text>
    );
  }
  return (
    <AnchorLink
      to="/operator/organizations/$organization"
      params={{ organization: event.organizationId }}
      size="sm"
      style={{ overflowWrap: 'break-word' }}
    >
      {event.organizationName ?? event.organizationId}
    </AnchorLink>
  );
}
