/**
 * Signing in with an account: provider pop-ups and redirects, email links, custom tokens, and
 * upgrading a guest. Loaded when the reader picks one of these, or when a sign-in begun before this
 * page load (a redirect, an email link) has to be finished; never for reading or for a guest.
 *
 * Named imports only, so the bundler keeps just what is used here. It cannot split the SDK itself
 * (one module to the bundler), so the SDK code used here ships in the chunk loaded with the core.
 */
import type {FirebaseError} from 'firebase/app';
import {
  EmailAuthProvider,
  FacebookAuthProvider,
  GithubAuthProvider,
  GoogleAuthProvider,
  OAuthProvider,
  TwitterAuthProvider,
  browserPopupRedirectResolver,
  getRedirectResult,
  linkWithCredential,
  linkWithPopup,
  linkWithRedirect,
  sendSignInLinkToEmail,
  signInWithPopup,
  signInWithRedirect,
  signInWithEmailLink,
  type Auth,
  type AuthProvider,
  type OAuthCredential,
  type User,
  type UserCredential,
} from 'firebase/auth';
import type {OAuthProviderName} from '../session.js';

export {isSignInWithEmailLink, signInWithCredential, signInWithCustomToken} from 'firebase/auth';

export function oauthProvider(name: OAuthProviderName): AuthProvider {
  switch (name) {
    case 'google':
      // "Change" should let the reader pick another Google account, not reuse the last one.
      return new GoogleAuthProvider().setCustomParameters({prompt: 'select_account'});
    case 'github':
      return new GithubAuthProvider();
    case 'twitter':
      return new TwitterAuthProvider();
    case 'facebook':
      return new FacebookAuthProvider();
    case 'microsoft':
      return new OAuthProvider('microsoft.com');
    case 'apple':
      // Apple gives the reader's name only when asked, and only the first time.
      return new OAuthProvider('apple.com').addScope('name');
  }
}

/** The account a refused link was for, so the reader can sign in to it instead. */
export function credentialFromError(name: OAuthProviderName, error: FirebaseError): OAuthCredential | null {
  switch (name) {
    case 'google':
      return GoogleAuthProvider.credentialFromError(error);
    case 'github':
      return GithubAuthProvider.credentialFromError(error);
    case 'twitter':
      return TwitterAuthProvider.credentialFromError(error);
    case 'facebook':
      return FacebookAuthProvider.credentialFromError(error);
    default:
      return OAuthProvider.credentialFromError(error);
  }
}

// The pop-up and redirect resolver is passed per call rather than to initializeAuth: starting Auth
// for a guest then neither loads its helper iframe nor looks for a redirect result (the session
// asks for one only after starting a redirect itself).

/** The provider's pop-up: a guest gets the account linked to their identity, anyone else signs in. */
export function popUp(auth: Auth, provider: AuthProvider, guest: User | null): Promise<UserCredential> {
  return guest
    ? linkWithPopup(guest, provider, browserPopupRedirectResolver)
    : signInWithPopup(auth, provider, browserPopupRedirectResolver);
}

/** The same, leaving the page for the provider; redirectResult() finishes it when the reader is back. */
export function redirect(auth: Auth, provider: AuthProvider, guest: User | null): Promise<never> {
  return guest
    ? linkWithRedirect(guest, provider, browserPopupRedirectResolver)
    : signInWithRedirect(auth, provider, browserPopupRedirectResolver);
}

export function redirectResult(auth: Auth): Promise<UserCredential | null> {
  return getRedirectResult(auth, browserPopupRedirectResolver);
}

/** Emails a link that brings the reader back to `url`, signed in. */
export function sendEmailLink(auth: Auth, email: string, url: string): Promise<void> {
  return sendSignInLinkToEmail(auth, email, {url, handleCodeInApp: true});
}

/** Opens an email link: a guest gets the address linked to their identity, anyone else signs in. */
export function redeemEmailLink(auth: Auth, email: string, link: string, guest: User | null): Promise<UserCredential> {
  return guest
    ? linkWithCredential(guest, EmailAuthProvider.credentialWithLink(email, link))
    : signInWithEmailLink(auth, email, link);
}
