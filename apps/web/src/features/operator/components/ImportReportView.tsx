import { Alert, Badge, Box, Button, Group, List, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import type { ImportReport, ImportRow } from '@portico/contracts';
import { useState } from 'react';
import { CardList } from '../../../components/CardList';
import { Section } from '../../../components/Section';

const PAGE = 200;
const OUTCOME = {
  created: { label: 'Created', color: 'teal' },
  refused: { label: 'Refused', color: 'red' },
  skipped: { label: 'Skipped', color: 'gray' },
} as const;

type Filter = 'all' | 'refused' | 'created';

function summary({ created, refused, rows }: ImportReport): string {
  const skipped = rows.filter((row) => row.outcome === 'skipped').length;
  return `${created} created, ${refused} refused${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

export function ImportReportView({ report }: { report: ImportReport }) {
  const [filter, setFilter] = useState<Filter>(report.refused > 0 ? 'refused' : 'all');
  const [shown, setShown] = useState(PAGE);
  const rows = report.rows.filter((row) => filter === 'all' || row.outcome === filter);
  const nothingCreated = report.mode === 'all-or-nothing' && report.refused > 0;

  return (
    <Section id="report" title="Import report" description={summary(report)}>
      <Alert role="status" color={report.refused === 0 ? 'teal' : nothingCreated ? 'red' : 'yellow'} variant="light">
        {report.refused === 0
          ? `All ${report.created} rows were imported.`
          : nothingCreated
            ? `Nothing was created: ${report.refused} ${report.refused === 1 ? 'row was' : 'rows were'} refused. Fix them and import the file again, or choose “Skip invalid rows”.`
            : `${report.created} created; the ${report.refused} refused rows were left out.`}
      </Alert>
      <SegmentedControl
        aria-label="Rows to show"
        value={filter}
        onChange={(value) => {
          setFilter(value as Filter);
          setShown(PAGE);
        }}
        data={[
          { value: 'refused', label: 'Refused' },
          { value: 'created', label: 'Created' },
          { value: 'all', label: 'All rows' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <ReportRows rows={rows.slice(0, shown)} />
      {rows.length > shown && (
        <Group>
          <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
            Show more ({rows.length - shown} left)
          </Button>
        </Group>
      )}
    </Section>
  );
}

function Reasons({ row }: { row: ImportRow }) {
  if (row.reasons.length === 0) return <Text size="sm">—</Text>;
  return (
    <List size="sm" spacing={2}>
      {row.reasons.map((reason) => (
        <List.Item key={`${reason.field}:${reason.message}`}>
          <strong>{reason.field}</strong> {reason.message}
        </List.Item>
      ))}
    </List>
  );
}

function OutcomeBadge({ outcome }: { outcome: ImportRow['outcome'] }) {
  return (
    <Badge color={OUTCOME[outcome].color} variant="light" style={{ flexShrink: 0 }}>
      {OUTCOME[outcome].label}
    </Badge>
  );
}

function ReportRows({ rows }: { rows: ImportRow[] }) {
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No rows to show.
      </Text>
    );
  return (
    <>
      <Box visibleFrom="sm">
        <Table verticalSpacing="xs" aria-label="Import report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Serial</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Reasons</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {row.serial || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <OutcomeBadge outcome={row.outcome} />
                </Table.Td>
                <Table.Td>
                  <Reasons row={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <CardList hiddenFrom="sm" gap="xs" aria-label="Import report">
        {rows.map((row) => (
          <Paper component="li" key={row.line} withBorder radius="md" px="sm" py="xs">
            <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
              <Text size="sm" fw={600}>
                Line {row.line}
              </Text>
              <OutcomeBadge outcome={row.outcome} />
            </Group>
            <Text size="xs" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {row.serial || 'No serial'}
            </Text>
            {row.reasons.length > 0 && <Reasons row={row} />}
          </Paper>
        ))}
      </CardList>
    </>
  );
}
