/**
 * The HTTPS function behind every e-mail's unsubscribe links: GET (the link, opened in a
 * browser) unsubscribes and says so on a small page; POST is RFC 8058's one-click unsubscribe
 * (a mail program's Unsubscribe button posts `List-Unsubscribe=One-Click` to the link in the
 * List-Unsubscribe header). No sign-in: the signed token (unsubscribe-token.ts) is the permission.
 * Unsubscribing twice is harmless, and says the same.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Firestore, QueryDocumentSnapshot} from 'firebase-admin/firestore';
import {textOf} from '../../src/model/stored-comment.js';
import {database} from './database.js';
import {oneLine} from './mail-text.js';
import {stopAlerts} from './opt-outs.js';
import {subscribersOf} from './recipients.js';
import {UNSUBSCRIBE_SECRET, readSettings} from './settings.js';
import {unsubscribePage} from './unsubscribe-page.js';
import {verifyUnsubscribe, type UnsubscribeScope} from './unsubscribe-token.js';

/** The spellings of an address a subscription may hold: as in the token, and in lower case. */
const spellings = (email: string) => [...new Set([email, email.toLowerCase()])];

async function deleteAll(db: Firestore, docs: QueryDocumentSnapshot[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    const batch = db.batch();
    for (const d of docs.slice(i, i + 500)) batch.delete(d.ref);
    await batch.commit();
  }
}

/** Does what the token asks; returns the sentence the page shows. */
export async function unsubscribeFrom(db: Firestore, what: UnsubscribeScope): Promise<string> {
  if (what.scope === 'alerts') {
    await stopAlerts(db, what.email);
    return `${what.email} will get no more alerts about comments on this site.`;
  }
  if (what.scope === 'thread') {
    const [subscriptions, thread] = await Promise.all([
      subscribersOf(db, what.threadId).where('email', 'in', spellings(what.email)).get(),
      db.doc(`threads/${what.threadId}`).get(),
    ]);
    await deleteAll(db, subscriptions.docs);
    const title = oneLine(textOf(thread.get('title')), 100);
    return `${what.email} will get no more e-mails about new comments on ${title ? `“${title}”` : 'this page'}.`;
  }
  const subscriptions = await db.collectionGroup('subscribers').where('email', 'in', spellings(what.email)).get();
  // Only subscriptions/{threadId}/subscribers: a collection of that name elsewhere is not ours.
  const ours = subscriptions.docs.filter((d) => d.ref.parent.parent?.parent.id === 'subscriptions');
  await deleteAll(db, ours);
  return `${what.email} will get no more e-mails about new comments on any page of this site.`;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.statusCode = status;
  const all: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Robots-Tag': 'noindex',
    ...headers,
  };
  for (const [name, value] of Object.entries(all)) res.setHeader(name, value);
  res.end(body);
}

export async function handleUnsubscribe(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST' && method !== 'HEAD') {
    send(res, 405, unsubscribePage('Not allowed', 'Open the link from the e-mail.'), {Allow: 'GET, POST, HEAD'});
    return;
  }
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
  const what = verifyUnsubscribe(token, UNSUBSCRIBE_SECRET.value());
  if (!what) {
    send(
      res,
      400,
      method === 'HEAD'
        ? ''
        : unsubscribePage(
            'This unsubscribe link is not valid',
            'It may have been cut short on its way. Open it from the e-mail itself, or copy all of it into the address bar.',
          ),
    );
    return;
  }
  // A link checker's HEAD changes nothing.
  if (method === 'HEAD') return send(res, 200, '');
  const done = await unsubscribeFrom(database(readSettings().database), what);
  send(res, 200, unsubscribePage('You are unsubscribed', done));
}
