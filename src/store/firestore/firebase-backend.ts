/**
 * Boots the Firebase backend without the Firebase SDK: the store reads over Firestore's REST API
 * (firestore-rest.ts), so a thread's first render waits for no SDK. The SDK's side
 * (firebase-sdk.ts: one named app per configuration, shared by every widget and count on the page,
 * App Check, firestore/lite for writes, Firebase Auth for the session) loads once first needed:
 * a view starts it as soon as its thread has rendered, so a guest can post at once.
 */
import {appIdentity} from '../../auth/firebase/app-identity.js';
import {deferredFirebaseSession} from '../../auth/firebase/deferred-session.js';
import type {Backend} from '../../boot/backend.js';
import type {WidgetSettings} from '../../boot/settings.js';
import type {FirebaseSdk} from './firebase-sdk.js';
import {FirestoreRest} from './firestore-rest.js';
import {FirestoreStore} from './firestore-store.js';

export async function createFirebaseBackend(settings: WidgetSettings): Promise<Backend> {
  const identity = await appIdentity(settings);
  let loaded: FirebaseSdk | undefined;
  let loading: Promise<FirebaseSdk> | undefined;
  const sdk = () => {
    if (!loading) {
      loading = import('./firebase-sdk.js').then(async ({openFirebase}) => (loaded = await openFirebase(settings)));
      loading.catch(() => (loading = undefined)); // a failed load is tried again at the next need
    }
    return loading;
  };
  const rest = new FirestoreRest({
    projectId: identity.options.projectId,
    databaseId: settings.databaseId,
    apiKey: identity.options.apiKey,
    emulator: settings.firestoreEmulator,
    // Nobody can be signed in before the SDK has loaded (the session loads it), so until then a read
    // goes as anyone's, at once; with App Check, every read waits for its token.
    credentials: () =>
      loaded ? loaded.credentials() : settings.appCheckSiteKey ? sdk().then((ready) => ready.credentials()) : {},
  });
  return {
    store: new FirestoreStore({rest, firestore: () => sdk().then(({db}) => db)}),
    session: deferredFirebaseSession(() => sdk().then(({app}) => app), identity, {emulator: settings.authEmulator}),
  };
}

/** backend="local" with a Firebase config: Firebase Auth alone, for trying sign-in locally. */
export async function firebaseSessionAlone(settings: WidgetSettings) {
  return deferredFirebaseSession(
    () => import('./firebase-sdk.js').then(({firebaseAppFor}) => firebaseAppFor(settings)),
    await appIdentity(settings),
    {emulator: settings.authEmulator},
  );
}
