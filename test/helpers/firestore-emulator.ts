/**
 * The Firestore emulator, for tests that run when `npm run test:emulators` started one
 * (web-test-runner hands its address to the page): databases signed in as a given reader, and
 * writes as the site owner.
 */
import {initializeApp} from 'firebase/app';
import {connectFirestoreEmulator, initializeFirestore, terminate, type Firestore} from 'firebase/firestore/lite';
import {credentialsOf} from '../../src/store/firestore/firebase-sdk.js';
import {FirestoreRest, parseHostPort} from '../../src/store/firestore/firestore-rest.js';
import {FirestoreStore} from '../../src/store/firestore/firestore-store.js';
import type {PollTiming} from '../../src/store/firestore/poll-schedule.js';
import type {ContractStore} from '../store/store-contract.js';

export const emulatorHost = window.__LAR_TEST_ENV__?.firestoreEmulatorHost ?? undefined;

let appCounter = 0;

/** A value in the Firestore REST API's JSON form. */
function restValue(value: unknown): unknown {
  if (typeof value === 'string') return {stringValue: value};
  if (typeof value === 'boolean') return {booleanValue: value};
  if (typeof value === 'number') return Number.isInteger(value) ? {integerValue: String(value)} : {doubleValue: value};
  if (Array.isArray(value)) return {arrayValue: {values: value.map(restValue)}};
  if (value instanceof Date) return {timestampValue: value.toISOString()};
  if (value === null) return {nullValue: null};
  if (typeof value === 'object') return {mapValue: {fields: restFields(value as Record<string, unknown>)}};
  throw new Error(`No REST form for ${String(value)}`);
}

function restFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, restValue(value)]));
}

/**
 * Writes a document as the site owner does from the console: through the emulator's REST API as
 * "owner", which the emulator lets past the rules. Replaces the whole document.
 */
export async function writeAsOwner(path: string, data: Record<string, unknown>): Promise<void> {
  const fields = restFields(data);
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

/**
 * A FirestoreStore on `db` as the backend makes one (firebase-backend.ts): it reads over the REST API
 * with `db`'s credentials (its signed-in reader) and writes with `db`. `host`: where `db` is connected.
 */
export function storeOn(db: Firestore, timing?: PollTiming, host = emulatorHost!): FirestoreStore {
  const rest = new FirestoreRest({
    projectId: db.app.options.projectId!,
    databaseId: '(default)',
    apiKey: db.app.options.apiKey,
    emulator: host,
    credentials: () => credentialsOf(db),
  });
  return new FirestoreStore({rest, firestore: async () => db}, timing);
}

/** Views poll often in tests, so a change by another reader shows within a test's patience. */
export const QUICK_POLLS: PollTiming = {minMs: 150, maxMs: 600};

/**
 * A FirestoreStore on the emulator, signed in as guest `uid`, for the CommentStore contract; its
 * moderator is a Google account written into admins/ as the site owner.
 */
export function emulatorContractStore(uid: string): ContractStore & {db: Firestore} {
  const db = emulatorDb(uid);
  const others: Firestore[] = [];
  return {
    db,
    store: storeOn(db, QUICK_POLLS),
    uid,
    confirms: true,
    // The emulator's config/site is shared by every test; each test sets it first.
    configure: (site) => writeAsOwner('config/site', site),
    async moderator() {
      const moderatorUid = `moderator-${Math.random().toString(36).slice(2, 10)}`;
      await writeAsOwner(`admins/${moderatorUid}`, {since: new Date()});
      const moderatorDb = emulatorDb(moderatorUid, 'google.com');
      others.push(moderatorDb);
      return {store: storeOn(moderatorDb, QUICK_POLLS), viewer: {uid: moderatorUid, provider: 'google'}};
    },
    dispose: async () => {
      await Promise.all([db, ...others].map((d) => terminate(d)));
    },
  };
}
