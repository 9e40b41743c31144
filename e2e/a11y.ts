import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

// The accessibility checks the specs share: axe's WCAG 2.2 A and AA rules with a readable report of what failed,
// screenshots of each page checked, and the keyboard moves (Tab to an element, Escape out of a dialog).

export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** What axe measured for a contrast failure: text on background, or a link against the text around it. */
interface ContrastData {
  contrastRatio?: number;
  expectedContrastRatio?: string;
  fgColor?: string;
  bgColor?: string;
  fontSize?: string;
  fontWeight?: string;
  requiredContrastRatio?: number;
  nodeColor?: string;
  parentColor?: string;
}

function contrastFigures(data: ContrastData): string {
  if (data.fgColor)
    return `contrast ${data.contrastRatio}:1, needs ${data.expectedContrastRatio}: ${data.fgColor} on ${data.bgColor}, ${data.fontSize} ${data.fontWeight ?? ''}`.trim();
  return `link ${data.nodeColor} against text ${data.parentColor}: ${data.contrastRatio}:1, needs ${data.requiredContrastRatio}:1 or an underline`;
}

/** Each violation with its rule, impact and help, then each failing element: selector, figures, markup. */
export function describeViolations(where: string, violations: Violation[]): string {
  const lines = [`${violations.length} accessibility violation(s) on ${where}:`];
  for (const violation of violations) {
    lines.push(
      `- ${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help} — ${violation.helpUrl}`,
    );
    for (const node of violation.nodes) {
      lines.push(`    ${node.target.map(String).join(' >> ')}`);
      const contrast = [...node.any, ...node.all, ...node.none].find(
        (check) => check.data && typeof check.data === 'object' && 'contrastRatio' in check.data,
      )?.data as ContrastData | undefined;
      lines.push(
        `      ${contrast ? contrastFigures(contrast) : (node.failureSummary?.replace(/\s*\n\s*/g, ' ') ?? '')}`,
      );
      lines.push(`      ${node.html.slice(0, 200)}`);
    }
  }
  return lines.join('\n');
}

/** Transitions done (a fading dialog would be measured half transparent) and nothing still loading. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Loader')).toHaveCount(0);
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY),
  );
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/accessibility-${name}.png`, fullPage: true, animations: 'disabled' });
}

/**
 * The page as it is now passes axe's WCAG 2.2 A and AA rules: no violation at all on Portico's own pages; on a
 * third-party page (`seriousOnly`, Swagger UI's markup), none of serious or critical impact.
 */
export async function expectAccessible(page: Page, where: string, options: { seriousOnly?: boolean } = {}) {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const failing = options.seriousOnly
    ? results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    : results.violations;
  expect(failing, describeViolations(where, failing)).toEqual([]);
  await shot(page, where.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
}

export const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Presses Tab (or Shift+Tab) until the element has the focus; fails if it is not reached in `max` presses. */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  expect(await isFocused(target), `${target} reached by ${backwards ? 'Shift+Tab' : 'Tab'}`).toBe(true);
}

/** Escape closes the dialog, and the focus goes back to where it was opened from. */
export async function escapeCloses(page: Page, dialog: Locator, opener?: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  if (opener) await expect(opener).toBeFocused();
}
