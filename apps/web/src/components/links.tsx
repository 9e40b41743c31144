import { Anchor, type AnchorProps, Button, type ButtonProps, Menu, type MenuItemProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

/** Mantine look, router navigation: each wraps a Mantine component rendered as <a> for TanStack's createLink. */
type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

interface MantineAnchorProps extends AnchorProps, AnchorAttributes {
  ref?: Ref<HTMLAnchorElement>;
}
function MantineAnchor(props: MantineAnchorProps) {
  return <Anchor component="a" {...props} />;
}
const CreatedAnchorLink = createLink(MantineAnchor);
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

interface MantineButtonAnchorProps extends ButtonProps, AnchorAttributes {
  ref?: Ref<HTMLAnchorElement>;
}
function MantineButtonAnchor(props: MantineButtonAnchorProps) {
  return <Button component="a" {...props} />;
}
const CreatedButtonLink = createLink(MantineButtonAnchor);
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);

interface MantineMenuItemAnchorProps extends MenuItemProps, AnchorAttributes {
  ref?: Ref<HTMLAnchorElement>;
}
function MantineMenuItemAnchor(props: MantineMenuItemAnchorProps) {
  return <Menu.Item component="a" {...props} />;
}
const CreatedMenuItemLink = createLink(MantineMenuItemAnchor);
export const MenuItemLink: LinkComponent<typeof MantineMenuItemAnchor> = (props) => (
  <CreatedMenuItemLink preload="intent" {...props} />
);
