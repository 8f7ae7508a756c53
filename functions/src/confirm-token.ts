/**
 * Confirmation tokens: "this address may get reply e-mails", signed (signed-token.ts) under the
 * purpose `confirm`, so no unsubscribe link can confirm an address. Unlike unsubscribe links they
 * expire: a confirmation found in an old mailbox months later should not switch e-mail back on.
 */
import {isEmail} from '../../src/model/validation.js';
import {CONFIRM_DAYS} from './mail-strings.js';
import {signToken, verifyToken} from './signed-token.js';

const VERSION = 1;
const DAY = 86_400_000;

export type Confirmation = {email: string; expired: boolean};

export function signConfirm(email: string, secret: string, now = Date.now()): string {
  return signToken('confirm', {v: VERSION, e: email, x: Math.ceil((now + CONFIRM_DAYS * DAY) / 1000)}, secret);
}

/** The address a genuine token confirms, and whether it is too old; undefined for anything else. */
export function verifyConfirm(
  token: string | null | undefined,
  secret: string,
  now = Date.now(),
): Confirmation | undefined {
  const fields = verifyToken('confirm', token, secret);
  if (!fields) return undefined;
  const {v, e, x} = fields;
  if (v !== VERSION || typeof e !== 'string' || !isEmail(e) || typeof x !== 'number') return undefined;
  return {email: e, expired: now > x * 1000};
}
