/**
 * Tokens the e-mails' links carry: a JSON payload and its HMAC-SHA256 under LAR_UNSUBSCRIBE_SECRET,
 * `payload.signature`, both base64url. Each purpose signs under a context of its own, so a token
 * made for one purpose (an unsubscribe link) is refused as another (a confirmation link), and the
 * other way round, whatever its payload says.
 */
import {createHmac, timingSafeEqual} from 'node:crypto';

const MIN_SECRET_LENGTH = 32;
const MAX_TOKEN_LENGTH = 2000;

export type TokenPurpose = 'unsubscribe' | 'confirm';

export class SecretMissing extends Error {
  constructor() {
    super(
      `LAR_UNSUBSCRIBE_SECRET must be at least ${MIN_SECRET_LENGTH} characters: ` +
        'firebase functions:secrets:set LAR_UNSUBSCRIBE_SECRET (functions/README.md).',
    );
    this.name = 'SecretMissing';
  }
}

// The unsubscribe context is the one its links were first signed under: links in e-mails already
// sent must keep working.
const context = (purpose: TokenPurpose) => `leave-a-reply ${purpose} v1\n`;

function signature(purpose: TokenPurpose, payload: string, secret: string): Buffer {
  if (secret.length < MIN_SECRET_LENGTH) throw new SecretMissing();
  return createHmac('sha256', secret)
    .update(context(purpose) + payload)
    .digest();
}

export function signToken(purpose: TokenPurpose, fields: Record<string, unknown>, secret: string): string {
  const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${payload}.${signature(purpose, payload, secret).toString('base64url')}`;
}

/** The payload of a genuine token of this purpose; undefined for anything else (forged, altered, cut short). */
export function verifyToken(
  purpose: TokenPurpose,
  token: string | null | undefined,
  secret: string,
): Record<string, unknown> | undefined {
  const expected = (payload: string) => signature(purpose, payload, secret);
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
  try {
    const fields: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return fields && typeof fields === 'object' && !Array.isArray(fields)
      ? (fields as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A function's address with a token, and the page's language when it is not English. */
export function linkWithToken(base: string, token: string, lang = 'en'): string {
  const url = new URL(base);
  url.searchParams.set('token', token);
  if (lang !== 'en') url.searchParams.set('lang', lang);
  else url.searchParams.delete('lang');
  return url.href;
}
