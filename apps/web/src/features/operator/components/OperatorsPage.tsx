import { Alert, Badge, Group, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Section } from '../../../components/Section';
import { usePageTitle } from '../../../lib/page-title';
import { useMe } from '../../../lib/session';
import { useGrantOperator, useOperators, useRemoveOperator } from '../api';
import { ConfirmButton } from './ConfirmButton';
import { EmailGrantForm } from './EmailGrantForm';
import { PeopleList } from './PeopleList';

export function OperatorsPage() {
  usePageTitle('Operators · Operator');
  const me = useMe().data;
  const operators = useOperators();
  const grant = useGrantOperator();
  const remove = useRemoveOperator();

  return (
    <Section
      id="operators"
      title="Operators"
      description="Staff of the publisher: they see every organization and manage the catalogue and the assets."
    >
      {operators.isPending ? (
        <Loader size="sm" aria-label="Loading operators" />
      ) : operators.isError ? (
        <Alert role="alert" color="red" variant="light">
          {operators.error.message}
        </Alert>
      ) : (
        <PeopleList
          people={operators.data.items}
          label="Operators"
          action={(person) => (
            <Group gap="xs" wrap="nowrap">
              {person.userId === me?.user.id && (
                <Badge variant="light" size="sm">
                  You
                </Badge>
              )}
              <ConfirmButton
                label="Remove"
                ariaLabel={`Remove ${person.name} as operator`}
                title="Remove operator rights"
                pending={remove.isPending}
                onConfirm={(done) =>
                  remove.mutate(person.userId, {
                    onSuccess: () => {
                      done();
                      notifications.show({ color: 'teal', message: `${person.name} is no longer an operator.` });
                    },
                    onError: (error) => {
                      done();
                      notifications.show({ color: 'red', message: error.message });
                    },
                  })
                }
              >
                {person.userId === me?.user.id
                  ? 'You will lose access to the operator area at once.'
                  : `${person.name} (${person.email}) will lose access to the operator area.`}
              </ConfirmButton>
            </Group>
          )}
        />
      )}
      <EmailGrantForm
        action="Grant operator rights"
        description="The email address of an existing Portico account"
        pending={grant.isPending}
        error={grant.error}
        onSubmit={(email, callbacks) =>
          grant.mutate(email, {
            ...callbacks,
            onSuccess: () => {
              callbacks.onSuccess();
              notifications.show({ color: 'teal', message: `${email} is now an operator.` });
            },
          })
        }
      />
    </Section>
  );
}
