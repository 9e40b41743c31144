import { Progress, Stack, Text } from '@mantine/core';

const number = new Intl.NumberFormat();

/** A long change under way (SPEC §4.1): a bar and "Assigned 500 of 1,200 members", announced as it moves on. */
export function ProgressStatus({
  label,
  done,
  total,
  unit,
}: {
  label: string;
  done: number;
  total: number;
  /** What is counted, said after the numbers: "addresses". */
  unit?: string;
}) {
  const text = `${label} ${number.format(done)} of ${number.format(total)}${unit ? ` ${unit}` : ''}`;
  return (
    <Stack gap={4}>
      <Progress value={total ? (done / total) * 100 : 0} aria-label={text} animated />
      <Text size="sm" role="status">
        {text}
      </Text>
    </Stack>
  );
}
