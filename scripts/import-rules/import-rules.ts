import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import rules of ARCHITECTURE.md, checked over the source tree (run by import-rules.test.ts in `npm test`):
 * - server: a module imports another module's `*.service.ts` or a shared writer (`*.writer.ts`) only, never its
 *   repository, routes or other files; a routes file imports no repository (routes call services); `lib/` and
 *   `http/` import no module; no two modules import each other, directly or around a cycle;
 * - web: a feature never imports another feature or `app/`; `components/` and `lib/` import no feature.
 * Also: no source file grows past 300 lines (convention 13).
 */

export const MAX_LINES = 300;

/** A source file, named by its path from the repository root, and the files its imports resolve to. */
export interface SourceFile {
  path: string;
  lines: number;
  imports: string[];
}

export interface Violation {
  file: string;
  imports?: string;
  rule: string;
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** The relative specifiers of a file's imports, re-exports and dynamic imports. */
export function specifiersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier?.startsWith('.')) found.push(specifier);
  }
  return found;
}

/** `./x.js` as TypeScript resolves it under NodeNext: the `.ts` (or `.tsx`) file beside it. */
function resolveSpecifier(root: string, from: string, specifier: string, exists: Set<string>): string {
  const base = relative(root, resolve(dirname(join(root, from)), specifier));
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, `${base}.tsx`, base];
  return candidates.find((c) => exists.has(c)) ?? base;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Reads every TypeScript file under the given folders (paths from `root`). */
export function readSources(root: string, folders: string[]): SourceFile[] {
  const paths = folders.flatMap((folder) => walk(join(root, folder))).map((p) => relative(root, p));
  const exists = new Set(paths);
  return paths.map((path) => {
    const text = readFileSync(join(root, path), 'utf8');
    const imports = specifiersOf(text).map((s) => resolveSpecifier(root, path, s, exists));
    return { path, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), imports };
  });
}

const SERVER = 'apps/server/src/';
const WEB = 'apps/web/src/';

/** `accounts` for apps/server/src/modules/accounts/…, else null. */
export function moduleOf(path: string): string | null {
  return path.startsWith(`${SERVER}modules/`) ? (path.slice(SERVER.length).split('/')[1] ?? null) : null;
}

function featureOf(path: string): string | null {
  return path.startsWith(`${WEB}features/`) ? (path.slice(WEB.length).split('/')[1] ?? null) : null;
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** What another module may import: its services and the shared writers. */
const PUBLIC_SURFACE = /\.(service|writer)\.ts$/;

function serverViolation(file: string, target: string): string | null {
  const from = moduleOf(file);
  const to = moduleOf(target);
  if (from && to && from !== to && !PUBLIC_SURFACE.test(target))
    return `a module imports another module's *.service.ts or *.writer.ts only (not ${baseName(target)})`;
  if (file.endsWith('.routes.ts') && target.endsWith('.repository.ts'))
    return 'a routes file calls services, never a repository';
  const layer = file.slice(SERVER.length).split('/')[0];
  if ((layer === 'lib' || layer === 'http') && to) return `${layer}/ imports no module`;
  if (layer === 'lib' && /^apps\/server\/src\/(http|db)\//.test(target)) return 'lib/ holds small pure helpers only';
  return null;
}

function webViolation(file: string, target: string): string | null {
  const from = featureOf(file);
  const to = featureOf(target);
  if (from && to && from !== to) return 'a feature never imports another feature (app/ composes them)';
  if (from && target.startsWith(`${WEB}app/`)) return 'a feature never imports app/';
  const layer = file.slice(WEB.length).split('/')[0];
  if ((layer === 'components' || layer === 'lib') && to) return `${layer}/ imports no feature`;
  return null;
}

/** Module-level cycles: each strongly connected group of two or more modules, as `a → b → a`. */
export function moduleCycles(files: SourceFile[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    const from = moduleOf(file.path);
    if (!from || isTest(file.path)) continue;
    for (const target of file.imports) {
      const to = moduleOf(target);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const cycles: string[] = [];
  const visit = (start: string, node: string, path: string[], seen: Set<string>) => {
    for (const next of edges.get(node) ?? []) {
      if (next === start) cycles.push([...path, start].join(' → '));
      else if (!seen.has(next) && next > start) visit(start, next, [...path, next], new Set(seen).add(next));
    }
  };
  for (const start of [...edges.keys()].sort()) visit(start, start, [start], new Set([start]));
  return cycles;
}

/** Every broken rule in the tree; tests may import anything, so they are left out of the layering rules. */
export function checkImports(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    if (file.lines > MAX_LINES && !file.path.includes('/migrations/'))
      violations.push({ file: file.path, rule: `files stay under ${MAX_LINES} lines (${file.lines})` });
    if (isTest(file.path)) continue;
    for (const target of file.imports) {
      const rule = file.path.startsWith(SERVER)
        ? serverViolation(file.path, target)
        : file.path.startsWith(WEB)
          ? webViolation(file.path, target)
          : null;
      if (rule) violations.push({ file: file.path, imports: target, rule });
    }
  }
  for (const cycle of moduleCycles(files)) violations.push({ file: SERVER, rule: `module cycle: ${cycle}` });
  return violations;
}
