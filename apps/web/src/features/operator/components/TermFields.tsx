import { SimpleGrid, TextInput, type TextInputProps } from '@mantine/core';
import { assetLabels } from '../asset-form';

/** What `form.getInputProps(field)` gives: value, onChange, error and the focus handlers. */
type InputProps = Partial<TextInputProps>;

/** The term of an asset, the same in the add and the edit dialog: its first day and, unless perpetual, its end. */
export function TermFields({ startsAt, endsAt }: { startsAt: InputProps; endsAt: InputProps }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      <TextInput
        type="date"
        label={assetLabels.startsAt}
        description="The first day of the term"
        required
        {...startsAt}
      />
      <TextInput type="date" label={assetLabels.endsAt} description="Empty for a perpetual license" {...endsAt} />
    </SimpleGrid>
  );
}
