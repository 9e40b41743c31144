import { Alert, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AppointAdministratorResult } from '@portico/contracts';
import { useState } from 'react';
import { Section } from '../../../components/Section';
import { useAdministrators, useAppointAdministrator, useRemoveAdministrator } from '../api';
import { ConfirmButton } from './ConfirmButton';
import { EmailGrantForm } from './EmailGrantForm';
import { PeopleList } from './PeopleList';

export function AdministratorsPanel({ org }: { org: string }) {
  const administrators = useAdministrators(org);
  const appoint = useAppointAdministrator();
  const remove = useRemoveAdministrator();
  const [invited, setInvited] = useState<AppointAdministratorResult['invitation']>(null);

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
          description="Someone without a Portico account yet gets an invitation to become administrator"
          pending={appoint.isPending}
          error={appoint.error}
          onSubmit={(email, callbacks) => {
            setInvited(null);
            appoint.mutate(
              { org, email },
              {
                ...callbacks,
                onSuccess: ({ invitation }) => {
                  callbacks.onSuccess();
                  if (invitation) setInvited(invitation);
                  else notifications.show({ color: 'teal', message: `${email} is now an administrator.` });
                },
              },
            );
          }}
        />
        {invited && (
          // Stays on the page (a toast would vanish): the operator may want to tell the person to look for it.
          <Alert
            role="status"
            color="blue"
            variant="light"
            mt="sm"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setInvited(null)}
          >
            {invited.outcome === 'invited'
              ? `No account yet: an invitation to become administrator was sent to ${invited.email}. They become an administrator when they accept it.`
              : `No account yet, and an invitation to ${invited.email} is already pending: nothing was sent again.`}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
