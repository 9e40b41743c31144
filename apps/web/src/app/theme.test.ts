import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { menuItemColor } from '../components/menu-item-color';
import { accessibleColorVariables, contrastRatio, cssVariablesResolver, readableOn, theme } from './theme';

const full = mergeMantineTheme(DEFAULT_THEME, theme);
const variables = accessibleColorVariables(full);
const value = (name: string) => variables[name] as string;
const page = ['#ffffff', full.colors.gray[0] as string];

describe('contrastRatio', () => {
  it('follows the WCAG formula', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
  });
});

describe('readableOn', () => {
  it('keeps a colour that reads already and darkens one that does not', () => {
    expect(readableOn('#000000', ['#ffffff'])).toBe('#000000');
    const darkened = readableOn('#12b886', ['#ffffff']);
    expect(darkened).not.toBe('#12b886');
    expect(contrastRatio(darkened, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the light colour variables', () => {
  // Every colour of the palette, so a `color` prop anywhere gets readable text.
  const colors = Object.keys(full.colors);

  it.each(colors)('%s: light-variant text reads at 4.5:1 on its tint and on the hover tint', (color) => {
    const text = value(`--mantine-color-${color}-light-color`);
    for (const shade of [1, 2]) expect(contrastRatio(text, full.colors[color]?.[shade] as string)).toBeGreaterThan(4.5);
  });

  it.each(colors)('%s: coloured text and outlines read at 4.5:1 on white and on the gray-0 page', (color) => {
    for (const background of page) {
      expect(contrastRatio(value(`--mantine-color-${color}-text`), background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(value(`--mantine-color-${color}-outline`), background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('filled controls with white text read at 4.5:1, resting and hovered', () => {
    for (const color of ['red', 'blue', 'teal', 'indigo', 'grape', 'gray', 'orange', 'cyan'])
      for (const state of ['filled', 'filled-hover'])
        expect(
          contrastRatio('#ffffff', value(`--mantine-color-${color}-${state}`)),
          `${color} ${state}`,
        ).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the primary colour and the palette shades where they already pass', () => {
    expect(value('--mantine-color-indigo-filled')).toBe(full.colors.indigo[7]);
    expect(value('--mantine-color-red-filled')).toBe(full.colors.red[8]);
    expect(value('--mantine-color-red-filled-hover')).toBe(full.colors.red[9]);
    expect(value('--mantine-color-blue-filled')).toBe(full.colors.blue[8]);
    // Yellow carries black text (autoContrast): its filled shade stays.
    expect(variables['--mantine-color-yellow-filled']).toBeUndefined();
  });

  it('links read on the page, on hovered rows and on every light tint', () => {
    const anchor = value('--mantine-color-anchor');
    const tints = Object.entries(full.colors)
      .filter(([name]) => name !== 'dark')
      .map(([, shades]) => shades[1] as string);
    for (const background of [...page, full.colors.gray[1] as string, ...tints])
      expect(contrastRatio(anchor, background), background).toBeGreaterThanOrEqual(4.5);
  });

  it('are what the resolver hands Mantine for the light scheme', () => {
    const resolved = cssVariablesResolver(full);
    expect(resolved.light).toMatchObject(variables);
    expect(resolved.light['--mantine-color-error']).toBe('var(--mantine-color-red-text)');
  });

  it('makes dimmed text and placeholders read at 4.5:1 on white', () => {
    const resolved: Record<string, string> = cssVariablesResolver(full).light;
    for (const name of ['--mantine-color-dimmed', '--mantine-color-placeholder'])
      expect(contrastRatio(resolved[name] as string, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
  });
});

describe('menuItemColor', () => {
  it('colours a menu item with the light variant text of its colour', () => {
    expect(menuItemColor('red')).toEqual({ color: 'red', c: 'var(--mantine-color-red-light-color)' });
  });
});
