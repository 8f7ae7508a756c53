/** What every e-mail of these functions carries: its text, in two forms, and its headers. */
export interface MailContent {
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part: every string from a reader escaped. */
  html: string;
  headers: Record<string, string>;
}

/**
 * RFC 8058 one-click unsubscribe (mail programs show an Unsubscribe button and POST to the link),
 * and RFC 3834's mark of an automatic message (no out-of-office replies to it).
 */
export const unsubscribeHeaders = (url: string): Record<string, string> => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  'Auto-Submitted': 'auto-generated',
});
