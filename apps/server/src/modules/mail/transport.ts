import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where the worker hands messages: real SMTP, or the dev mailbox (which keeps them in the outbox table). */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** An SMTP refusal that will not get better by retrying (5xx), as opposed to a temporary one (4xx, no connection). */
export class PermanentMailError extends Error {}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    // The worker sends 16 messages at once (a wave, mail.worker.ts): two on each connection.
    maxConnections: 8,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: 'smtp',
    async send(message) {
      try {
        await transporter.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          // A stable Message-ID lets receivers recognise the same outbox row if it is ever handed over twice.
          messageId: `<${message.id}@portico>`,
        });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code && code >= 500 && code < 600) throw new PermanentMailError((error as Error).message);
        throw error;
      }
    },
    close: () => transporter.close(),
  };
}

/** The dev mailbox: delivery is a no-op because the outbox row itself is what /dev/mailbox shows. */
export function mailboxTransport(log: (line: string) => void): MailTransport {
  return {
    kind: 'mailbox',
    async send(message) {
      const links = extractLinks(message.text);
      log(`dev mailbox: "${message.subject}" to ${message.to}${links.length ? ` — ${links.join(' ')}` : ''}`);
    },
    close: () => {},
  };
}

export function extractLinks(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"']+/g) ?? [])];
}
