/**
 * What this browser remembers of a reader's sign-in, readable without loading Firebase Auth:
 * whether Auth's persistence holds a signed-in reader of this app, a redirect sign-in on its way
 * back, an email sign-in link in the URL. Only hints for loading Auth early; the SDK decides.
 */
import {isEmailSignInLink} from '../../model/page-identity.js';
import {getStored, tabArea} from '../../shell/safe-storage.js';

/** What the hints need of a Firebase app: its name and API key (app-identity.ts, without the SDK). */
export interface AppIdentity {
  name: string;
  options: {apiKey?: string};
}

// Storage may be blocked (private mode, sandboxed frames): then these hints are simply absent.

/** A cheap look at the URL, before loading the SDK to be sure. */
export function looksLikeEmailLink(href: string): boolean {
  return isEmailSignInLink(new URL(href));
}

// What browserLocalPersistence writes for a signed-in reader of this app. If the SDK ever renames
// it, a returning reader is shown as signed in once they start to write instead.
export function hasPersistedUser(app: AppIdentity): boolean {
  return getStored(`firebase:authUser:${app.options.apiKey}:${app.name}`) !== null;
}

/** Where a redirect sign-in under way is noted (this tab only). */
export const redirectKey = (app: AppIdentity) => `leave-a-reply:redirect:${app.name}`;

/** Whether Auth may know this reader already, or has a sign-in to finish on this page. */
export function hasEarlierSignIn(app: AppIdentity): boolean {
  return hasPersistedUser(app) || getStored(redirectKey(app), tabArea) !== null || looksLikeEmailLink(location.href);
}
