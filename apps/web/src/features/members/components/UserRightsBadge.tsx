import { Badge } from '@mantine/core';
import type { UserRightsLabel } from '@portico/contracts';

const COLORS: Record<UserRightsLabel, string> = {
  Admin: 'indigo',
  Member: 'gray',
  PENDING: 'yellow',
  'Invitation expired': 'red',
};

/** The User Rights column (SPEC §2.4), in the words the specification uses, so nobody has to translate. */
export function UserRightsBadge({ rights }: { rights: UserRightsLabel }) {
  return (
    <Badge color={COLORS[rights]} variant="light" tt="none">
      {rights}
    </Badge>
  );
}
