/**
 * The HTTPS function behind the confirmation e-mail's link (request-confirmation.ts). GET shows
 * the address and a button, and changes nothing (mail scanners open every link); the button's
 * POST records the confirmation (mail-confirmation.ts) for the address and the account whose
 * subscription asked, after which that account's subscriptions of the address get e-mail, and no
 * other account's. The token is signed for this purpose only: no unsubscribe link confirms. The
 * page speaks the link's `lang`.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import {verifyConfirm} from './confirm-token.js';
import {database} from './database.js';
import {recordConfirmation} from './mail-confirmation.js';
import {htmlPage, linkRequest, postBack, respond} from './page.js';
import {subscriptionsOf} from './recipients.js';
import {UNSUBSCRIBE_SECRET, readSettings} from './settings.js';

export async function handleConfirm(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = linkRequest(req, res);
  if (!request) return;
  const {method, url, strings, page} = request;
  const {pages} = strings;
  const confirmation = verifyConfirm(url.searchParams.get('token'), UNSUBSCRIBE_SECRET.value());
  if (!confirmation || confirmation.expired) {
    const status = confirmation ? 410 : 400;
    respond(res, status, method === 'HEAD' ? '' : page(confirmation ? pages.confirmExpired : pages.confirmInvalid));
    return;
  }
  if (method === 'HEAD') return respond(res, 200, '');
  const {email, uid} = confirmation;
  if (method === 'GET') {
    const {heading, message, button} = pages.askConfirm;
    respond(res, 200, htmlPage(strings, {heading, message: message(email), form: {action: postBack(url), button}}));
    return;
  }
  const db = database(readSettings().database);
  await recordConfirmation(db, email, uid);
  // What this confirmation switched on: the subscriptions of this account with this address.
  const following = (await subscriptionsOf(db, email)).filter((d) => d.id === uid).length;
  const {heading, message} = pages.confirmed;
  respond(res, 200, htmlPage(strings, {heading, message: message(email, following)}));
}
