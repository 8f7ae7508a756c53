/**
 * Leave a Reply's Cloud Functions (functions/README.md), deployed with
 * `firebase deploy --only functions`:
 *   notifyOnComment      on every write of threads/{threadId}/comments/{commentId}: e-mails to the
 *                        thread's confirmed subscribers and alerts to the site owner
 *                        (notify-on-comment.ts);
 *   requestConfirmation  on every write of subscriptions/{threadId}/subscribers/{uid}: asks a new
 *                        address to confirm itself (request-confirmation.ts);
 *   confirm              HTTPS: the confirmation e-mail's signed link (confirm.ts);
 *   unsubscribe          HTTPS: every e-mail's signed unsubscribe links (unsubscribe.ts).
 */
import {onDocumentWritten} from 'firebase-functions/v2/firestore';
import {onRequest} from 'firebase-functions/v2/https';
import {handleConfirm} from './confirm.js';
import {notifyOnCommentWrite} from './notify-on-comment.js';
import {requestConfirmationOnWrite} from './request-confirmation.js';
import {DATABASE, REGION, SMTP_URL, UNSUBSCRIBE_SECRET} from './settings.js';
import {handleUnsubscribe} from './unsubscribe.js';

export const notifyOnComment = onDocumentWritten(
  {
    document: 'threads/{threadId}/comments/{commentId}',
    database: DATABASE,
    region: REGION,
    // A run that throws (an SMTP server that failed) is run again by the platform; mail-log.ts
    // makes sure nothing already sent goes twice.
    retry: true,
    timeoutSeconds: 300,
    maxInstances: 10,
    secrets: [UNSUBSCRIBE_SECRET, SMTP_URL],
  },
  notifyOnCommentWrite,
);

export const requestConfirmation = onDocumentWritten(
  {
    document: 'subscriptions/{threadId}/subscribers/{uid}',
    database: DATABASE,
    region: REGION,
    retry: true, // as notifyOnComment: sent once, retried when SMTP fails
    timeoutSeconds: 60,
    maxInstances: 10,
    secrets: [UNSUBSCRIBE_SECRET, SMTP_URL],
  },
  requestConfirmationOnWrite,
);

export const confirm = onRequest({region: REGION, maxInstances: 10, secrets: [UNSUBSCRIBE_SECRET]}, handleConfirm);

export const unsubscribe = onRequest(
  {region: REGION, maxInstances: 10, secrets: [UNSUBSCRIBE_SECRET]},
  handleUnsubscribe,
);
