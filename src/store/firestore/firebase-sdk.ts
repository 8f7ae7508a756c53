/**
 * The Firebase SDK's side of the backend: the app, App Check, and firestore/lite for writes. It loads
 * after a thread's first render (firebase-backend.ts), or sooner when something needs it first: the
 * session of a reader Auth may already know, or a read on a site with App Check, whose every request
 * carries its token.
 */
import type {FirebaseApp} from 'firebase/app';
import {connectFirestoreEmulator, initializeFirestore, type Firestore} from 'firebase/firestore/lite';
import {firebaseAppFor} from '../../auth/firebase/firebase-app.js';
import type {WidgetSettings} from '../../boot/settings.js';
import {parseHostPort} from './firestore-rest.js';

export {firebaseAppFor};

export interface FirebaseSdk {
  app: FirebaseApp;
  db: Firestore;
  /** The headers for a REST read as the SDK would send it (credentialsOf). */
  credentials(): Promise<Record<string, string>>;
}

export async function openFirebase(settings: WidgetSettings): Promise<FirebaseSdk> {
  const app = await firebaseAppFor(settings);
  // App Check must be active before Firestore's first request, or that request goes without a token.
  if (settings.appCheckSiteKey) await startAppCheck(app, settings.appCheckSiteKey);
  const db = openFirestore(app, {databaseId: settings.databaseId, emulator: settings.firestoreEmulator});
  return {app, db, credentials: () => credentialsOf(db)};
}

interface FirestoreConnection {
  /** A named Firestore database, or '(default)'. */
  databaseId: string;
  /** "host:port" of the Firestore emulator. */
  emulator?: string;
}

// One Firestore instance per app and database: initializeFirestore and connectFirestoreEmulator
// may each run only once on an instance, and several widgets share one app.
const instances = new WeakMap<FirebaseApp, Map<string, Firestore>>();

function openFirestore(app: FirebaseApp, {databaseId, emulator}: FirestoreConnection): Firestore {
  let byDatabase = instances.get(app);
  if (!byDatabase) instances.set(app, (byDatabase = new Map()));
  let db = byDatabase.get(databaseId);
  if (!db) {
    const target = emulator ? parseHostPort(emulator, 'firestore-emulator') : undefined;
    db = initializeFirestore(app, {}, databaseId);
    if (target) connectFirestoreEmulator(db, target.host, target.port);
    byDatabase.set(databaseId, db);
  }
  return db;
}

type Token = {headers: Map<string, string>} | null;
interface LiteCredentials {
  _authCredentials: {getToken(): Promise<Token>};
  _appCheckCredentials: {getToken(): Promise<Token>};
}

/**
 * The headers firestore/lite sends with its own requests: the signed-in reader's ID token (refreshed
 * when due) and App Check's token, from the credential providers it keeps on the instance. The REST
 * reads (firestore-rest.ts) send them too, so the rules see the same reader either way, an emulator's
 * mock user included. test/store/firestore/firestore-rest.test.ts fails if these fields move.
 */
export async function credentialsOf(db: Firestore): Promise<Record<string, string>> {
  const {_authCredentials: auth, _appCheckCredentials: appCheck} = db as unknown as LiteCredentials;
  const headers: Record<string, string> = {};
  for (const token of await Promise.all([auth.getToken(), appCheck.getToken()]))
    token?.headers.forEach((value, name) => (headers[name] = value));
  return headers;
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
