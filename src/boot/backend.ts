import type {Session} from '../auth/session.js';
import type {CommentStore} from '../store/comment-store.js';
import type {WidgetSettings} from './settings.js';

export interface Backend {
  store: CommentStore;
  session: Session;
}

// Widgets and counts on one page with the same settings share one store and one session.
const backends = new Map<string, Promise<Backend>>();

function backendKey(settings: WidgetSettings): string {
  const {backend, firebase, databaseId, authEmulator, firestoreEmulator, appCheckSiteKey} = settings;
  return JSON.stringify([backend, firebase, databaseId, authEmulator, firestoreEmulator, appCheckSiteKey]);
}

/** Loads the store and session the settings ask for; Firebase code is fetched only when needed. */
export function loadBackend(settings: WidgetSettings): Promise<Backend> {
  const key = backendKey(settings);
  let backend = backends.get(key);
  if (!backend) {
    backend = createBackend(settings);
    backends.set(key, backend);
    backend.catch(() => backends.delete(key));
  }
  return backend;
}

async function createBackend(settings: WidgetSettings): Promise<Backend> {
  if (settings.backend === 'local' || !settings.firebase) {
    const [{LocalStore}, session] = await Promise.all([
      import('../store/memory/local-store.js'),
      localBackendSession(settings),
    ]);
    return {store: new LocalStore(), session};
  }
  const {createFirebaseBackend} = await import('../store/firestore/firebase-backend.js');
  return createFirebaseBackend(settings);
}

/**
 * backend="local" keeps comments in this browser; with a Firebase config it still signs readers in
 * with Firebase Auth (e.g. the Auth emulator), without one only the guest form is offered.
 */
async function localBackendSession(settings: WidgetSettings): Promise<Session> {
  if (!settings.firebase) {
    const {LocalSession} = await import('../auth/local-session.js');
    return new LocalSession();
  }
  // Through the Firebase backend's chunks, Firestore and all: this mode is for trying sign-in
  // locally, and the Firebase path, which every real site takes, then gets the app and session code
  // in the chunks it loads anyway rather than in more of their own.
  const {firebaseSessionAlone} = await import('../store/firestore/firebase-backend.js');
  return firebaseSessionAlone(settings);
}
