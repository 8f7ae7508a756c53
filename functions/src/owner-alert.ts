/**
 * The e-mail the site owner gets about a comment: held for review (with the way to the
 * moderation page), or, if they asked for every comment, newly published.
 */
import type {Comment} from '../../src/model/comment.js';
import {unsubscribeHeaders, type MailContent} from './mail-content.js';
import {bodyHtml, bodyText, escapeHtml, htmlDocument, linkHtml, oneLine} from './mail-text.js';

export interface OwnerAlert {
  comment: Comment;
  held: boolean;
  pageTitle: string;
  /** The thread's page as stored (shown as text, not as a link, when it is not trusted). */
  pageUrl: string;
  /** The comment on its page, when the page is trusted (page-link.ts). */
  link?: string;
  /** LAR_MODERATION_URL, if set. */
  moderationUrl: string;
  /** Stops these alerts to this address. */
  stopUrl: string;
}

const who = (comment: Comment) => {
  const {author} = comment;
  const how = author.provider === 'guest' ? 'as a guest' : `with a ${author.provider} account`;
  const site = author.url ? `, website ${oneLine(author.url, 300)}` : '';
  return `${oneLine(author.name, 60) || '(no name)'} (signed in ${how}${site})`;
};

export function ownerAlert(input: OwnerAlert): MailContent {
  const {comment, held, link, moderationUrl, stopUrl} = input;
  const name = oneLine(comment.author.name, 60) || 'Someone';
  const title = oneLine(input.pageTitle, 100) || oneLine(input.pageUrl, 100) || 'an untitled page';
  const subject = held ? `Comment awaiting moderation: ${name} on “${title}”` : `New comment: ${name} on “${title}”`;
  const lead = held
    ? `A comment by ${who(comment)} on “${title}” waits for your review:`
    : `${who(comment)} commented on “${title}”:`;
  const actions: [string, string][] = [];
  if (moderationUrl) actions.push([held ? 'Review it' : 'Moderation page', moderationUrl]);
  if (link)
    actions.push([
      held && !moderationUrl ? 'Review it on its page (signed in as a moderator)' : 'The comment on its page',
      link,
    ]);
  const unverified =
    !link && input.pageUrl ? `The thread names its page as ${oneLine(input.pageUrl, 300)} (not verified).` : '';
  const why = 'You get this e-mail because this address is set as the site owner’s (LAR_OWNER_EMAILS).';
  const text = [
    lead,
    '',
    bodyText(comment.body),
    '',
    ...actions.map(([label, url]) => `${label}: ${url}`),
    ...(unverified ? [unverified] : []),
    '',
    '-- ',
    why,
    `Stop these alerts to this address: ${stopUrl}`,
    '',
  ].join('\n');
  const html = htmlDocument(
    'en',
    [
      `<p>${escapeHtml(lead)}</p>`,
      `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${bodyHtml(comment.body)}</blockquote>`,
      ...actions.map(([label, url]) => `<p>${linkHtml(url, label)}</p>`),
      ...(unverified ? [`<p>${escapeHtml(unverified)}</p>`] : []),
      `<hr><p style="font-size:small;color:#555">${escapeHtml(why)}<br>`,
      `${linkHtml(stopUrl, 'Stop these alerts to this address')}</p>`,
    ].join('\n'),
  );
  return {subject, text, html, headers: unsubscribeHeaders(stopUrl)};
}
