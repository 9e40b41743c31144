/**
 * A coloured Menu.Item (Sign out, Remove member) whose label reads at WCAG AA. Menu.Item paints a coloured item's
 * label with shade 6 whatever the theme says (red 6 is 3.3:1 on white), in an inline variable that its `style`
 * cannot override; the `c` style prop comes last and gives it the light variant's text instead (see app/theme.ts),
 * which reads at 4.5:1 on the menu and on the item's hover tint. The `color` still gives the hover tint.
 */
export const menuItemColor = (color: string) => ({ color, c: `var(--mantine-color-${color}-light-color)` });
