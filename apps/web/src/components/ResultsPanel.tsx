import { Alert, Badge, Box, Group, List, Stack, Text } from '@mantine/core';
import { countResults, type ItemResult, type ResultTone, TONE_ORDER } from '../lib/results';

const COLORS: Record<ResultTone, string> = { done: 'teal', unchanged: 'gray', refused: 'red' };
/** How many items of a large change are listed one by one; the counts always cover all of them. */
const LISTED = 100;
const number = new Intl.NumberFormat();

interface ResultsPanelProps {
  /** "2 of 3 members assigned Premium CAD". */
  title: string;
  results: ItemResult[];
  /** Names the list for screen readers, e.g. "Assignment results". */
  listLabel: string;
  /** A line under the counts, such as "48 done · 0 unchanged · 0 refused". */
  summary?: string;
  /**
   * Inside a dialog: the list scrolls within this height, so the counts above and the dialog's buttons below stay
   * in view. The scrolling box takes the focus, so a keyboard scrolls it too.
   */
  listMaxHeight?: string;
  /** Without it (inside a dialog that has its own Close), the panel has no close button. */
  closeLabel?: string;
  onClose?: () => void;
}

/**
 * The answer of a bulk change item by item, like the invitation results: counts per outcome, then each item with
 * what became of it, the ones that need attention first.
 */
export function ResultsPanel(props: ResultsPanelProps) {
  const { title, results, listLabel, summary, listMaxHeight, closeLabel, onClose } = props;
  const sorted = [...results].sort((a, b) => TONE_ORDER[a.tone] - TONE_ORDER[b.tone]);
  const refused = results.some((r) => r.tone === 'refused');
  return (
    <Alert
      role="status"
      color={refused ? 'yellow' : 'teal'}
      variant="light"
      title={title}
      withCloseButton={onClose !== undefined}
      closeButtonLabel={closeLabel}
      onClose={onClose}
    >
      <Stack gap="xs">
        <Group gap="xs">
          {countResults(results).map(({ outcome, tone, count }) => (
            <Badge key={outcome} color={COLORS[tone]} variant="light" tt="none">
              {number.format(count)} {outcome}
            </Badge>
          ))}
        </Group>
        {summary && (
          <Text size="sm" fw={600}>
            {summary}
          </Text>
        )}
        <Box
          tabIndex={listMaxHeight ? 0 : undefined}
          mah={listMaxHeight}
          style={listMaxHeight ? { overflowY: 'auto' } : undefined}
        >
          <List size="sm" spacing={2} aria-label={listLabel}>
            {sorted.slice(0, LISTED).map((r) => (
              <List.Item key={r.key} style={{ overflowWrap: 'anywhere' }}>
                {r.who} — {r.outcome}
              </List.Item>
            ))}
          </List>
          {sorted.length > LISTED && <Text size="sm">…and {number.format(sorted.length - LISTED)} more.</Text>}
        </Box>
      </Stack>
    </Alert>
  );
}
