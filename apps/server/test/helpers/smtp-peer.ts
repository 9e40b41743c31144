import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One MIME part, decoded (quoted-printable and base64 undone), so tests read links as a mail client shows them. */
export interface MimePart {
  contentType: string;
  body: string;
}

export interface ReceivedMessage {
  /** Envelope recipients (RCPT TO), which is where the message really goes, whatever the To header says. */
  to: string[];
  from: string;
  messageId: string;
  subject: string;
  raw: string;
  headers: Record<string, string>;
  parts: MimePart[];
}

/** What the peer answers to DATA: accept, or refuse temporarily (451) or for good (550). */
export type DataAnswer = 'accept' | 451 | 550;

export interface SmtpPeerOptions {
  /** A fixed port, so the peer can be down first and come up later where the server already points. */
  port?: number;
  answer?: DataAnswer;
}

/**
 * A real SMTP server for tests (ARCHITECTURE: `smtp-server` as a real SMTP peer). It keeps every accepted message
 * across restarts, and can be stopped and started again on the same port to play an SMTP server that is down.
 */
export class SmtpPeer {
  readonly messages: ReceivedMessage[] = [];
  /** Messages whose DATA was refused, kept apart so tests can tell "tried and refused" from "never tried". */
  readonly refused: ReceivedMessage[] = [];
  answer: DataAnswer;
  private server: SMTPServer | null = null;
  private requestedPort: number;

  constructor(options: SmtpPeerOptions = {}) {
    this.requestedPort = options.port ?? 0;
    this.answer = options.answer ?? 'accept';
  }

  get port(): number {
    if (this.requestedPort === 0) throw new Error('the SMTP peer has no port until it has started once');
    return this.requestedPort;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      disableReverseLookup: true,
      // Pooled client connections stay open; on stop they are cut after this long instead of 30 s.
      closeTimeout: 50,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const message = parseMessage(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
            session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          );
          if (this.answer === 'accept') {
            this.messages.push(message);
            callback(null, 'Queued');
            return;
          }
          this.refused.push(message);
          const error = new Error(
            this.answer === 451 ? 'Mailbox busy, try again later' : 'Mailbox unavailable',
          ) as Error & { responseCode: number };
          error.responseCode = this.answer;
          callback(error);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.requestedPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    // Connection-level errors (a client hanging up) are normal for a test peer.
    server.on('error', () => {});
    const address = server.server.address();
    if (address && typeof address === 'object') this.requestedPort = address.port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMessage[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  /** Waits, bounded, until the peer holds at least `count` accepted messages. */
  async waitForMessages(count: number, timeoutMs = 10_000): Promise<ReceivedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > deadline)
        throw new Error(
          `the SMTP peer holds ${this.messages.length} messages after ${timeoutMs} ms, expected ${count}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.messages;
  }
}

/** A port nothing listens on right now (the OS picks it; it is released before returning). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Headers of one message or part: unfolded, names lower-cased; a repeated header keeps its first value. */
export function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= line.slice(colon + 1).trim();
  }
  return headers;
}

function splitHeadersAndBody(source: string): { headers: Record<string, string>; body: string } {
  const normalized = source.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  if (end < 0) return { headers: parseHeaders(normalized), body: '' };
  return { headers: parseHeaders(normalized.slice(0, end)), body: normalized.slice(end + 2) };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'quoted-printable': {
      // Soft line breaks go; each =XX is one byte (a multibyte character arrives as several), the rest is ASCII.
      const text = body.replace(/=\n/g, '');
      const bytes: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
        if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
          bytes.push(Number.parseInt(hex, 16));
          i += 2;
        } else bytes.push(text.charCodeAt(i));
      }
      return Buffer.from(bytes).toString('utf8');
    }
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** Leaf parts of a (possibly nested) multipart body, each decoded. */
function parseParts(headers: Record<string, string>, body: string): MimePart[] {
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!contentType.toLowerCase().startsWith('multipart/') || !boundary) {
    return [
      {
        contentType: contentType.split(';')[0]?.trim().toLowerCase() ?? '',
        body: decodeBody(body, headers['content-transfer-encoding']),
      },
    ];
  }
  const sections = body.split(`--${boundary}`).slice(1);
  return sections
    .filter((section) => !section.startsWith('--'))
    .flatMap((section) => {
      const part = splitHeadersAndBody(section.replace(/^\n/, ''));
      return parseParts(part.headers, part.body.replace(/\n$/, ''));
    });
}

function parseMessage(raw: string, to: string[], from: string): ReceivedMessage {
  const { headers, body } = splitHeadersAndBody(raw);
  return {
    to,
    from,
    messageId: headers['message-id'] ?? '',
    subject: headers.subject ?? '',
    raw,
    headers,
    parts: parseParts(headers, body),
  };
}

export function textPart(message: ReceivedMessage): string {
  return message.parts.find((p) => p.contentType === 'text/plain')?.body ?? '';
}

export function htmlPart(message: ReceivedMessage): string {
  return message.parts.find((p) => p.contentType === 'text/html')?.body ?? '';
}

export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"']+/g) ?? [])];
}
