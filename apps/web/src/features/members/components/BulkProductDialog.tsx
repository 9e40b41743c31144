import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { MemberRow } from '@portico/contracts';
import { useState } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { ProgressStatus } from '../../../components/ProgressStatus';
import {
  type LicenseProduct,
  licenseProducts,
  useAssets,
  useAssign,
  useLicensingMutation,
} from '../../../lib/assignments';
import { assignResults, type BulkResults } from '../../../lib/results';
import { revokeProductFrom } from '../bulk-actions';

const number = new Intl.NumberFormat();
type Action = 'assign' | 'revoke';
type Progress = (done: number, total: number) => void;

interface BulkProductDialogProps {
  org: string;
  /** Assign product or Revoke product; null when closed. */
  action: Action | null;
  members: MemberRow[];
  /** With the per-member results once done; with null when closed without doing anything. */
  onClose: (results: BulkResults | null) => void;
}

const members = (n: number) => `${number.format(n)} ${n === 1 ? 'member' : 'members'}`;
/** "1 member gets", "3 members get". */
const membersVerb = (n: number, one: string, many: string) => `${members(n)} ${n === 1 ? one : many}`;

/** How a product is offered: with its free seats for Assign, with how many of the selection hold it for Revoke. */
function optionLabel(product: LicenseProduct, action: Action, selected: MemberRow[]): string {
  if (action === 'assign')
    return `${product.code} · ${product.name} — ${number.format(product.available)} of ${number.format(product.seats)} seats free`;
  const holders = selected.filter((m) => m.products.some((p) => p.code === product.code)).length;
  return `${product.code} · ${product.name} — held by ${number.format(holders)} of ${number.format(selected.length)}`;
}

function useBulkProduct(org: string, action: Action | null, selected: MemberRow[]) {
  const assign = useAssign(org);
  const revoke = useLicensingMutation(org, (input: { product: LicenseProduct; onProgress: Progress }) =>
    revokeProductFrom(org, input.product, selected, input.onProgress),
  );
  const run = (product: LicenseProduct, onProgress: Progress, onDone: (results: BulkResults) => void) => {
    if (action === 'revoke') return revoke.mutate({ product, onProgress }, { onSuccess: onDone });
    const people = new Map(selected.map((m) => [m.id, m]));
    const users = selected.map((m) => m.id);
    assign.mutate(
      { target: { product: product.id }, users, onProgress },
      { onSuccess: (outcomes) => onDone(assignResults(outcomes, people, product.name)) },
    );
  };
  const reset = () => {
    assign.reset();
    revoke.reset();
  };
  return { run, reset, pending: assign.isPending || revoke.isPending, error: assign.error ?? revoke.error };
}

/**
 * Assign product and Revoke product for a selection of members (SPEC §2.5): choose one of the organization's
 * license products, confirm once, watch the progress; the answer comes back per member.
 */
export function BulkProductDialog({ org, action, members: selected, onClose }: BulkProductDialogProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  const assets = useAssets(org);
  const products = licenseProducts(assets.data ?? []);
  const [productId, setProductId] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const bulk = useBulkProduct(org, action, selected);
  const product = products.find((p) => p.id === productId) ?? null;

  const close = (results: BulkResults | null) => {
    if (bulk.pending) return; // Sent batches cannot be called back; the dialog stays until they finish.
    bulk.reset();
    setProductId(null);
    setProgress(null);
    onClose(results);
  };
  const submit = () => product && bulk.run(product, (done, total) => setProgress({ done, total }), close);
  const assigning = action === 'assign';
  const title = assigning ? 'Assign product' : 'Revoke product';
  return (
    <Modal opened={action !== null} onClose={() => close(null)} title={title} fullScreen={phone} size="lg">
      <Stack>
        <Text size="sm">
          {assigning
            ? `${membersVerb(selected.length, 'gets', 'get')} a seat of the product, when one is free and no other product of its type is held already. Each assigned member gets an email.`
            : `${membersVerb(selected.length, 'loses', 'lose')} the product where it is held; anyone who does not hold it is left alone. Each member who loses it gets an email.`}
        </Text>
        <Select
          label="Product"
          placeholder={assets.isPending ? 'Loading the products…' : 'Choose a product'}
          // A product with no seat free cannot be assigned: shown, but not chosen (its label says why).
          data={products.map((p) => ({
            value: p.id,
            label: optionLabel(p, action ?? 'assign', selected),
            disabled: assigning && p.available === 0,
          }))}
          value={productId}
          onChange={setProductId}
          nothingFoundMessage="Your organization has no license products."
          required
          data-autofocus
        />
        {assigning && product && selected.length > product.available && (
          <Alert color="yellow" variant="light">
            {number.format(product.available)} seats are free for {members(selected.length)}: the others are answered
            “no seat available”.
          </Alert>
        )}
        {progress && bulk.pending && (
          <ProgressStatus label={assigning ? 'Assigned' : 'Revoked'} done={progress.done} total={progress.total} />
        )}
        <FormAlert error={bulk.error ?? assets.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => close(null)} disabled={bulk.pending}>
            Cancel
          </Button>
          <Button color={assigning ? undefined : 'red'} onClick={submit} loading={bulk.pending} disabled={!product}>
            {assigning ? `Assign to ${members(selected.length)}` : `Revoke from ${members(selected.length)}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
