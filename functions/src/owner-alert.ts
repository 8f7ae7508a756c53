/**
 * The e-mail the site owner gets about a comment: held for review (with the way to the
 * moderation page), or, if they asked for every comment, newly published; in the owner's
 * language (LAR_OWNER_LANGUAGE).
 */
import type {Comment} from '../../src/model/comment.js';
import {unsubscribeHeaders, type MailContent} from './mail-content.js';
import type {MailStrings} from './mail-strings.js';
import {bodyText, escapeHtml, htmlDocument, linkHtml, oneLine, quotationHtml} from './mail-text.js';

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
  strings: MailStrings;
}

export function ownerAlert(input: OwnerAlert): MailContent {
  const {comment, held, link, moderationUrl, stopUrl, strings} = input;
  const say = strings.owner;
  const {author} = comment;
  const name = oneLine(author.name, 60);
  const title = oneLine(input.pageTitle, 100) || oneLine(input.pageUrl, 100);
  const who = say.author(name, author.provider, author.url ? oneLine(author.url, 300) : '');
  const lead = say.lead(who, title, held);
  const actions: [string, string][] = [];
  if (moderationUrl) actions.push([held ? say.reviewIt : say.moderationPage, moderationUrl]);
  if (link) actions.push([held && !moderationUrl ? say.reviewOnPage : say.commentOnPage, link]);
  const unverified = !link && input.pageUrl ? say.unverified(oneLine(input.pageUrl, 300)) : '';
  const text = [
    lead,
    '',
    bodyText(comment.body),
    '',
    ...actions.map(([label, url]) => `${label}${strings.colon}${url}`),
    ...(unverified ? [unverified] : []),
    '',
    '-- ',
    say.why,
    `${say.stop}${strings.colon}${stopUrl}`,
    '',
  ].join('\n');
  const html = htmlDocument(
    strings,
    [
      `<p>${escapeHtml(lead)}</p>`,
      quotationHtml(strings.dir, comment.body),
      ...actions.map(([label, url]) => `<p>${linkHtml(url, label)}</p>`),
      ...(unverified ? [`<p>${escapeHtml(unverified)}</p>`] : []),
      `<hr><p style="font-size:small;color:#555">${escapeHtml(say.why)}<br>`,
      `${linkHtml(stopUrl, say.stop)}</p>`,
    ].join('\n'),
  );
  return {subject: say.subject(name, title, held), text, html, headers: unsubscribeHeaders(stopUrl)};
}
