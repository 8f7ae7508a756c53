/**
 * The trigger on every write of threads/{threadId}/comments/{commentId}: e-mails the thread's
 * subscribers when a comment becomes published, and the site owner when one is held for review
 * (or, if asked, posted). Each e-mail is claimed in mailLog before it leaves (mail-log.ts), so a
 * retried event sends nothing twice; a failed SMTP send makes the run throw, so the platform
 * retries it (the trigger is deployed with retry), until it succeeds or is recorded as failed.
 */
import {logger} from 'firebase-functions';
import type {Change, FirestoreEvent} from 'firebase-functions/v2/firestore';
import type {DocumentSnapshot, Firestore} from 'firebase-admin/firestore';
import type {Comment} from '../../src/model/comment.js';
import {commentFromData, textOf} from '../../src/model/stored-comment.js';
import {commentChange, statusOf} from './comment-change.js';
import {database} from './database.js';
import {failureText, isPermanent, mailDocument, sendBySmtp} from './delivery.js';
import {claim, logRef, recordFailure, recordSent, type MailJob} from './mail-log.js';
import {ownerAlert} from './owner-alert.js';
import {commentLink, trustedPageUrl} from './page-link.js';
import {readerNotification} from './reader-notification.js';
import {addressesOf, ownerRecipients, subscriberRecipients} from './recipients.js';
import {SMTP_URL, UNSUBSCRIBE_SECRET, readSettings, type Settings} from './settings.js';
import {signUnsubscribe, unsubscribeUrl} from './unsubscribe-token.js';

export type CommentWriteEvent = FirestoreEvent<
  Change<DocumentSnapshot> | undefined,
  {threadId: string; commentId: string}
>;

/** Thrown when some e-mail must be tried again: the platform then retries the whole event. */
export class RetryLater extends Error {
  override name = 'RetryLater';
}

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
  const authorAddresses = await addressesOf(db, threadId, comment.author.uid);
  const jobs: MailJob[] = [];

  if (change.alertOwner) {
    for (const to of await ownerRecipients(db, settings.ownerEmails, authorAddresses)) {
      const stopUrl = unsubscribeUrl(settings.unsubscribeUrl, signUnsubscribe({scope: 'alerts', email: to}, secret));
      const content = ownerAlert({
        comment,
        held: change.alertOwner === 'held',
        pageTitle: page.title,
        pageUrl: page.url,
        link,
        moderationUrl: settings.moderationUrl,
        stopUrl,
      });
      jobs.push({kind: change.alertOwner, threadId, commentId, to, content});
    }
  }
  if (change.notifySubscribers) {
    for (const {email, isReply} of await subscriberRecipients(db, threadId, comment, authorAddresses)) {
      const content = readerNotification({
        comment,
        pageTitle: page.title,
        link,
        isReply,
        unsubscribeUrl: unsubscribeUrl(
          settings.unsubscribeUrl,
          signUnsubscribe({scope: 'thread', threadId, email}, secret),
        ),
        unsubscribeAllUrl: unsubscribeUrl(settings.unsubscribeUrl, signUnsubscribe({scope: 'all', email}, secret)),
      });
      jobs.push({kind: isReply ? 'reply' : 'comment', threadId, commentId, to: email, content});
    }
  }
  await deliver(db, settings, event.id, jobs, comment);
}

/** Sends or queues each e-mail that is due; throws RetryLater when some must be tried again. */
async function deliver(db: Firestore, settings: Settings, eventId: string, jobs: MailJob[], comment: Comment) {
  const pending: string[] = [];
  for (const job of jobs) {
    const mail = {to: job.to, ...job.content};
    const enqueue =
      settings.delivery === 'extension'
        ? {ref: db.collection(settings.mailCollection).doc(logRef(db, job).id), data: mailDocument(mail, settings.from)}
        : undefined;
    const outcome = await claim(db, job, eventId, settings, enqueue);
    const log = logRef(db, job).id;
    if (outcome.action === 'held') logger.warn('e-mail held back by a limit', {log, reason: outcome.reason});
    if (outcome.action === 'busy') pending.push(`${log}: another run is sending it`);
    if (outcome.action !== 'send') continue;
    try {
      const messageId = await sendBySmtp(mail, {url: SMTP_URL.value(), from: settings.from});
      await recordSent(db, job, messageId);
    } catch (error) {
      const text = failureText(error);
      const state = await recordFailure(db, job, outcome.attempt, text, {
        permanent: isPermanent(error),
        maxAttempts: settings.maxAttempts,
      });
      logger.error(`e-mail ${state === 'failed' ? 'failed for good' : 'failed; retrying'}`, {
        log,
        attempt: outcome.attempt,
        error: text,
      });
      if (state === 'retry') pending.push(`${log}: ${text}`);
    }
  }
  if (pending.length)
    throw new RetryLater(
      `${pending.length} e-mail(s) about comment ${comment.id} not delivered yet (mailLog): ${pending.join('; ')}`,
    );
}
