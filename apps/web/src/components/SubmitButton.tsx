import { Button, type ButtonProps } from '@mantine/core';
import { formatWaitShort } from '../lib/form-errors';

interface SubmitButtonProps extends ButtonProps {
  pending: boolean;
  /** Seconds the server asked us to wait (429 Retry-After); the button says so instead of failing again. */
  cooldown?: number;
  children: React.ReactNode;
}

export function SubmitButton({ pending, cooldown = 0, disabled, children, ...props }: SubmitButtonProps) {
  return (
    <Button type="submit" loading={pending} disabled={disabled || cooldown > 0} {...props}>
      {cooldown > 0 ? `Try again in ${formatWaitShort(cooldown)}` : children}
    </Button>
  );
}
