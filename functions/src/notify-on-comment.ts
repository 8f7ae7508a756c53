/**
 * The trigger on every write of threads/{threadId}/comments/{commentId}: e-mails the thread's
 * subscribers whose address is confirmed when a comment becomes published, each in their
 * subscription's language, and the site owner when one is held for review (or, if asked, posted),
 * in the owner's language. send-mail.ts sends them: nothing twice, nothing lost silently.
 */
import {logger} from 'firebase-functions';
import type {Change, FirestoreEvent} from 'firebase-functions/v2/firestore';
import type {DocumentSnapshot} from 'firebase-admin/firestore';
import {commentFromData, textOf} from '../../src/model/stored-comment.js';
import {commentChange, statusOf} from './comment-change.js';
import {database} from './database.js';
import type {MailJob} from './mail-log.js';
import {mailStrings} from './mail-strings.js';
import {ownerAlert} from './owner-alert.js';
import {commentLink, trustedPageUrl} from './page-link.js';
import {readerNotification} from './reader-notification.js';
import {ownerRecipients, subscriberRecipients} from './recipients.js';
import {deliver} from './send-mail.js';
import {UNSUBSCRIBE_SECRET, readSettings} from './settings.js';
import {linkWithToken} from './signed-token.js';
import {signUnsubscribe, type UnsubscribeScope} from './unsubscribe-token.js';

export type CommentWriteEvent = FirestoreEvent<
  Change<DocumentSnapshot> | undefined,
  {threadId: string; commentId: string}
>;

export async function notifyOnCommentWrite(event: CommentWriteEvent): Promise<void> {
  const {threadId, commentId} = event.params;
  const before = event.data?.before;
  const after = event.data?.after;
  if (!after?.exists) return;
  const settings = readSettings();
  const change = commentChange(before?.exists ? before.data() : undefined, after.data(), settings.alertEveryComment);
  if (!change.notifySubscribers && !change.alertOwner) return;

  const db = database(settings.database);
  // The comment as it is now: a run retried later must not mail a comment hidden since.
  const current = await db.doc(`threads/${threadId}/comments/${commentId}`).get();
  if (statusOf(current.data()) !== statusOf(after.data())) {
    logger.info('comment changed since the event; nothing to send', {threadId, commentId});
    return;
  }
  const comment = commentFromData(commentId, current.data() ?? {});
  const thread = await db.doc(`threads/${threadId}`).get();
  const page = {title: textOf(thread.get('title')), url: textOf(thread.get('url'))};
  const trusted = await trustedPageUrl(threadId, page.url, settings.siteOrigins);
  const link = trusted && commentLink(trusted, commentId);
  const secret = UNSUBSCRIBE_SECRET.value();
  const jobs: MailJob[] = [];

  if (change.alertOwner) {
    const strings = mailStrings(settings.ownerLanguage);
    for (const to of await ownerRecipients(db, settings.ownerEmails, comment.author.uid)) {
      const stopUrl = linkWithToken(
        settings.unsubscribeUrl,
        signUnsubscribe({scope: 'alerts', email: to}, secret),
        strings.lang,
      );
      const content = ownerAlert({
        comment,
        held: change.alertOwner === 'held',
        pageTitle: page.title,
        pageUrl: page.url,
        link,
        moderationUrl: settings.moderationUrl,
        stopUrl,
        strings,
      });
      jobs.push({kind: change.alertOwner, threadId, commentId, to, content});
    }
  }
  if (change.notifySubscribers) {
    for (const {email, isReply, lang} of await subscriberRecipients(db, threadId, comment)) {
      const stop = (what: UnsubscribeScope) =>
        linkWithToken(settings.unsubscribeUrl, signUnsubscribe(what, secret), lang);
      const content = readerNotification({
        comment,
        pageTitle: page.title,
        link,
        isReply,
        unsubscribeUrl: stop({scope: 'thread', threadId, email}),
        unsubscribeAllUrl: stop({scope: 'all', email}),
        strings: mailStrings(lang),
      });
      jobs.push({kind: isReply ? 'reply' : 'comment', threadId, commentId, to: email, content});
    }
  }
  await deliver(db, settings, event.id, jobs, `comment ${commentId}`);
}
