import type { Deps } from '../../deps.js';
import { toIsoString } from '../../lib/time.js';
import { listDelivered } from './outbox.repository.js';
import { extractLinks } from './transport.js';

/** The dev mailbox's messages, newest first, each with the links it carries (SPEC §2.7). */
export async function devMailbox(deps: Deps<'db'>) {
  const rows = await listDelivered(deps.db, 200);
  return {
    messages: rows.map((row) => ({
      id: row.id,
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      links: extractLinks(row.text_body),
      createdAt: toIsoString(row.created_at),
    })),
  };
}
