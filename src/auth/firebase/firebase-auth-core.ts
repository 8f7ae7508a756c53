/**
 * The part of Firebase Auth that a returning reader and a guest's first comment need: Auth kept in
 * localStorage, the reader's state, anonymous sign-in and sign-out. Loaded when the reader starts
 * to write (or comes back signed in). Signing in with an account is firebase-auth-providers.ts.
 *
 * Named imports only: a namespace import of firebase/auth cannot be tree-shaken.
 */
import type {FirebaseApp} from 'firebase/app';
import {
  browserLocalPersistence,
  connectAuthEmulator,
  initializeAuth,
  onIdTokenChanged,
  type Auth,
  type User,
} from 'firebase/auth';

export {signInAnonymously, signOut} from 'firebase/auth';

export interface AuthStart {
  /** The Auth emulator, e.g. "http://127.0.0.1:9099" (the scheme may be left out). */
  emulator?: string;
  /** Called with the reader whenever their ID token changes, and with null once signed out. */
  onUser: (user: User | null) => void;
}

export function startAuth(app: FirebaseApp, {emulator, onUser}: AuthStart): Auth {
  // initializeAuth rather than getAuth: the reader stays signed in through localStorage, and
  // IndexedDB persistence stays out. No pop-up/redirect resolver here: the providers module passes
  // it per call (and loads its helper iframe then). Called again for the same app with the same
  // options, it returns the same instance, so every session on one app shares one reader.
  const auth = initializeAuth(app, {persistence: browserLocalPersistence});
  if (emulator)
    connectAuthEmulator(auth, /^https?:\/\//.test(emulator) ? emulator : `http://${emulator}`, {disableWarnings: true});
  // Token changes, not just auth-state changes: linking a guest keeps the uid but changes how the
  // reader is signed in.
  onIdTokenChanged(auth, onUser);
  return auth;
}
