/**
 * Boots the Firebase backend: one named Firebase app per configuration (shared by every widget
 * and count on the page that uses it), Firestore for comments, Firebase Auth for the session.
 */
import type {FirebaseApp} from 'firebase/app';
import {deferredFirebaseSession} from '../../auth/firebase/deferred-session.js';
import {FirestoreStore, openFirestore} from './firestore-store.js';
import type {Backend} from '../../boot/backend.js';
import {firebaseAppFor} from '../../auth/firebase/firebase-app.js';
import type {WidgetSettings} from '../../boot/settings.js';

export {firebaseAppFor, deferredFirebaseSession};

export async function createFirebaseBackend(settings: WidgetSettings): Promise<Backend> {
  const app = await firebaseAppFor(settings);
  // App Check must be active before Firestore's first request, or that request goes without a token.
  if (settings.appCheckSiteKey) await startAppCheck(app, settings.appCheckSiteKey);
  const db = openFirestore(app, {databaseId: settings.databaseId, emulator: settings.firestoreEmulator});
  return {store: new FirestoreStore(db), session: deferredFirebaseSession(app, {emulator: settings.authEmulator})};
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
