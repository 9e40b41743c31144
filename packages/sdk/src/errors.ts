/** Every error the SDK throws; `code` says what happened without parsing the message. */
export class PorticoLicenseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PorticoLicenseError';
  }
}

/** The browser sign-in did not end with a token: the user denied it, or the code expired before approval. */
export class SignInError extends PorticoLicenseError {
  constructor(
    override readonly code: 'access_denied' | 'expired_token' | 'invalid_grant' | 'invalid_client' | 'aborted',
    message: string,
  ) {
    super(code, message);
    this.name = 'SignInError';
  }
}

/** The server could not be reached (network error, timeout, 5xx): the caller may try again later. */
export class UnreachableError extends PorticoLicenseError {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super('UNREACHABLE', message);
    this.name = 'UnreachableError';
  }
}

/** The server refused the request itself (4xx): bad input, not signed in, unknown activation. */
export class RequestError extends PorticoLicenseError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
  ) {
    super(code, message);
    this.name = 'RequestError';
  }
}

/** A licensing call that needs a sign-in was made without a token. */
export class NotSignedInError extends PorticoLicenseError {
  constructor() {
    super('NOT_SIGNED_IN', 'Not signed in: sign in through the browser first (startSignIn / portico-license login)');
    this.name = 'NotSignedInError';
  }
}
