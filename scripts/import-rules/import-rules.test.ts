import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImports, MAX_LINES, moduleCycles, readSources, type SourceFile, specifiersOf } from './import-rules.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const S = 'apps/server/src/';
const W = 'apps/web/src/';
const file = (path: string, imports: string[] = [], lines = 10): SourceFile => ({ path, imports, lines });

describe('the import rules of the source tree', () => {
  it('hold for the server, the web app and the contracts', () => {
    const files = readSources(ROOT, ['apps/server/src', 'apps/web/src', 'packages/contracts/src']);
    expect(files.length).toBeGreaterThan(100);
    expect(checkImports(files)).toEqual([]);
  });
});

describe('the checker', () => {
  it('reads static, type-only, re-exported and dynamic imports, and only relative ones', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.repository.js';",
      "export { c } from './c.js';",
      "import './side-effect.css';",
      "const d = await import('./d.js');",
      "import { z } from 'zod';",
      'import {\n  e,\n  f,\n} from "./ef.js";',
    ].join('\n');
    expect(specifiersOf(text)).toEqual([
      './a.js',
      '../b/b.repository.js',
      './c.js',
      './side-effect.css',
      './d.js',
      './ef.js',
    ]);
  });

  it("refuses a module importing another module's repository, routes or inner file, and allows services and writers", () => {
    const from = `${S}modules/invitations/invitations.service.ts`;
    const violations = checkImports([
      file(from, [
        `${S}modules/members/members.repository.ts`,
        `${S}modules/members/members.routes.ts`,
        `${S}modules/members/directory.ts`,
        `${S}modules/members/members.service.ts`,
        `${S}modules/audit/audit.writer.ts`,
        `${S}modules/invitations/invitations.repository.ts`,
      ]),
    ]);
    expect(violations.map((v) => v.imports)).toEqual([
      `${S}modules/members/members.repository.ts`,
      `${S}modules/members/members.routes.ts`,
      `${S}modules/members/directory.ts`,
    ]);
  });

  it('refuses a routes file importing a repository, even its own module’s', () => {
    const violations = checkImports([
      file(`${S}modules/members/members.routes.ts`, [`${S}modules/members/members.repository.ts`]),
    ]);
    expect(violations).toEqual([expect.objectContaining({ rule: 'a routes file calls services, never a repository' })]);
  });

  it('refuses lib/ and http/ importing a module, and lib/ importing http/', () => {
    const violations = checkImports([
      file(`${S}http/access.ts`, [`${S}modules/members/members.service.ts`]),
      file(`${S}lib/cursor.ts`, [`${S}http/errors.ts`]),
    ]);
    expect(violations.map((v) => v.rule)).toEqual(['http/ imports no module', 'lib/ holds small pure helpers only']);
  });

  it('finds a cycle between modules, also through a third one, and only once', () => {
    const files = [
      file(`${S}modules/accounts/accounts.service.ts`, [`${S}modules/audit/audit.writer.ts`]),
      file(`${S}modules/audit/audit.service.ts`, [`${S}modules/organizations/organizations.service.ts`]),
      file(`${S}modules/organizations/organizations.service.ts`, [`${S}modules/accounts/accounts.service.ts`]),
    ];
    expect(moduleCycles(files)).toEqual(['accounts → audit → organizations → accounts']);
    expect(checkImports(files).map((v) => v.rule)).toEqual([
      'module cycle: accounts → audit → organizations → accounts',
    ]);
  });

  it('refuses a web feature importing another feature or app/, and shared folders importing a feature', () => {
    const violations = checkImports([
      file(`${W}features/members/components/MembersPage.tsx`, [
        `${W}features/audit/api.ts`,
        `${W}app/router.tsx`,
        `${W}features/members/api.ts`,
        `${W}components/Section.tsx`,
      ]),
      file(`${W}components/Section.tsx`, [`${W}features/members/api.ts`]),
      file(`${W}app/router.tsx`, [`${W}features/members/components/MembersPage.tsx`]),
    ]);
    expect(violations.map((v) => [v.file, v.imports])).toEqual([
      [`${W}features/members/components/MembersPage.tsx`, `${W}features/audit/api.ts`],
      [`${W}features/members/components/MembersPage.tsx`, `${W}app/router.tsx`],
      [`${W}components/Section.tsx`, `${W}features/members/api.ts`],
    ]);
  });

  it(`refuses a source file over ${MAX_LINES} lines, and lets tests import anything`, () => {
    const violations = checkImports([
      file(`${S}modules/members/members.service.ts`, [], MAX_LINES + 1),
      file(`${S}modules/members/members.service.test.ts`, [`${S}modules/invitations/invitations.repository.ts`]),
    ]);
    expect(violations.map((v) => v.rule)).toEqual([`files stay under ${MAX_LINES} lines (${MAX_LINES + 1})`]);
  });
});
