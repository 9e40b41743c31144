import { Alert, Anchor, List, Stack, Text } from '@mantine/core';

interface AdministratorsNoticeProps {
  organization: string;
  administrators: { name: string; email: string }[];
  /** After a registration the administrators were emailed; on the claim page nobody was. */
  told: boolean;
}

/** SPEC §2.3: an organization with an administrator is joined by invitation; say whom to ask. */
export function AdministratorsNotice({ organization, administrators, told }: AdministratorsNoticeProps) {
  return (
    <Alert color="blue" variant="light" title={`${organization} already has an administrator`}>
      <Stack gap="sm">
        <Text size="sm">
          Ask your administrator to invite you.{' '}
          {told && 'We told them you asked, with your name, your email address and the serial number.'}
        </Text>
        <List size="sm" spacing={4} aria-label={`Administrators of ${organization}`}>
          {administrators.map((admin) => (
            <List.Item key={admin.email}>
              {admin.name} —{' '}
              <Anchor href={`mailto:${admin.email}`} inherit>
                {admin.email}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}
