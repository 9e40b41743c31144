import { Badge } from '@mantine/core';
import type { Asset } from '@portico/contracts';
import { STATUS_LABEL } from './asset-format';

const COLOR: Record<Asset['status'], string> = { active: 'teal', expired: 'gray', suspended: 'red' };

/** The word is always shown, so the status never depends on telling colours apart. */
export function AssetStatusBadge({ status }: { status: Asset['status'] }) {
  return (
    // max-content: in a tight table column a badge would otherwise cut "Suspended" short.
    <Badge color={COLOR[status]} variant="light" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
