import { z } from 'zod';
import { RIGHTS } from './invitations.js';

/** Short codes of organizations: lower case letters, digits and dashes (e.g. `acme-eu`). */
export const organizationCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: 'must be 2 to 40 letters, digits or dashes' });
export const organizationName = z.string().trim().min(1, { message: 'is required' }).max(200);

export const CreateOrganizationRequest = z.strictObject({ name: organizationName, code: organizationCode });
export const RenameOrganizationRequest = z.strictObject({ name: organizationName });

export const Organization = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  hasAdministrator: z.boolean(),
  createdAt: z.string(),
});
export const OrganizationList = z.object({ items: z.array(Organization), nextCursor: z.string().nullable() });

/** `?q=&cursor=&limit=` of every list (SPEC §4.2): the cursor is opaque, the limit at most 200. */
export const ListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const Person = z.object({ name: z.string(), email: z.string() });
export const AdministratorList = z.object({ items: z.array(Person.extend({ userId: z.string() })) });
/**
 * Appoint administrator (SPEC §2.3): the administrators after the change, and `invitation` when no account has the
 * email: an Admin invitation was sent to it (`invited`), or one is pending for it already (`already invited`).
 */
export const AppointAdministratorResult = AdministratorList.extend({
  invitation: z
    .object({ email: z.string(), outcome: z.enum(['invited', 'already invited']), invitationId: z.string().nullable() })
    .nullable(),
});
export type AppointAdministratorResult = z.infer<typeof AppointAdministratorResult>;
/** The instance's operators: the same shape as an organization's administrators. */
export const OperatorList = AdministratorList;
export type OperatorList = z.infer<typeof OperatorList>;
export const EmailBody = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'is not a valid email address' })),
});

export type Organization = z.infer<typeof Organization>;

/** My organization (SPEC §2.4): what every member may see of an organization — its name and its administrators. */
export const MyOrganization = z.object({
  organization: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  rights: z.enum(RIGHTS),
  administrators: z.array(Person),
});
export type MyOrganization = z.infer<typeof MyOrganization>;
