import type {OAuthProviderName} from '../auth/session.js';

/** Sign-in providers' brand names: the same in every language. */
export const PROVIDER_NAMES: Record<OAuthProviderName, string> = {
  google: 'Google',
  github: 'GitHub',
  twitter: 'X',
  facebook: 'Facebook',
  microsoft: 'Microsoft',
  apple: 'Apple',
};
