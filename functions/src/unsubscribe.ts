/**
 * The HTTPS function behind every e-mail's unsubscribe links. GET (the link, opened in a browser)
 * only shows what the link stops, with a button: mail scanners open every link of an incoming
 * e-mail, and must not unsubscribe anyone. POST does it: the page's button, or RFC 8058's
 * one-click unsubscribe (a mail program's Unsubscribe button posts `List-Unsubscribe=One-Click`
 * to the link in the List-Unsubscribe header). No sign-in: the signed token (unsubscribe-token.ts)
 * is the permission. Unsubscribing twice is harmless, and says the same. The page speaks the
 * link's `lang`.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Firestore, QueryDocumentSnapshot} from 'firebase-admin/firestore';
import {textOf} from '../../src/model/stored-comment.js';
import {database} from './database.js';
import {forgetConfirmation} from './mail-confirmation.js';
import type {MailStrings} from './mail-strings.js';
import {oneLine} from './mail-text.js';
import {stopAlerts} from './opt-outs.js';
import {htmlPage, linkRequest, postBack, respond} from './page.js';
import {subscriptionsOf, threadSubscriptionsOf} from './recipients.js';
import {UNSUBSCRIBE_SECRET, readSettings} from './settings.js';
import {verifyUnsubscribe, type UnsubscribeScope} from './unsubscribe-token.js';

async function deleteAll(db: Firestore, docs: QueryDocumentSnapshot[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    const batch = db.batch();
    for (const d of docs.slice(i, i + 500)) batch.delete(d.ref);
    await batch.commit();
  }
}

const threadTitle = async (db: Firestore, threadId: string) =>
  oneLine(textOf((await db.doc(`threads/${threadId}`).get()).get('title')), 100);

/** Does what the token asks; returns the sentence the page shows. */
export async function unsubscribeFrom(db: Firestore, what: UnsubscribeScope, strings: MailStrings): Promise<string> {
  const say = strings.pages.unsubscribed;
  if (what.scope === 'alerts') {
    await stopAlerts(db, what.email);
    return say.alerts(what.email);
  }
  if (what.scope === 'thread') {
    const [subscriptions, title] = await Promise.all([
      threadSubscriptionsOf(db, what.threadId, what.email),
      threadTitle(db, what.threadId),
    ]);
    await deleteAll(db, subscriptions);
    return say.thread(what.email, title);
  }
  const subscriptions = await subscriptionsOf(db, what.email);
  await deleteAll(db, subscriptions);
  // Off everywhere: subscribing again later asks for a new confirmation (mail-confirmation.ts).
  await forgetConfirmation(db, what.email);
  return say.all(what.email, subscriptions.length);
}

/** What the button on the page will stop. */
async function question(db: Firestore, what: UnsubscribeScope, strings: MailStrings): Promise<string> {
  const ask = strings.pages.askUnsubscribe;
  if (what.scope === 'thread') return ask.thread(what.email, await threadTitle(db, what.threadId));
  return what.scope === 'all' ? ask.all(what.email) : ask.alerts(what.email);
}

export async function handleUnsubscribe(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = linkRequest(req, res);
  if (!request) return;
  const {method, url, strings, page} = request;
  const {pages} = strings;
  const what = verifyUnsubscribe(url.searchParams.get('token'), UNSUBSCRIBE_SECRET.value());
  if (!what) {
    respond(res, 400, method === 'HEAD' ? '' : page(pages.unsubscribeInvalid));
    return;
  }
  // A link checker's HEAD changes nothing.
  if (method === 'HEAD') return respond(res, 200, '');
  const db = database(readSettings().database);
  if (method === 'GET') {
    const form = {action: postBack(url), button: pages.askUnsubscribe.button};
    const message = await question(db, what, strings);
    respond(res, 200, htmlPage(strings, {heading: pages.askUnsubscribe.heading, message, form}));
    return;
  }
  const done = await unsubscribeFrom(db, what, strings);
  respond(res, 200, htmlPage(strings, {heading: pages.unsubscribed.heading, message: done}));
}
