import { Alert, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Section } from '../../../components/Section';
import { useAdministrators, useAppointAdministrator, useRemoveAdministrator } from '../api';
import { ConfirmButton } from './ConfirmButton';
import { EmailGrantForm } from './EmailGrantForm';
import { PeopleList } from './PeopleList';

export function AdministratorsPanel({ org }: { org: string }) {
  const administrators = useAdministrators(org);
  const appoint = useAppointAdministrator();
  const remove = useRemoveAdministrator();

  return (
    <Section
      id="administrators"
      title="Administrators"
      order={3}
      description="They manage the organization’s members and products. Without one, the first person to register one of its serial numbers may claim it."
    >
      {administrators.isPending ? (
        <Loader size="sm" aria-label="Loading administrators" />
      ) : administrators.isError ? (
        <Alert role="alert" color="red" variant="light">
          {administrators.error.message}
        </Alert>
      ) : administrators.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No administrator yet.
        </Text>
      ) : (
        <PeopleList
          people={administrators.data.items}
          label="Administrators"
          action={(person) => (
            <ConfirmButton
              label="Remove"
              ariaLabel={`Remove ${person.name} as administrator`}
              title="Remove administrator"
              pending={remove.isPending}
              onConfirm={(done) =>
                remove.mutate(
                  { org, userId: person.userId },
                  {
                    onSuccess: () => {
                      done();
                      notifications.show({ color: 'teal', message: `${person.name} is no longer an administrator.` });
                    },
                    onError: (error) => notifications.show({ color: 'red', message: error.message }),
                  },
                )
              }
            >
              {person.name} ({person.email}) will no longer be an administrator of this organization, nor a member of
              it.
            </ConfirmButton>
          )}
        />
      )}
      <Stack gap={0}>
        <EmailGrantForm
          action="Appoint administrator"
          description="The email address of an existing Portico account"
          pending={appoint.isPending}
          error={appoint.error}
          onSubmit={(email, callbacks) =>
            appoint.mutate(
              { org, email },
              {
                ...callbacks,
                onSuccess: () => {
                  callbacks.onSuccess();
                  notifications.show({ color: 'teal', message: `${email} is now an administrator.` });
                },
              },
            )
          }
        />
      </Stack>
    </Section>
  );
}
