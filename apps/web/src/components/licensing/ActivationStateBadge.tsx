import { Badge } from '@mantine/core';
import type { ActivationView } from '@portico/contracts';
import { STATE_COLOR, stateLabel } from './licensing-format';

/** Online, Offline until DATE, Lapsed or Ended, in words (the colour only repeats them). */
export function ActivationStateBadge({ activation }: { activation: Pick<ActivationView, 'state' | 'offlineUntil'> }) {
  return (
    <Badge
      color={STATE_COLOR[activation.state]}
      variant="light"
      tt="none"
      // A long "Offline until …" wraps inside the badge rather than running out of a narrow cell, and a short
      // "Online" is never cut to "Onli…" (a badge's label ellipsizes by default).
      styles={{
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', flexShrink: 0 },
        label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'left' },
      }}
    >
      {stateLabel(activation)}
    </Badge>
  );
}
