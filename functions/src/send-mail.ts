/**
 * Sends a run's e-mails: each is claimed in mailLog first (mail-log.ts), so a retried event sends
 * nothing twice; then sent by SMTP, or queued for the Trigger Email extension in the same
 * transaction as its claim. A failed SMTP send makes the run throw RetryLater, so the platform
 * retries the event (the triggers are deployed with retry), until it succeeds or is recorded as
 * failed.
 */
import {logger} from 'firebase-functions';
import type {Firestore} from 'firebase-admin/firestore';
import {failureText, isPermanent, mailDocument, sendBySmtp} from './delivery.js';
import {claim, logRef, recordFailure, recordSent, type MailJob} from './mail-log.js';
import {SMTP_URL, type Settings} from './settings.js';

/** Thrown when some e-mail must be tried again: the platform then retries the whole event. */
export class RetryLater extends Error {
  override name = 'RetryLater';
}

/** Sends or queues each e-mail that is due; throws RetryLater when some must be tried again. */
export async function deliver(
  db: Firestore,
  settings: Settings,
  eventId: string,
  jobs: MailJob[],
  /** What the e-mails are about, for the error: "comment c1". */
  about: string,
): Promise<void> {
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
      `${pending.length} e-mail(s) about ${about} not delivered yet (mailLog): ${pending.join('; ')}`,
    );
}
