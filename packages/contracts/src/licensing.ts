import { z } from 'zod';
import { Product } from './assets.js';
import { IdInput, SearchText } from './ids-input.js';
import { MyLicensing } from './online-licensing.js';

/** Users a request assigns to at most (SPEC §6: 500 members in one request), and assignments a bulk revoke names. */
export const ASSIGN_MAX_USERS = 500;
export const REVOKE_MAX_ASSIGNMENTS = 500;

/** What Assign answers for each user (SPEC §2.5). */
export const ASSIGN_OUTCOMES = [
  'assigned',
  'already assigned',
  'no seat available',
  'product type already held',
  'not a member',
  'asset not active',
] as const;
export type AssignOutcome = (typeof ASSIGN_OUTCOMES)[number];

const id = IdInput;

/** A list of ids with no repeats: a repeated user or assignment is a mistake in the request, named by its index. */
function distinctIds(max: number, what: string) {
  return z
    .array(id)
    .min(1, { message: `names no ${what}` })
    .max(max, { message: `names more than ${max} ${what}s` })
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `repeats ${value}` });
        seen.add(value);
      });
    });
}

/**
 * Assign: one asset (by id) or one product (by id or code, Portico picks the asset), and the users to give it to.
 */
export const AssignRequest = z
  .strictObject({
    asset: id.optional(),
    product: id.optional(),
    users: distinctIds(ASSIGN_MAX_USERS, 'user'),
  })
  .refine((r) => (r.asset === undefined) !== (r.product === undefined), {
    path: ['asset'],
    message: 'give either asset or product, not both and not neither',
  });
export type AssignRequest = z.infer<typeof AssignRequest>;

export const AssignResult = z.object({
  results: z.array(
    z.object({
      user: z.string(),
      outcome: z.enum(ASSIGN_OUTCOMES),
      assignmentId: z.string().nullable(),
      /** The asset the seat was taken from (or would have been). */
      assetId: z.string().nullable(),
    }),
  ),
});
export type AssignResult = z.infer<typeof AssignResult>;

export const Assignment = z.object({
  id: z.string(),
  asset: z.object({ id: z.string(), serialDisplay: z.string(), mode: z.enum(['machine', 'online']).nullable() }),
  product: Product,
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  assignedAt: z.string(),
});
export type Assignment = z.infer<typeof Assignment>;
export const AssignmentList = z.object({ items: z.array(Assignment), nextCursor: z.string().nullable() });
export type AssignmentList = z.infer<typeof AssignmentList>;

export const AssignmentsQuery = z.strictObject({
  asset: id.optional(),
  user: id.optional(),
  /** By id or code. */
  product: id.optional(),
  /** The assignee's name or email, for an asset's list of assignees. */
  q: SearchText.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AssignmentsQuery = z.output<typeof AssignmentsQuery>;

export const RevokeRequest = z.strictObject({ assignments: distinctIds(REVOKE_MAX_ASSIGNMENTS, 'assignment') });
export const REVOKE_OUTCOMES = ['revoked', 'not found'] as const;
export type RevokeOutcome = (typeof REVOKE_OUTCOMES)[number];
export const RevokeResult = z.object({
  results: z.array(z.object({ assignment: z.string(), outcome: z.enum(REVOKE_OUTCOMES) })),
});
export type RevokeResult = z.infer<typeof RevokeResult>;

/** Removing a member who holds licenses revokes them only when asked (SPEC §2.4). */
export const RemoveMemberQuery = z.strictObject({
  revokeLicenses: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** Enable online licensing (SPEC §2.5): the one change an administrator makes to an asset. */
export const ChangeAssetModeRequest = z.strictObject({ mode: z.literal('online') });

/** My products: what is assigned to the signed-in user in one organization. */
export const MyProduct = z.object({
  assignmentId: z.string(),
  product: Product,
  asset: z.object({
    id: z.string(),
    serialDisplay: z.string(),
    mode: z.enum(['machine', 'online']).nullable(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'suspended']),
  }),
  assignedAt: z.string(),
  /** For a named-user (online) license: the member's devices, the one in use and the transfers left. */
  licensing: MyLicensing.nullable(),
});
export const MyProducts = z.object({ items: z.array(MyProduct) });
export type MyProduct = z.infer<typeof MyProduct>;
