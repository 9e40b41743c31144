import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { PASSWORD_HELP } from '../lib/password';

/** A password being chosen: the rule shows under the label, and the browser may offer to generate one. */
export function NewPasswordInput(props: PasswordInputProps) {
  return <PasswordInput description={PASSWORD_HELP} autoComplete="new-password" required {...props} />;
}
