/**
 * The Firestore emulator, for tests that run when `npm run test:emulators` started one
 * (web-test-runner hands its address to the page): databases signed in as a given reader, and
 * writes as the site owner.
 */
import {initializeApp} from 'firebase/app';
import {connectFirestoreEmulator, initializeFirestore, type Firestore} from 'firebase/firestore/lite';
import {parseHostPort} from '../../src/store/firestore/firestore-store.js';

export const emulatorHost = window.__LAR_TEST_ENV__?.firestoreEmulatorHost ?? undefined;

let appCounter = 0;

/** A value in the Firestore REST API's JSON form. */
function restValue(value: unknown): unknown {
  if (typeof value === 'string') return {stringValue: value};
  if (typeof value === 'boolean') return {booleanValue: value};
  if (typeof value === 'number') return Number.isInteger(value) ? {integerValue: String(value)} : {doubleValue: value};
  if (Array.isArray(value)) return {arrayValue: {values: value.map(restValue)}};
  if (value instanceof Date) return {timestampValue: value.toISOString()};
  throw new Error(`No REST form for ${String(value)}`);
}

/**
 * Writes a document as the site owner does from the console: through the emulator's REST API as
 * "owner", which the emulator lets past the rules. Replaces the whole document.
 */
export async function writeAsOwner(path: string, data: Record<string, unknown>): Promise<void> {
  const fields = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, restValue(value)]));
  const response = await fetch(`http://${emulatorHost}/v1/projects/demo-lar/databases/(default)/documents/${path}`, {
    method: 'PATCH',
    headers: {authorization: 'Bearer owner', 'content-type': 'application/json'},
    body: JSON.stringify({fields}),
  });
  if (!response.ok) throw new Error(`Writing ${path} as owner: ${response.status} ${await response.text()}`);
}

/** A Firestore on the emulator, signed in (an unsigned token the emulator trusts) as `uid` via `provider`. */
export function emulatorDb(uid: string, provider: 'anonymous' | 'google.com' = 'anonymous'): Firestore {
  const app = initializeApp({projectId: 'demo-lar', apiKey: 'emulator'}, `emulator-${appCounter++}`);
  const db = initializeFirestore(app, {});
  const {host, port} = parseHostPort(emulatorHost!, 'emulator');
  connectFirestoreEmulator(db, host, port, {
    mockUserToken: {user_id: uid, firebase: {sign_in_provider: provider, identities: {}}},
  });
  return db;
}
