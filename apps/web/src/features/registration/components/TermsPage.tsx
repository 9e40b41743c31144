import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { LoadError, LoadingStatus } from '../../../components/QueryStatus';
import { formatDate } from '../../../lib/format';
import { usePageTitle } from '../../../lib/page-title';
import { useTerms } from '../api';
import classes from './TermsPage.module.css';

/**
 * /terms: the Terms and Conditions of this instance, which the First Moment of Truth asks to accept (SPEC §2.3).
 * Public, and shown as the operator wrote them: plain text with its line breaks, never as markup.
 */
export function TermsPage() {
  usePageTitle('Terms and Conditions');
  const terms = useTerms();
  return (
    <Container size={760} px={0} py={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            Terms and Conditions
          </Title>
          {terms.data && (
            <Text size="sm" c="dimmed">
              {terms.data.updatedAt
                ? `Last changed ${formatDate(terms.data.updatedAt)}`
                : 'The default terms of Portico'}
            </Text>
          )}
        </Stack>
        {terms.isPending ? (
          <LoadingStatus label="Loading the terms…" />
        ) : terms.isError ? (
          <LoadError title="The terms could not be loaded" error={terms.error} />
        ) : (
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
            <Text component="div" className={classes.text}>
              {terms.data.text}
            </Text>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}
