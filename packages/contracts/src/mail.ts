import { z } from 'zod';

/** A message as the dev mailbox shows it (development only, when SMTP_URL is unset). */
export const MailboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  links: z.array(z.string()),
  createdAt: z.string(),
});
export const Mailbox = z.object({ messages: z.array(MailboxMessage) });
export type MailboxMessage = z.infer<typeof MailboxMessage>;
