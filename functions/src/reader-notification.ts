/**
 * The e-mail a subscriber gets when a comment is published in a thread they follow: who wrote,
 * what (plain text; escaped in the HTML part), the link to the comment, and two ways out; in the
 * language of their subscription.
 */
import type {Comment} from '../../src/model/comment.js';
import {unsubscribeHeaders, type MailContent} from './mail-content.js';
import type {MailStrings} from './mail-strings.js';
import {bodyText, escapeHtml, htmlDocument, linkHtml, oneLine, quotationHtml} from './mail-text.js';

export interface ReaderNotification {
  comment: Comment;
  pageTitle: string;
  /** The comment on its page; absent when the thread's page could not be trusted (page-link.ts). */
  link?: string;
  /** The comment answers one of this subscriber's own. */
  isReply: boolean;
  /** Stops this thread's e-mails to this address. */
  unsubscribeUrl: string;
  /** Stops every thread's e-mails to this address. */
  unsubscribeAllUrl: string;
  strings: MailStrings;
}

export function readerNotification(input: ReaderNotification): MailContent {
  const {comment, link, isReply, unsubscribeUrl, unsubscribeAllUrl, strings} = input;
  const say = strings.reader;
  const name = oneLine(comment.author.name, 60);
  const title = oneLine(input.pageTitle, 100);
  const lead = say.lead(name, title, isReply);
  const why = say.why(title);
  const text = [
    lead,
    '',
    bodyText(comment.body),
    '',
    ...(link ? [`${say.readOnPage}${strings.colon}${link}`, ''] : []),
    '-- ',
    why,
    `${say.stopThread}${strings.colon}${unsubscribeUrl}`,
    `${say.stopAll}${strings.colon}${unsubscribeAllUrl}`,
    '',
  ].join('\n');
  const html = htmlDocument(
    strings,
    [
      `<p>${escapeHtml(lead)}</p>`,
      quotationHtml(strings.dir, comment.body),
      ...(link ? [`<p>${linkHtml(link, say.readOnPage)}</p>`] : []),
      `<hr><p style="font-size:small;color:#555">${escapeHtml(why)}<br>`,
      `${linkHtml(unsubscribeUrl, say.stopThread)} · `,
      `${linkHtml(unsubscribeAllUrl, say.stopAll)}</p>`,
    ].join('\n'),
  );
  return {subject: say.subject(name, title, isReply), text, html, headers: unsubscribeHeaders(unsubscribeUrl)};
}
