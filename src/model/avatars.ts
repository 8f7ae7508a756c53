import {LIMITS} from './limits.js';

/**
 * Where readers' browsers may load a commenter's picture from. A picture URL is a request every
 * reader makes, so a guest may not choose it (a tracking pixel would learn every reader's address
 * and browser): guests get a Gravatar derived from their email, when the site allows it, and
 * accounts their provider's photo from the provider's own image hosts. firestore.rules checks the
 * same two patterns (`knownAvatar`); the thread shows no picture that fails them.
 */

/** The image hosts of the sign-in providers' profile photos. */
export const PROVIDER_PHOTO_HOSTS = [
  'lh3.googleusercontent.com',
  'lh4.googleusercontent.com',
  'lh5.googleusercontent.com',
  'lh6.googleusercontent.com',
  'avatars.githubusercontent.com',
  'pbs.twimg.com',
  'abs.twimg.com',
  'graph.facebook.com',
  'platform-lookaside.fbsbx.com',
] as const;

const GRAVATAR = /^https:\/\/gravatar\.com\/avatar\/[0-9a-f]{64}\?s=96&d=identicon$/;

/** A guest's picture: the Gravatar of the SHA-256 of their email (lower-cased), as hex. */
export const gravatarUrl = (emailSha256: string): string =>
  `https://gravatar.com/avatar/${emailSha256}?s=96&d=identicon`;

/** Whether a picture of a comment by `provider` may be shown (and stored). */
export function isKnownAvatar(url: string | undefined, provider: string, gravatar = true): boolean {
  if (!url || url.length > LIMITS.urlMax) return false;
  if (provider === 'guest') return gravatar && GRAVATAR.test(url);
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      (PROVIDER_PHOTO_HOSTS as readonly string[]).includes(parsed.hostname) &&
      !parsed.username &&
      !parsed.port
    );
  } catch {
    return false;
  }
}
