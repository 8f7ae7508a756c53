/**
 * The e-mail that asks a subscriber to confirm their address, sent once per subscription write
 * that needs it (request-confirmation.ts): what was asked, the link, and what happens if they do
 * nothing (nothing). It carries no unsubscribe link: nothing is sent unless they confirm.
 */
import type {MailContent} from './mail-content.js';
import {CONFIRM_DAYS, type MailStrings} from './mail-strings.js';
import {escapeHtml, htmlDocument, linkHtml, oneLine} from './mail-text.js';

export function confirmationMail(input: {pageTitle: string; confirmUrl: string; strings: MailStrings}): MailContent {
  const {confirmUrl, strings} = input;
  const say = strings.confirm;
  const title = oneLine(input.pageTitle, 100);
  const lead = say.lead(title);
  const validFor = say.validFor(CONFIRM_DAYS);
  const text = [lead, '', `${say.action}${strings.colon}${confirmUrl}`, '', validFor, '', '-- ', say.ignore, ''].join(
    '\n',
  );
  const html = htmlDocument(
    strings,
    [
      `<p>${escapeHtml(lead)}</p>`,
      `<p><strong>${linkHtml(confirmUrl, say.action)}</strong></p>`,
      `<p>${escapeHtml(validFor)}</p>`,
      `<hr><p style="font-size:small;color:#555">${escapeHtml(say.ignore)}</p>`,
    ].join('\n'),
  );
  return {subject: say.subject(title), text, html, headers: {'Auto-Submitted': 'auto-generated'}};
}
