/**
 * Confirmation tokens: "this address may get reply e-mails for this account's subscriptions",
 * signed (signed-token.ts) under the purpose `confirm`, so no unsubscribe link can confirm an
 * address. They name the account whose subscription asked, because a confirmation holds for that
 * account alone (mail-confirmation.ts): confirming an address for one account must not let any
 * other account have mail sent to it. Unlike unsubscribe links they expire: a confirmation found
 * in an old mailbox months later should not switch e-mail back on.
 */
import {isEmail} from '../../src/model/validation.js';
import {isUid} from './database.js';
import {CONFIRM_DAYS} from './mail-strings.js';
import {signToken, verifyToken} from './signed-token.js';

/** 2: address and account. Version 1 named the address alone (a confirmation site-wide). */
const VERSION = 2;
const ADDRESS_ONLY = 1;
const DAY = 86_400_000;

export type Confirmation = {email: string; uid: string; expired: boolean};

export function signConfirm(email: string, uid: string, secret: string, now = Date.now()): string {
  return signToken('confirm', {v: VERSION, e: email, u: uid, x: Math.ceil((now + CONFIRM_DAYS * DAY) / 1000)}, secret);
}

/**
 * The address and account a genuine token confirms, and whether it is too old; undefined for
 * anything else. A genuine version 1 token (sent before confirmations were per account) names no
 * account, so it can confirm nothing: it is reported as expired, whose page asks the reader to
 * subscribe again for a new link.
 */
export function verifyConfirm(
  token: string | null | undefined,
  secret: string,
  now = Date.now(),
): Confirmation | undefined {
  const fields = verifyToken('confirm', token, secret);
  if (!fields) return undefined;
  const {v, e, u, x} = fields;
  if (typeof e !== 'string' || !isEmail(e) || typeof x !== 'number') return undefined;
  if (v === ADDRESS_ONLY) return {email: e, uid: '', expired: true};
  if (v !== VERSION || !isUid(u)) return undefined;
  return {email: e, uid: u, expired: now > x * 1000};
}
