/**
 * Unsubscribe tokens: what to stop (one thread's e-mails to an address, all of them, or the
 * owner's alerts to an address), signed with HMAC-SHA256 under the secret LAR_UNSUBSCRIBE_SECRET.
 * Anyone holding the e-mail can use its links without signing in; nobody can make or alter one
 * without the secret. `payload.signature`, both base64url; they never expire (a link in an old
 * e-mail must still work).
 */
import {createHmac, timingSafeEqual} from 'node:crypto';
import {isEmail} from '../../src/model/validation.js';

export type UnsubscribeScope =
  {scope: 'thread'; threadId: string; email: string} | {scope: 'all'; email: string} | {scope: 'alerts'; email: string};

const VERSION = 1;
const CONTEXT = 'leave-a-reply unsubscribe v1\n';
const MIN_SECRET_LENGTH = 32;
const MAX_TOKEN_LENGTH = 2000;
const THREAD_ID = /^[A-Za-z0-9._:~-]{1,200}$/;

export class SecretMissing extends Error {
  constructor() {
    super(
      `LAR_UNSUBSCRIBE_SECRET must be at least ${MIN_SECRET_LENGTH} characters: ` +
        'firebase functions:secrets:set LAR_UNSUBSCRIBE_SECRET (functions/README.md).',
    );
    this.name = 'SecretMissing';
  }
}

function signature(payload: string, secret: string): Buffer {
  if (secret.length < MIN_SECRET_LENGTH) throw new SecretMissing();
  return createHmac('sha256', secret)
    .update(CONTEXT + payload)
    .digest();
}

export function signUnsubscribe(what: UnsubscribeScope, secret: string): string {
  const fields = {v: VERSION, s: what.scope, e: what.email, ...(what.scope === 'thread' ? {t: what.threadId} : {})};
  const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${payload}.${signature(payload, secret).toString('base64url')}`;
}

/** What a genuine token asks for; undefined for anything else (forged, altered, cut short). */
export function verifyUnsubscribe(token: string | null | undefined, secret: string): UnsubscribeScope | undefined {
  const expected = (payload: string) => signature(payload, secret);
  if (!token || token.length > MAX_TOKEN_LENGTH) {
    expected(''); // same work, and the same complaint about a missing secret, as a real check
    return undefined;
  }
  const dot = token.lastIndexOf('.');
  const payload = dot > 0 ? token.slice(0, dot) : '';
  const given = Buffer.from(dot > 0 ? token.slice(dot + 1) : '', 'base64url');
  const wanted = expected(payload);
  // timingSafeEqual needs equal lengths; compared anyway, so a wrong length takes the same time.
  const same =
    timingSafeEqual(given.length === wanted.length ? given : wanted, wanted) && given.length === wanted.length;
  if (!same) return undefined;
  return scopeOf(payload);
}

function scopeOf(payload: string): UnsubscribeScope | undefined {
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const {v, s, e, t} = fields ?? {};
  if (v !== VERSION || typeof e !== 'string' || !isEmail(e)) return undefined;
  if (s === 'thread') return typeof t === 'string' && THREAD_ID.test(t) ? {scope: s, threadId: t, email: e} : undefined;
  if (s === 'all' || s === 'alerts') return {scope: s, email: e};
  return undefined;
}

/** The unsubscribe function's address with the token (the base may carry a query of its own). */
export function unsubscribeUrl(base: string, token: string): string {
  const url = new URL(base);
  url.searchParams.set('token', token);
  return url.href;
}
