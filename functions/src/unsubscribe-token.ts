/**
 * Unsubscribe tokens: what to stop (one thread's e-mails to an address, all of them, or the
 * owner's alerts to an address), signed (signed-token.ts) under the purpose `unsubscribe`.
 * Anyone holding the e-mail can use its links without signing in; nobody can make or alter one
 * without the secret. They never expire (a link in an old e-mail must still work).
 */
import {isEmail} from '../../src/model/validation.js';
import {signToken, verifyToken} from './signed-token.js';

export type UnsubscribeScope =
  {scope: 'thread'; threadId: string; email: string} | {scope: 'all'; email: string} | {scope: 'alerts'; email: string};

const VERSION = 1;
const THREAD_ID = /^[A-Za-z0-9._:~-]{1,200}$/;

export function signUnsubscribe(what: UnsubscribeScope, secret: string): string {
  const fields = {v: VERSION, s: what.scope, e: what.email, ...(what.scope === 'thread' ? {t: what.threadId} : {})};
  return signToken('unsubscribe', fields, secret);
}

/** What a genuine token asks for; undefined for anything else (forged, altered, cut short). */
export function verifyUnsubscribe(token: string | null | undefined, secret: string): UnsubscribeScope | undefined {
  const fields = verifyToken('unsubscribe', token, secret);
  if (!fields) return undefined;
  const {v, s, e, t} = fields;
  if (v !== VERSION || typeof e !== 'string' || !isEmail(e)) return undefined;
  if (s === 'thread') return typeof t === 'string' && THREAD_ID.test(t) ? {scope: s, threadId: t, email: e} : undefined;
  if (s === 'all' || s === 'alerts') return {scope: s, email: e};
  return undefined;
}
