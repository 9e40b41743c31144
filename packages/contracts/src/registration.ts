import { z } from 'zod';
import { Asset } from './assets.js';
import { RIGHTS } from './invitations.js';
import { Person } from './organizations.js';

export const RegistrationRequest = z.strictObject({ serial: z.string().max(100) });

/** linked: the user may now claim the organization; admin-exists: the request went to its administrators. */
export const RegistrationResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('linked'), organization: z.object({ id: z.string(), name: z.string() }) }),
  /** Already a member or administrator of the serial's organization: nothing to do. */
  z.object({ status: z.literal('member'), organization: z.object({ id: z.string(), name: z.string() }) }),
  z.object({
    status: z.literal('admin-exists'),
    organization: z.object({ name: z.string() }),
    administrators: z.array(Person),
  }),
]);

export const ClaimInfo = z.object({
  organization: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  administrators: z.array(Person),
  canClaim: z.boolean(),
});
export const ClaimRequest = z.strictObject({ acceptTerms: z.boolean(), acceptResponsibility: z.boolean() });
export const ClaimResult = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  rights: z.literal('admin'),
});

export const OrganizationOverview = z.object({
  organization: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  rights: z.enum(RIGHTS),
  products: z.array(Asset),
  services: z.array(Asset),
  endingSoon: z.array(Asset),
});
