/** Who did it and from where: taken from the request (or the CLI) and carried into every audit event. */
export interface Actor {
  userId: string | null;
  ip: string | null;
}

/** The instance itself: the CLI and the workers act as nobody in particular. */
export const SYSTEM_ACTOR: Actor = { userId: null, ip: null };

/** What a request tells a service besides who asks: the client's address and the headers Better Auth reads. */
export interface RequestInfo {
  actor: Actor;
  ip: string;
  userAgent: string | null;
  cookie: string | null;
}
