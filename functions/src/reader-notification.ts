/**
 * The e-mail a subscriber gets when a comment is published in a thread they follow: who wrote,
 * what (plain text; escaped in the HTML part), the link to the comment, and two ways out.
 */
import type {Comment} from '../../src/model/comment.js';
import {unsubscribeHeaders, type MailContent} from './mail-content.js';
import {bodyHtml, bodyText, escapeHtml, htmlDocument, linkHtml, oneLine} from './mail-text.js';

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
}

export function readerNotification(input: ReaderNotification): MailContent {
  const {comment, link, isReply, unsubscribeUrl, unsubscribeAllUrl} = input;
  const name = oneLine(comment.author.name, 60) || 'Someone';
  const title = oneLine(input.pageTitle, 100) || 'a page you follow';
  const subject = isReply ? `${name} replied to your comment on “${title}”` : `New comment by ${name} on “${title}”`;
  const lead = isReply ? `${name} replied to your comment on “${title}”:` : `${name} commented on “${title}”:`;
  const why = `You get this e-mail because you asked to be notified of new comments on “${title}”.`;
  const text = [
    lead,
    '',
    bodyText(comment.body),
    '',
    ...(link ? [`Read it on the page, and reply: ${link}`, ''] : []),
    '-- ',
    why,
    `Stop e-mails about this page: ${unsubscribeUrl}`,
    `Stop e-mails about every page of this site: ${unsubscribeAllUrl}`,
    '',
  ].join('\n');
  const html = htmlDocument(
    'en',
    [
      `<p>${escapeHtml(lead)}</p>`,
      `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${bodyHtml(comment.body)}</blockquote>`,
      ...(link ? [`<p>${linkHtml(link, 'Read it on the page, and reply')}</p>`] : []),
      `<hr><p style="font-size:small;color:#555">${escapeHtml(why)}<br>`,
      `${linkHtml(unsubscribeUrl, 'Stop e-mails about this page')} · `,
      `${linkHtml(unsubscribeAllUrl, 'Stop e-mails about every page of this site')}</p>`,
    ].join('\n'),
  );
  return {subject, text, html, headers: unsubscribeHeaders(unsubscribeUrl)};
}
