/**
 * Shared by the rules tests (test/rules/*.rules.test.mjs): the test environment, signed-in
 * contexts, and the batches the stores write, built so a test can break exactly one part.
 * Each test file uses a project of its own, so `node --test` may run the files in parallel
 * against one emulator without one file's clearFirestore() wiping another's data.
 */
import {readFileSync} from 'node:fs';
import {after, before, beforeEach} from 'node:test';
import {initializeTestEnvironment} from '@firebase/rules-unit-testing';
import {Timestamp, doc, increment, serverTimestamp, setDoc, writeBatch} from 'firebase/firestore';

// LAR_RULES_FILE: scripts/rules-mutations.mjs runs these tests against altered copies.
export const rules = readFileSync(
  process.env.LAR_RULES_FILE ?? new URL('../../firestore.rules', import.meta.url),
  'utf8',
);

/** A number the rules define as `function name() { return N; }`; test/model/limits.test.ts ties them to the client. */
export function ruleNumber(name) {
  const match = new RegExp(`function ${name}\\(\\) \\{ return (\\d+); \\}`).exec(rules);
  if (!match) throw new Error(`firestore.rules defines no ${name}()`);
  return Number(match[1]);
}

export const LIMITS = Object.fromEntries(
  ['bodyMax', 'nameMax', 'emailMax', 'urlMax', 'pageUrlMax', 'pageTitleMax', 'linksMax'].map((n) => [n, ruleNumber(n)]),
);
export const DEFAULTS = {
  linkLimit: ruleNumber('defaultLinkLimit'),
  editWindowMinutes: ruleNumber('defaultEditWindowMinutes'),
  postIntervalSeconds: ruleNumber('defaultPostIntervalSeconds'),
};

export const THREAD = 'thread-her';
export const PAGE = {url: 'https://blog.example/her-review', title: 'Film Review for Her'};

const signedInAs = (provider) => ({firebase: {sign_in_provider: provider, identities: {}}});

/**
 * Starts the environment for one test file (its own project) and clears its data before each
 * test. Returns accessors; use them inside tests only.
 */
export function useRulesEnvironment(projectId) {
  const holder = {env: undefined};
  before(async () => {
    holder.env = await initializeTestEnvironment({projectId, firestore: {rules}});
  });
  after(async () => {
    await holder.env?.cleanup();
  });
  beforeEach(async () => {
    await holder.env.clearFirestore();
  });
  const env = () => holder.env;
  return {
    env,
    /** A guest: Firebase anonymous sign-in. */
    guest: (uid) => env().authenticatedContext(uid, signedInAs('anonymous')).firestore(),
    viaGoogle: (uid) => env().authenticatedContext(uid, signedInAs('google.com')).firestore(),
    signedOut: () => env().unauthenticatedContext().firestore(),
    /** Writes with the rules off: the state a test starts from. */
    admin: (write) => env().withSecurityRulesDisabled((context) => write(context.firestore())),
  };
}

/** A new comment as the stores write it (a reply's root is its parent unless given). */
export function comment(uid, changes = {}) {
  return {
    parentId: null,
    rootId: typeof changes.parentId === 'string' ? changes.parentId : null,
    body: 'A film about loneliness.',
    author: {uid, name: 'Samantha', provider: 'guest'},
    createdAt: serverTimestamp(),
    status: 'published',
    likeCount: 0,
    ...changes,
  };
}

/**
 * The batch a post writes (the Firestore store's post): the comment; the thread with its counts
 * naming it (url, title and createdAt when it is new); the author's rate-limit stamp in
 * posters/{uid} [+ their private email]. Options break one part at a time: `stamp: false` leaves
 * the stamp out, `stampUid` stamps someone else's document, `stampValue` writes another value.
 */
export function post(
  db,
  {
    commentId = 'c1',
    threadId = THREAD,
    commentData,
    asNew = true,
    thread = {},
    stamp = true,
    stampUid,
    stampValue,
    email,
  } = {},
) {
  const batch = writeBatch(db);
  const uid = stampUid ?? commentData.author.uid;
  batch.set(doc(db, 'threads', threadId, 'comments', commentId), commentData);
  const isPending = commentData.status === 'pending';
  batch.set(
    doc(db, 'threads', threadId),
    {
      commentCount: increment(isPending ? 0 : 1),
      ...(isPending ? {pendingCount: increment(1)} : {}),
      lastCommentId: commentId,
      ...(asNew ? {...PAGE, createdAt: serverTimestamp()} : {}),
      ...thread,
    },
    {merge: true},
  );
  if (stamp) batch.set(doc(db, 'posters', uid), {postedAt: stampValue ?? serverTimestamp()}, {merge: true});
  if (email) batch.set(doc(db, 'users', commentData.author.uid, 'private', 'profile'), {email}, {merge: true});
  return batch.commit();
}

/** An account's rate-limit stamps as a test starts from them (e.g. {postedAt: secondsFromNow(-3)}). */
export const seedStamps = (admin, uid, stamps) => admin((db) => setDoc(doc(db, 'posters', uid), stamps));

/** A moment `seconds` from now (negative: in the past), as a server Timestamp. */
export const secondsFromNow = (seconds) => Timestamp.fromMillis(Date.now() + seconds * 1000);

/**
 * A thread as the rules leave it after comments were posted: `comments` maps ids to changes of
 * a published comment by alice (e.g. {status: 'pending'}); the counts match their statuses.
 */
export async function seedThread(admin, {thread = {}, comments = {c1: {}}} = {}) {
  await admin(async (db) => {
    const statuses = [];
    for (const [id, changes] of Object.entries(comments)) {
      const data = {...comment('alice'), createdAt: secondsFromNow(-60), ...changes};
      statuses.push(data.status);
      await setDoc(doc(db, 'threads', THREAD, 'comments', id), data);
    }
    await setDoc(doc(db, 'threads', THREAD), {
      ...PAGE,
      createdAt: secondsFromNow(-3600),
      commentCount: statuses.filter((s) => s === 'published').length,
      pendingCount: statuses.filter((s) => s === 'pending').length,
      lastCommentId: Object.keys(comments).at(-1) ?? 'none',
      ...thread,
    });
  });
}

export const makeModerator = (admin, uid) => admin((db) => setDoc(doc(db, 'admins', uid), {since: Timestamp.now()}));
export const configureSite = (admin, settings) => admin((db) => setDoc(doc(db, 'config', 'site'), settings));
