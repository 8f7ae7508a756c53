/**
 * Boots the Firebase backend: one named Firebase app per configuration (shared by every widget
 * and count on the page that uses it), Firestore for comments, Firebase Auth for the session.
 */
import {getApps, initializeApp, type FirebaseApp} from 'firebase/app';
import {FirebaseSession} from '../auth/firebase-session.js';
import {sha256Bytes, toBase64Url} from '../model/sha256.js';
import {FirestoreStore, openFirestore} from '../store/firestore-store.js';
import type {Backend} from './backend.js';
import type {WidgetSettings} from './settings.js';

export async function createFirebaseBackend(settings: WidgetSettings): Promise<Backend> {
  const app = firebaseAppFor(settings);
  // App Check must be active before Firestore's first request, or that request goes without a token.
  if (settings.appCheckSiteKey) await startAppCheck(app, settings.appCheckSiteKey);
  const db = openFirestore(app, {databaseId: settings.databaseId, emulator: settings.firestoreEmulator});
  return {store: new FirestoreStore(db), session: new FirebaseSession(app, {emulator: settings.authEmulator})};
}

/**
 * The app for these settings. Its name is derived from the config and the emulators, so the same
 * config always finds the same app (Auth keeps the signed-in reader under the app's name), and
 * emulator accounts never mix with real ones. Our own name keeps clear of the host page's
 * [DEFAULT] app.
 */
export function firebaseAppFor(settings: WidgetSettings): FirebaseApp {
  const config = settings.firebase;
  if (!config) throw new Error('leave-a-reply: the Firebase backend needs api-key and project-id.');
  const sortedConfig = JSON.stringify(config, Object.keys(config).sort());
  const key = JSON.stringify([sortedConfig, settings.authEmulator ?? '', settings.firestoreEmulator ?? '']);
  const name = `leave-a-reply-${toBase64Url(sha256Bytes(new TextEncoder().encode(key))).slice(0, 16)}`;
  return getApps().find((app) => app.name === name) ?? initializeApp(config, name);
}

// App Check may be initialized once per app; the first site key asked for wins.
const appChecks = new WeakMap<FirebaseApp, Promise<void>>();

function startAppCheck(app: FirebaseApp, siteKey: string): Promise<void> {
  let started = appChecks.get(app);
  if (!started) {
    started = import('firebase/app-check').then(({initializeAppCheck, ReCaptchaEnterpriseProvider}) => {
      initializeAppCheck(app, {provider: new ReCaptchaEnterpriseProvider(siteKey), isTokenAutoRefreshEnabled: true});
    });
    appChecks.set(app, started);
    started.catch(() => appChecks.delete(app));
  }
  return started;
}
