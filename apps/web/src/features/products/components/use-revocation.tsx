import { notifications } from '@mantine/notifications';
import type { Assignment, Product } from '@portico/contracts';
import { useState } from 'react';
import { useRevokeAssignment, useRevokeMany } from '../../../lib/assignments';
import { type BulkResults, type ItemResult, personLabel } from '../../../lib/results';
import { RevokeDialog } from './RevokeDialog';

const number = new Intl.NumberFormat();

/** The bulk revoke's answer per member: `revoked`, or `already revoked` when someone else was quicker. */
export function revokeResults(
  assignments: Assignment[],
  answer: { assignment: string; outcome: string }[],
): BulkResults {
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const items = answer.map(({ assignment, outcome }): ItemResult => {
    const user = byId.get(assignment)?.user;
    const revoked = outcome === 'revoked';
    return {
      key: assignment,
      who: user ? personLabel(user) : assignment,
      outcome: revoked ? 'revoked' : 'already revoked',
      tone: revoked ? 'done' : 'unchanged',
    };
  });
  const done = items.filter((i) => i.tone === 'done').length;
  return { title: `${number.format(done)} of ${number.format(items.length)} assignments revoked`, items };
}

/**
 * Revoke, for one row (DELETE, a notification) or a selection (one bulk request, results per member), confirmed
 * once. `onDone` gets what was revoked, and the results of a bulk revoke.
 */
export function useRevocation(
  org: string,
  product: Product,
  onDone: (revoked: Assignment[], results: BulkResults | null) => void,
) {
  const [revoking, setRevoking] = useState<Assignment[] | null>(null);
  const revokeOne = useRevokeAssignment(org);
  const revokeMany = useRevokeMany(org);

  const revokeSingle = (one: Assignment) =>
    revokeOne.mutate(one.id, {
      onSuccess: () => {
        setRevoking(null);
        onDone([one], null);
        notifications.show({
          color: 'teal',
          title: 'Revoked',
          message: `${one.user.name} no longer holds ${product.name}.`,
        });
      },
    });
  const confirm = (assignments: Assignment[]) => {
    const [first] = assignments;
    if (assignments.length === 1 && first) return revokeSingle(first);
    revokeMany.mutate(
      { assignments: assignments.map((a) => a.id) },
      {
        onSuccess: (answer) => {
          setRevoking(null);
          onDone(assignments, revokeResults(assignments, answer));
        },
      },
    );
  };
  const cancel = () => {
    revokeOne.reset();
    revokeMany.reset();
    setRevoking(null);
  };

  const dialog = (
    <RevokeDialog
      product={product.name}
      assignments={revoking}
      pending={revokeOne.isPending || revokeMany.isPending}
      error={revokeOne.error ?? revokeMany.error}
      onConfirm={confirm}
      onCancel={cancel}
    />
  );
  return { ask: setRevoking, dialog };
}
