import { type CSSVariablesResolver, createTheme } from '@mantine/core';

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
  },
});

/**
 * Mantine's dimmed text (gray-6) and error red (red-6) are about 3.5:1 on white; WCAG AA asks 4.5:1 for body text.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636b',
    '--mantine-color-error': theme.colors.red[8] ?? '#e03131',
  },
  dark: {},
});
