/**
 * How an e-mail leaves: by SMTP (nodemailer, LAR_SMTP_URL), or as a document in the collection the
 * official Trigger Email extension (firestore-send-email) watches: `to`, `from`, `headers` at the
 * top, and `message` {subject, text, html}. The extension records its delivery in that document
 * (`delivery.state`: PENDING, PROCESSING, SUCCESS or ERROR). One recipient per e-mail, always: no
 * reader sees another's address.
 */
import nodemailer from 'nodemailer';
import type {MailContent} from './mail-content.js';

export interface Outgoing extends MailContent {
  to: string;
}

/** A mistake in the configuration: no retry can mend it. */
export class MailConfigError extends Error {
  override name = 'MailConfigError';
}

/** The Trigger Email extension's document for one e-mail. */
export function mailDocument(mail: Outgoing, from: string): Record<string, unknown> {
  return {
    to: mail.to,
    ...(from ? {from} : {}),
    headers: mail.headers,
    message: {subject: mail.subject, text: mail.text, html: mail.html},
  };
}

const transports = new Map<string, nodemailer.Transporter>();

function transport(url: string): nodemailer.Transporter {
  let known = transports.get(url);
  if (!known) {
    for (const old of transports.values()) old.close();
    transports.clear();
    known = nodemailer.createTransport(url);
    transports.set(url, known);
  }
  return known;
}

/** Sends one e-mail by SMTP; resolves with its Message-ID once the server has accepted it. */
export async function sendBySmtp(
  mail: Outgoing,
  {url, from}: {url: string; from: string},
): Promise<string | undefined> {
  if (!/^smtps?:\/\//i.test(url)) throw new MailConfigError('LAR_SMTP_URL is not an smtp:// or smtps:// URL.');
  if (!from) throw new MailConfigError('LAR_MAIL_FROM is not set: SMTP delivery needs a sender address.');
  const info = await transport(url).sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
  });
  if (info.rejected?.length) throw Object.assign(new Error(`rejected: ${info.response}`), {responseCode: 550});
  return info.messageId;
}

/**
 * Whether trying again cannot help: a configuration mistake, or the server's permanent refusal
 * (5xx: no such mailbox, policy). Network trouble and 4xx replies may pass.
 */
export function isPermanent(error: unknown): boolean {
  if (error instanceof MailConfigError) return true;
  const code = (error as {responseCode?: unknown})?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** What the log says of a failure: the SMTP reply or the error, never the URL's password. */
export function failureText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/(smtps?:\/\/[^:@/\s]*:)[^@\s]*@/gi, '$1***@');
}
