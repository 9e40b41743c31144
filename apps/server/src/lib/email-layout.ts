/**
 * The one layout of every email (SPEC §2.7): a plain-text and an HTML part. Values are escaped for HTML; links are
 * absolute, built from PUBLIC_URL by the caller. Each module writes its own messages with it.
 */
export interface RenderedEmail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Layout {
  kind: string;
  to: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}

/** One layout for every message, so all emails look alike and carry exactly one link. */
export function renderLayout(layout: Layout): RenderedEmail {
  const text = [
    layout.greeting,
    '',
    ...layout.paragraphs.flatMap((p) => [p, '']),
    `${layout.action.label}: ${layout.action.url}`,
    '',
    layout.footer,
  ].join('\n');
  // A paragraph's line breaks (an administrator's message) survive in HTML: escaped first, then <br>.
  const paragraphs = layout.paragraphs
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<tr><td><p style="margin:0 0 16px;font-size:18px;font-weight:bold">Portico</p>
<p style="margin:0 0 16px">${escapeHtml(layout.greeting)}</p>${paragraphs}
<p style="margin:24px 0"><a href="${escapeHtml(layout.action.url)}" style="background:#1c7ed6;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(layout.action.label)}</a></p>
<p style="margin:0 0 8px;font-size:12px;color:#52606d;word-break:break-all;overflow-wrap:anywhere">If the button does not work, copy this address into your browser: ${escapeHtml(layout.action.url)}</p>
<p style="margin:16px 0 0;font-size:12px;color:#52606d">${escapeHtml(layout.footer)}</p></td></tr></table></body></html>`;
  return { kind: layout.kind, to: layout.to, subject: layout.subject, text, html };
}
