import { PASSWORD_MIN_LENGTH } from '@portico/contracts';

/** The password rule of SPEC §2.1 in the words every new-password field shows under its label. */
export const PASSWORD_HELP = `At least ${PASSWORD_MIN_LENGTH} characters, not a common password`;
