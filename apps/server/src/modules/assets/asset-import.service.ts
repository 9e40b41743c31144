import {
  ASSET_CSV_COLUMNS,
  ASSET_IMPORT_MAX_ROWS,
  AssetCsvRow,
  type ErrorDetail,
  endsAfterStarts,
  type ImportReport,
} from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.writer.js';
import { findOrganizationsByIdOrCode, findProductsByIdOrCode } from './asset-import.repository.js';
import * as repo from './assets.repository.js';
import {
  type AssetInput,
  type AssetReferences,
  buildAsset,
  type FieldProblem,
  referenceProblems,
} from './assets.service.js';
import { type CsvRecord, CsvSyntaxError, parseCsv } from './csv.js';

export type ImportMode = ImportReport['mode'];
type Cells = Partial<AssetCsvRow>;

/** One data row as judged: its cells (those that were valid), the problems, and the asset when there are none. */
interface RowCheck {
  line: number;
  serial: string;
  cells: Cells;
  input: AssetInput | null;
  reasons: FieldProblem[];
  asset: repo.NewAsset | null;
}

const HEADER = ASSET_CSV_COLUMNS.join(',');

/** The header and the row limit; anything that makes the whole file unusable is one 4xx before any row is read. */
export function readImportFile(text: string): CsvRecord[] {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new AppError('VALIDATION_FAILED', `The file is not valid CSV: ${error.message}`, [
      { path: `line ${error.line}`, message: error.message.replace(/^line \d+: /, '') },
    ]);
  }
  const [header, ...rows] = records;
  const found = header?.fields.map((f) => f.trim().toLowerCase()).join(',');
  if (found !== HEADER) {
    const what = header ? `its first line is ${header.fields.join(',').slice(0, 200)}` : 'it is empty';
    throw new AppError('VALIDATION_FAILED', `The first line of the file must be the header ${HEADER}; ${what}`, [
      { path: `line ${header?.line ?? 1}`, message: `must be the header ${HEADER}` },
    ]);
  }
  if (rows.length > ASSET_IMPORT_MAX_ROWS)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file has ${rows.length.toLocaleString('en-US')} rows; an import takes at most ${ASSET_IMPORT_MAX_ROWS.toLocaleString('en-US')}: split it`,
    );
  return rows;
}

const order = (field: string) => ASSET_CSV_COLUMNS.indexOf(field as (typeof ASSET_CSV_COLUMNS)[number]);

/** Each cell through its field schema from the contracts, so every bad cell of the row is named. */
function checkCells(record: CsvRecord): RowCheck {
  const serial = record.fields[1]?.trim() ?? '';
  const check: RowCheck = { line: record.line, serial, cells: {}, input: null, reasons: [], asset: null };
  if (record.fields.length !== ASSET_CSV_COLUMNS.length) {
    const message = `has ${record.fields.length} fields; expected ${ASSET_CSV_COLUMNS.length} (${HEADER})`;
    check.reasons.push({ field: 'row', message });
    return check;
  }
  const cells: Record<string, unknown> = {};
  ASSET_CSV_COLUMNS.forEach((column, i) => {
    const result = AssetCsvRow.shape[column].safeParse(record.fields[i]);
    if (result.success) cells[column] = result.data;
    else check.reasons.push({ field: column, message: result.error.issues[0]?.message ?? 'is not valid' });
  });
  check.cells = cells as Cells;
  check.serial = check.cells.serial ?? serial;
  const { starts, ends } = check.cells;
  if (starts !== undefined && ends !== undefined && !endsAfterStarts({ startsAt: starts, endsAt: ends }))
    check.reasons.push({ field: 'ends', message: 'must be after starts' });
  if (check.reasons.length === 0) {
    const { organization, product, seats, mode } = check.cells as AssetCsvRow;
    check.input = {
      organization,
      product,
      serial: check.serial,
      seats,
      mode,
      startsAt: starts as string,
      endsAt: ends,
    };
  }
  return check;
}

/** Organizations and products of the whole file in one statement each (per 500 names), not two per row. */
async function lookUpReferences(db: Executor, checks: RowCheck[]): Promise<(cells: Cells) => AssetReferences> {
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
  const [organizations, products] = await Promise.all([
    findOrganizationsByIdOrCode(db, distinct(checks.map((c) => c.cells.organization))),
    findProductsByIdOrCode(db, distinct(checks.map((c) => c.cells.product))),
  ]);
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const orgByCode = new Map(organizations.map((o) => [o.code, o]));
  const productById = new Map(products.map((p) => [p.id, p]));
  const productByCode = new Map(products.map((p) => [p.code, p]));
  return (cells) => ({
    organization: cells.organization
      ? (orgById.get(cells.organization) ?? orgByCode.get(cells.organization.toLowerCase()))
      : undefined,
    product: cells.product
      ? (productById.get(cells.product) ?? productByCode.get(cells.product.toUpperCase()))
      : undefined,
  });
}

/** A serial the instance has already, or one an earlier line of the file has. */
async function markDuplicateSerials(db: Executor, checks: RowCheck[]): Promise<void> {
  const serials = checks.map((c) => c.cells.serial).filter((s): s is string => !!s);
  const existing = await repo.existingSerials(db, [...new Set(serials)]);
  const firstLine = new Map<string, number>();
  for (const check of checks) {
    const { serial } = check.cells;
    if (!serial) continue;
    const earlier = firstLine.get(serial);
    if (existing.has(serial)) check.reasons.push({ field: 'serial', message: 'exists already' });
    else if (earlier !== undefined) check.reasons.push({ field: 'serial', message: `is also on line ${earlier}` });
    else firstLine.set(serial, check.line);
  }
}

/** Every row judged by the rules of a single asset (assets.service), with the lookups done in bulk. */
async function checkRows(db: Executor, records: CsvRecord[]): Promise<RowCheck[]> {
  const checks = records.map(checkCells);
  const referencesOf = await lookUpReferences(db, checks);
  await markDuplicateSerials(db, checks);
  for (const check of checks) {
    const refs = referencesOf(check.cells);
    check.reasons.push(...referenceProblems(check.cells, refs));
    if (check.reasons.length === 0 && check.input) {
      const built = buildAsset(check.input, refs);
      if ('asset' in built) check.asset = built.asset;
      else check.reasons.push(...built.problems);
    }
    check.reasons.sort((a, b) => order(a.field) - order(b.field));
  }
  return checks;
}

/**
 * The assets and their audit events in one transaction: the import exists entirely or not at all. One event per
 * organization (`assets.imported`, listing the assets created there) rather than one per asset: ten thousand single
 * inserts took about 3 s on PostgreSQL, most of the import, while the change is still recorded once (SPEC §2.8).
 */
async function createAssets(
  deps: Deps<'db' | 'clock'>,
  actor: Actor,
  checks: RowCheck[],
  mode: ImportMode,
): Promise<void> {
  const valid = checks.filter((c): c is RowCheck & { asset: repo.NewAsset } => c.asset !== null);
  if (valid.length === 0) return;
  const now = deps.clock.now();
  const byOrganization = new Map<string, typeof valid>();
  for (const c of valid) {
    const rows = byOrganization.get(c.asset.organization_id);
    if (rows) rows.push(c);
    else byOrganization.set(c.asset.organization_id, [c]);
  }
  const file = { mode, rows: checks.length, created: valid.length, refused: checks.length - valid.length };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertAssets(
      trx,
      valid.map((c) => c.asset),
      now,
    );
    for (const [organizationId, rows] of byOrganization) {
      const assets = rows.map(({ asset, line }) => ({ id: asset.id, serial: asset.serial, line }));
      await recordAudit(
        trx,
        actor,
        {
          action: 'assets.imported',
          targetType: 'organization',
          targetId: organizationId,
          organizationId,
          after: { file, created: assets.length, assets },
        },
        now,
      );
    }
  });
}

function reportOf(checks: RowCheck[], mode: ImportMode, created: boolean): ImportReport {
  const rows = checks.map((c) => ({
    line: c.line,
    serial: c.serial,
    outcome: c.reasons.length > 0 ? ('refused' as const) : created ? ('created' as const) : ('skipped' as const),
    reasons: c.reasons,
  }));
  return {
    mode,
    created: rows.filter((r) => r.outcome === 'created').length,
    refused: rows.filter((r) => r.outcome === 'refused').length,
    rows,
  };
}

/**
 * The CSV import of SPEC §2.2. All-or-nothing: one refused row and nothing is created (the valid rows are reported
 * `skipped`). Skip-invalid: the valid rows are created, the others reported `refused`. A serial created by someone
 * else between the checks and the insert makes the insert fail on the unique index; the file is then judged again.
 */
export async function importAssets(deps: Deps<'db' | 'clock'>, actor: Actor, text: string, mode: ImportMode) {
  const records = readImportFile(text);
  for (let attempt = 1; ; attempt++) {
    const checks = await checkRows(deps.db, records);
    const write = mode === 'skip-invalid' || checks.every((c) => c.reasons.length === 0);
    try {
      if (write) await createAssets(deps, actor, checks, mode);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt < 2) continue;
      throw new AppError('CONFLICT', 'Serials of this file were created by someone else meanwhile; import it again');
    }
    return reportOf(checks, mode, write);
  }
}

/** The refusal of an all-or-nothing import: one detail per refused cell, `line 7: seats`. */
export function refusalOf(report: ImportReport): { message: string; details: ErrorDetail[] } {
  const details = report.rows.flatMap((row) =>
    row.reasons.map((r) => ({ path: `line ${row.line}: ${r.field}`, message: r.message })),
  );
  const message = `${report.refused} of ${report.rows.length} rows were refused, so nothing was created`;
  return { message, details };
}
