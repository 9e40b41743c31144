import { z } from 'zod';

export const PRODUCT_KINDS = ['license', 'service'] as const;
export const LICENSING_MODES = ['machine', 'online'] as const;
export const ASSET_STATUSES = ['active', 'expired', 'suspended'] as const;

/** Serials are compared without spaces or dashes and in upper case (SPEC §2.3). */
export function normalizeSerial(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** Shown in groups of four: `9000 0000 0012 3456 ABCD EFGH`. */
export function formatSerial(serial: string): string {
  return serial.replace(/(.{4})(?=.)/g, '$1 ');
}

export const serial = z
  .string()
  .max(100)
  .transform(normalizeSerial)
  .pipe(z.string().regex(/^[A-Z0-9]{6,40}$/, { message: 'must be 6 to 40 letters and digits' }));

export const productCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { message: 'must be 2 to 40 letters, digits or dashes' });

/** A calendar day (`2026-01-31`) or a full ISO timestamp; stored as an instant. */
export const dateInput = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: 'must be a date such as 2026-01-31',
});

const productName = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, { message: 'must not hold control characters' });
const productType = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{1,30}$/, { message: 'must be a short word such as cad' })
  .nullable()
  .optional();

export const CreateProductRequest = z
  .strictObject({ code: productCode, name: productName, kind: z.enum(PRODUCT_KINDS), type: productType })
  .refine((p) => p.kind === 'service' || Boolean(p.type), {
    path: ['type'],
    message: 'is required for a license product',
  })
  .refine((p) => p.kind === 'license' || !p.type, { path: ['type'], message: 'must be empty for a service' });

/**
 * An operator's change to a catalogue product: its name and, for a license, its product type. The code and the kind
 * stay (desktop applications and CSV files name products by code; a license's assets have seats and a mode).
 */
export const UpdateProductRequest = z
  .strictObject({ name: productName.optional(), type: productType })
  .refine((p) => p.name !== undefined || p.type !== undefined, { message: 'says nothing to change' });

export const Product = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  type: z.string().nullable(),
});
/** A product as the catalogue lists it: retired ones take no new assets, and their assets keep working. */
export const CatalogProduct = Product.extend({ retiredAt: z.string().nullable() });
export const ProductList = z.object({ items: z.array(CatalogProduct) });

/** A term ends after it starts; no end date is a perpetual license. */
export function endsAfterStarts(a: { startsAt: string; endsAt?: string | null }): boolean {
  return !a.endsAt || new Date(a.endsAt) > new Date(a.startsAt);
}

export const CreateAssetRequest = z
  .strictObject({
    /** Organization and product by id or by code. */
    organization: z.string().trim().min(1).max(100),
    product: z.string().trim().min(1).max(100),
    serial,
    /** Required for a license product; services have no seats, so it must be left out for one. */
    seats: z.number().int().min(1, { message: 'must be at least 1' }).max(1_000_000).optional(),
    mode: z.enum(LICENSING_MODES).optional(),
    startsAt: dateInput,
    endsAt: dateInput.nullable().optional(),
  })
  .refine(endsAfterStarts, {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });

export const UpdateAssetRequest = z
  .strictObject({
    seats: z.number().int().min(1, { message: 'must be at least 1' }).max(1_000_000).optional(),
    startsAt: dateInput.optional(),
    endsAt: dateInput.nullable().optional(),
    status: z.enum(['active', 'suspended']).optional(),
  })
  .refine((a) => Object.keys(a).length > 0, { message: 'says nothing to change' });

export const Asset = z.object({
  id: z.string(),
  organizationId: z.string(),
  serial: z.string(),
  serialDisplay: z.string(),
  product: Product,
  seats: z.number(),
  seatsAssigned: z.number(),
  seatsAvailable: z.number(),
  /** Seats of revoked licenses still held by an offline lease, and when the first of them frees (SPEC §2.5). */
  seatsHeldOffline: z.number(),
  nextSeatFreeAt: z.string().nullable(),
  mode: z.enum(LICENSING_MODES).nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  status: z.enum(ASSET_STATUSES),
});
export const AssetList = z.object({ items: z.array(Asset), nextCursor: z.string().nullable() });

export const ImportRow = z.object({
  line: z.number(),
  serial: z.string(),
  outcome: z.enum(['created', 'refused', 'skipped']),
  reasons: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const ImportReport = z.object({
  mode: z.enum(['all-or-nothing', 'skip-invalid']),
  created: z.number(),
  refused: z.number(),
  rows: z.array(ImportRow),
});

/** CSV import of assets (SPEC §2.2): the header row, in this order (case-insensitive, spaces around names ignored). */
export const ASSET_CSV_COLUMNS = ['organization', 'serial', 'product', 'seats', 'mode', 'starts', 'ends'] as const;
export const ASSET_IMPORT_MAX_ROWS = 10_000;
export const ASSET_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const ImportMode = z.enum(['all-or-nothing', 'skip-invalid']);
export const ImportQuery = z.strictObject({ mode: ImportMode.default('all-or-nothing') });

const fields = CreateAssetRequest.shape;
const cell = z.string().trim();
const required = cell.min(1, { message: 'is required' });
const blankAsMissing = (value: string): string | undefined => (value === '' ? undefined : value);

/**
 * One data row of the CSV, cell by cell: the text of each cell becomes the value CreateAssetRequest takes, and is
 * checked by the same field schema. Each field can be checked alone (`AssetCsvRow.shape.seats`), so a row reports
 * every bad cell; the end-after-start rule is `endsAfterStarts`, as for a single asset.
 */
export const AssetCsvRow = z.object({
  organization: required.pipe(fields.organization),
  serial: required.pipe(fields.serial),
  product: required.pipe(fields.product),
  // Empty for a service (services have no seats); whether a row needs it depends on its product's kind.
  seats: cell
    .regex(/^([+-]?\d+)?$/, { message: 'must be a whole number' })
    .transform((value) => (value === '' ? undefined : Number(value)))
    .pipe(fields.seats),
  mode: cell
    .toLowerCase()
    .transform(blankAsMissing)
    .pipe(z.enum(LICENSING_MODES, { message: 'must be machine, online or empty' }).optional()),
  starts: required.pipe(fields.startsAt),
  ends: cell.transform((value): string | null | undefined => (value === '' ? null : value)).pipe(fields.endsAt),
});
export type AssetCsvRow = z.infer<typeof AssetCsvRow>;

/**
 * The answer of an all-or-nothing import with refused rows (422): the error envelope, one `details` entry per
 * refused cell (`{path: "line 7: seats", message}`), and beside it the same report a successful import returns.
 */
export const ImportRefused = z.object({
  error: z.object({
    code: z.literal('IMPORT_REFUSED'),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string(),
  }),
  report: ImportReport,
});

export type Asset = z.infer<typeof Asset>;
export type Product = z.infer<typeof Product>;
export type CatalogProduct = z.infer<typeof CatalogProduct>;
export type ImportRow = z.infer<typeof ImportRow>;
export type ImportReport = z.infer<typeof ImportReport>;
export type ImportRefused = z.infer<typeof ImportRefused>;
