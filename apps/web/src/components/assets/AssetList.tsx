import { Box, Text } from '@mantine/core';
import { AssetCards } from './AssetCards';
import { type AssetListProps, AssetTable } from './AssetTable';

interface Props extends AssetListProps {
  /** What to say when there is nothing to list. */
  empty: string;
}

/** Assets as a table on wide screens and as cards on phones, where a table of eight columns cannot fit. */
export function AssetList({ empty, ...props }: Props) {
  if (props.assets.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <>
      <Box visibleFrom="sm">
        <AssetTable {...props} />
      </Box>
      <Box hiddenFrom="sm">
        <AssetCards {...props} />
      </Box>
    </>
  );
}
