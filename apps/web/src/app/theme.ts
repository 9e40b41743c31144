import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  getPrimaryShade,
  isLightColor,
  luminance,
  type MantineTheme,
  toRgba,
} from '@mantine/core';

/**
 * System fonts only (no web fonts: the CSP and the closed networks of self-hosted installs forbid fetching them).
 * Shade 7 keeps white-on-primary and primary-on-white text above 4.5:1 contrast.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'md',
  autoContrast: true,
  cursorType: 'pointer',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  // People who ask their system for less motion get dialogs and menus without the fade and slide.
  respectReducedMotion: true,
  components: {
    // The close button is an icon: without a name, screen readers announce just "button". A plain object, not
    // Modal.extend, so the theme does not pull Modal into the first download.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    // The same for the × that clears a chosen file or option (axe button-name, critical).
    FileInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } },
    Select: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } },
    MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } },
    TagsInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Clear' } } },
    // A link inside a sentence must not be told from the text by its colour alone (WCAG 1.4.1): underlined always.
    Anchor: { defaultProps: { underline: 'always' } },
    // Mantine puts a focusable role="presentation" div first in every menu to park the focus on; a menu may hold
    // only menu items, groups and separators (ARIA, axe aria-required-children). Without it, opening a menu puts
    // the focus on its first item, as the WAI-ARIA menu button pattern has it.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
});

/** WCAG 2.2 AA: 4.5:1 for text, which also covers the 3:1 asked of large text and of controls' edges. */
export const TEXT_CONTRAST = 4.5;
const WHITE = '#ffffff';

/** The contrast ratio of two colours, as WCAG defines it (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

const hex = (color: string) => {
  const { r, g, b } = toRgba(color);
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
};

/** The colour itself when it reads at 4.5:1 on every background given, else the colour darkened just enough. */
export function readableOn(color: string, backgrounds: string[]): string {
  for (let step = 0; step <= 25; step++) {
    const candidate = step === 0 ? color : hex(darken(color, step * 0.04));
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= TEXT_CONTRAST)) return candidate;
  }
  return '#000000';
}

/**
 * Mantine's light-scheme colour variables, raised to WCAG AA where its palette falls short, per colour so every
 * `color` prop stays coherent:
 * - filled (white text): the first shade from the primary shade on that carries white text at 4.5:1 — red 8
 *   instead of red 7 (3.8:1), blue 8 instead of 7 (4.2:1), teal 9 instead of 7 (3.1:1). Colours light enough for
 *   black text (green, lime, yellow) keep their shade: black on them is well above 4.5:1.
 * - light (badges, alerts, light buttons): the shade-1 tint stays; its text, shade 9, is darkened until it reads at
 *   4.5:1 on the hover tint (shade 2) too — teal was 4.3:1, yellow 2.7:1.
 * - text and outline (coloured text on the page): readable on white and on the page's gray-0 background.
 * - anchor (links): the primary shade, darkened to read on the page, on hovered rows and on every light tint.
 */
export function accessibleColorVariables(theme: MantineTheme): Record<string, string> {
  const primaryShade = getPrimaryShade(theme, 'light');
  const page = [WHITE, theme.colors.gray[0] ?? WHITE];
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    const shade = (index: number) => shades[index] ?? shades[shades.length - 1] ?? '#000000';
    // Mantine picks the text of a filled control from the primary shade's lightness (autoContrast).
    const whiteText = !(theme.autoContrast && isLightColor(shade(primaryShade), theme.luminanceThreshold));
    if (whiteText) {
      const index = [7, 8, 9].find((i) => i >= primaryShade && contrastRatio(WHITE, shade(i)) >= TEXT_CONTRAST);
      const filled = index === undefined ? readableOn(shade(9), [WHITE]) : shade(index);
      variables[`--mantine-color-${name}-filled`] = filled;
      variables[`--mantine-color-${name}-filled-hover`] =
        index !== undefined && index < 9 ? shade(index + 1) : hex(darken(filled, 0.1));
    }
    const text = readableOn(whiteText ? (variables[`--mantine-color-${name}-filled`] as string) : shade(9), page);
    variables[`--mantine-color-${name}-text`] = text;
    variables[`--mantine-color-${name}-outline`] = text;
    variables[`--mantine-color-${name}-light-color`] = readableOn(shade(9), [shade(1), shade(2)]);
  }
  // Links sit on the page, on hovered and selected table rows and inside light alerts: readable on every tint.
  // (The dark palette is the dark scheme's surfaces, not a tint.)
  const tints = Object.entries(theme.colors)
    .filter(([name]) => name !== 'dark')
    .map(([, shades]) => shades[1] ?? WHITE);
  variables['--mantine-color-anchor'] = readableOn(theme.colors[theme.primaryColor]?.[primaryShade] ?? '#000000', [
    ...page,
    theme.colors.gray[1] ?? WHITE,
    ...tints,
  ]);
  return variables;
}

/**
 * Mantine's dimmed text (gray-6) and error red (red-6) are about 3.5:1 on white; WCAG AA asks 4.5:1 for body text.
 * Errors take the red text colour above, readable on white and on the gray-0 page.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    ...accessibleColorVariables(theme),
    '--mantine-color-dimmed': '#5c636b',
    // Placeholders (gray-5, 2.1:1) are real text in a file input or a select's empty field: 4.7:1 on white, still
    // lighter than a value.
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-error': 'var(--mantine-color-red-text)',
  },
  dark: {},
});
