/**
 * Leave a Reply's Cloud Functions (functions/README.md), deployed with
 * `firebase deploy --only functions`:
 *   notifyOnComment  on every write of threads/{threadId}/comments/{commentId}: e-mails to the
 *                    thread's subscribers and alerts to the site owner (notify-on-comment.ts);
 *   unsubscribe      HTTPS: every e-mail's signed unsubscribe links (unsubscribe.ts).
 */
import {onDocumentWritten} from 'firebase-functions/v2/firestore';
import {onRequest} from 'firebase-functions/v2/https';
import {notifyOnCommentWrite} from './notify-on-comment.js';
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

export const unsubscribe = onRequest(
  {region: REGION, maxInstances: 10, secrets: [UNSUBSCRIBE_SECRET]},
  handleUnsubscribe,
);
