/**
 * firestore.rules against the Firestore emulator, one test per allow and deny.
 * Run by `npm run test:emulators` (scripts/test-emulators.mjs), which starts the emulators and
 * sets FIRESTORE_EMULATOR_HOST; plain Node (`node --test`), no build step.
 *
 * The writes here are the ones FirestoreStore.post makes (one batch: comment + thread
 * [+ profile]), then each is broken in one way to show the rules refuse exactly that.
 */
import {readFileSync} from 'node:fs';
import {after, before, beforeEach, describe, it} from 'node:test';
import {assertFails, assertSucceeds, initializeTestEnvironment} from '@firebase/rules-unit-testing';
import {
  Timestamp,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  increment,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  writeBatch,
} from 'firebase/firestore';

const rules = readFileSync(new URL('../../firestore.rules', import.meta.url), 'utf8');
// The same numbers the rules use; test/rules-limits.test.ts ties them to src/model/limits.ts.
const ruleLimit = (name) => Number(new RegExp(`function ${name}\\(\\) \\{ return (\\d+); \\}`).exec(rules)[1]);
const LIMITS = Object.fromEntries(
  ['bodyMax', 'nameMax', 'emailMax', 'urlMax', 'pageUrlMax', 'pageTitleMax', 'linksMax'].map((n) => [n, ruleLimit(n)]),
);

const THREAD = 'thread-her';
const PAGE = {url: 'https://blog.example/her-review', title: 'Film Review for Her'};
const signedInAs = (provider) => ({firebase: {sign_in_provider: provider, identities: {}}});

let env;
const guest = (uid) => env.authenticatedContext(uid, signedInAs('anonymous')).firestore();
const viaGoogle = (uid) => env.authenticatedContext(uid, signedInAs('google.com')).firestore();
const signedOut = () => env.unauthenticatedContext().firestore();

function comment(uid, changes = {}) {
  return {
    parentId: null,
    body: 'A film about loneliness.',
    author: {uid, name: 'Samantha', provider: 'guest'},
    createdAt: serverTimestamp(),
    status: 'published',
    ...changes,
  };
}

/** The batch FirestoreStore.post writes; `thread` and `commentData` let a test break one part. */
function post(db, {commentId = 'c1', threadId = THREAD, commentData, asNew = true, thread = {}, email} = {}) {
  const batch = writeBatch(db);
  batch.set(doc(db, 'threads', threadId, 'comments', commentId), commentData);
  batch.set(
    doc(db, 'threads', threadId),
    {...PAGE, commentCount: increment(1), lastCommentId: commentId, ...(asNew ? {createdAt: serverTimestamp()} : {}), ...thread},
    {merge: true},
  );
  if (email) batch.set(doc(db, 'users', commentData.author.uid, 'private', 'profile'), {email}, {merge: true});
  return batch.commit();
}

/** A thread with one comment (c1 by alice), written with the rules off. */
async function seedThread(extra = {}) {
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore();
    await setDoc(doc(db, 'threads', THREAD), {...PAGE, createdAt: Timestamp.now(), commentCount: 1, lastCommentId: 'c1', ...extra});
    await setDoc(doc(db, 'threads', THREAD, 'comments', 'c1'), {...comment('alice'), createdAt: Timestamp.now()});
    await setDoc(doc(db, 'threads', THREAD, 'comments', 'hidden1'), {
      ...comment('alice'),
      createdAt: Timestamp.now(),
      status: 'hidden',
    });
  });
}

describe('firestore.rules', () => {
  before(async () => {
    env = await initializeTestEnvironment({projectId: 'demo-lar', firestore: {rules}});
  });
  after(async () => {
    await env?.cleanup();
  });
  beforeEach(async () => {
    await env.clearFirestore();
  });

  describe('posting a comment', () => {
    it('allows a guest’s first comment, creating its thread', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
    });

    it('allows the batch with the guest’s email in their private profile', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam'), email: 'sam@her.example'}));
    });

    it('allows a comment on an existing thread, counting it', async () => {
      await seedThread();
      await assertSucceeds(post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: false}));
    });

    it('allows a reply to a comment of the thread', async () => {
      await seedThread();
      await assertSucceeds(post(guest('sam'), {commentId: 'c2', commentData: comment('sam', {parentId: 'c1'}), asNew: false}));
    });

    it('allows a website and an avatar', async () => {
      const author = {uid: 'sam', name: 'Samantha', url: 'https://sam.example', avatarUrl: 'https://sam.example/a.png', provider: 'guest'};
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {author})}));
    });

    it('allows a Google badge for a reader signed in with Google', async () => {
      await assertSucceeds(
        post(viaGoogle('theo'), {commentData: comment('theo', {author: {uid: 'theo', name: 'Theodore', provider: 'google'}})}),
      );
    });

    it('allows a body of exactly bodyMax characters and linksMax links', async () => {
      const links = Array.from({length: LIMITS.linksMax}, (_, i) => `https://l${i}.example`).join(' ');
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {body: links.padEnd(LIMITS.bodyMax, 'x')})}));
    });

    it('denies a signed-out reader', async () => {
      await assertFails(post(signedOut(), {commentData: comment('sam')}));
    });

    it('denies posting under another reader’s uid', async () => {
      await assertFails(post(guest('mallory'), {commentData: comment('sam')}));
    });

    it('denies a guest claiming a Google badge', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author: {uid: 'sam', name: 'Sam', provider: 'google'}})}));
    });

    it('denies an email inside the comment', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {email: 'sam@her.example'})}));
    });

    it('denies an email inside the author', async () => {
      const author = {uid: 'sam', name: 'Samantha', provider: 'guest', email: 'sam@her.example'};
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author})}));
    });

    it('denies a comment missing a field', async () => {
      const withoutParent = comment('sam');
      delete withoutParent.parentId;
      await assertFails(post(guest('sam'), {commentData: withoutParent}));
    });

    it('denies an empty or blank body', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: ''})}));
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: ' \n\t '})}));
    });

    it('denies a body over bodyMax characters', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: 'x'.repeat(LIMITS.bodyMax + 1)})}));
    });

    it('denies a body with more than linksMax links', async () => {
      const body = Array.from({length: LIMITS.linksMax + 1}, (_, i) => `HTTP://l${i}.example`).join(' ');
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body})}));
    });

    it('denies a body that is not a string', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: 42})}));
    });

    it('denies an empty name, or one over nameMax characters', async () => {
      const author = (name) => ({uid: 'sam', name, provider: 'guest'});
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author: author('  ')})}));
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author: author('n'.repeat(LIMITS.nameMax + 1))})}));
    });

    it('denies a website that is not http(s), or over urlMax characters', async () => {
      const author = (url) => ({uid: 'sam', name: 'Sam', url, provider: 'guest'});
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author: author('javascript:alert(1)')})}));
      const long = `https://sam.example/${'p'.repeat(LIMITS.urlMax)}`;
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author: author(long)})}));
    });

    it('denies a creation time chosen by the client', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {createdAt: Timestamp.fromMillis(0)})}));
    });

    it('denies a status other than published', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {status: 'pending'})}));
      await assertFails(post(guest('sam'), {commentData: comment('sam', {status: 'hidden'})}));
    });

    it('denies a reply to a comment that does not exist, or a parentId that is not a string', async () => {
      await seedThread();
      await assertFails(post(guest('sam'), {commentId: 'c2', commentData: comment('sam', {parentId: 'nope'}), asNew: false}));
      await assertFails(post(guest('sam'), {commentId: 'c2', commentData: comment('sam', {parentId: 7}), asNew: false}));
    });

    it('denies a comment without its thread’s count going up', async () => {
      const db = guest('sam');
      await assertFails(setDoc(doc(db, 'threads', THREAD, 'comments', 'c1'), comment('sam')));
    });

    it('denies counting two for one comment', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam'), thread: {commentCount: increment(2)}}));
    });

    it('denies a thread naming another comment as its latest', async () => {
      await seedThread();
      await assertFails(post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: false, thread: {lastCommentId: 'c1'}}));
    });

    it('denies a comment on a locked thread', async () => {
      await seedThread({locked: true});
      await assertFails(post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: false}));
    });
  });

  describe('threads', () => {
    it('lets anyone read a thread', async () => {
      await seedThread();
      await assertSucceeds(getDoc(doc(signedOut(), 'threads', THREAD)));
    });

    it('denies bumping the count without a comment', async () => {
      await seedThread();
      await assertFails(updateDoc(doc(guest('sam'), 'threads', THREAD), {commentCount: increment(1), lastCommentId: 'c9'}));
    });

    it('denies creating a thread without a comment', async () => {
      await assertFails(setDoc(doc(guest('sam'), 'threads', THREAD), {...PAGE, createdAt: serverTimestamp(), commentCount: 1, lastCommentId: 'c1'}));
    });

    it('denies rewriting the creation time of an existing thread', async () => {
      await seedThread();
      await assertFails(post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: true}));
    });

    it('denies a new thread without a creation time', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam'), asNew: false}));
    });

    it('denies locking or unlocking a thread', async () => {
      await seedThread({locked: true});
      await assertFails(post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: false, thread: {locked: false}}));
      await assertFails(updateDoc(doc(guest('sam'), 'threads', THREAD), {locked: false}));
    });

    it('denies a page title over pageTitleMax or a page URL over pageUrlMax characters', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam'), thread: {title: 't'.repeat(LIMITS.pageTitleMax + 1)}}));
      await assertFails(post(guest('sam'), {commentData: comment('sam'), thread: {url: `https://b.example/${'u'.repeat(LIMITS.pageUrlMax)}`}}));
    });

    it('denies a thread id outside the page-id alphabet', async () => {
      await assertFails(post(guest('sam'), {threadId: 'has spaces', commentData: comment('sam')}));
    });

    it('denies deleting a thread', async () => {
      await seedThread();
      await assertFails(deleteDoc(doc(guest('alice'), 'threads', THREAD)));
    });
  });

  describe('reading and changing comments', () => {
    it('lets anyone query the published comments, oldest or newest first', async () => {
      await seedThread();
      const comments = collection(signedOut(), 'threads', THREAD, 'comments');
      for (const direction of ['asc', 'desc']) {
        await assertSucceeds(getDocs(query(comments, where('status', '==', 'published'), orderBy('createdAt', direction), limit(20))));
      }
    });

    it('denies a query that does not ask for published comments only', async () => {
      await seedThread();
      await assertFails(getDocs(query(collection(signedOut(), 'threads', THREAD, 'comments'), orderBy('createdAt'))));
    });

    it('denies reading a hidden comment', async () => {
      await seedThread();
      await assertFails(getDoc(doc(signedOut(), 'threads', THREAD, 'comments', 'hidden1')));
      await assertFails(getDoc(doc(guest('alice'), 'threads', THREAD, 'comments', 'hidden1')));
    });

    it('denies editing or deleting a comment (not yet allowed to anyone)', async () => {
      await seedThread();
      await assertFails(updateDoc(doc(guest('alice'), 'threads', THREAD, 'comments', 'c1'), {body: 'Edited'}));
      await assertFails(deleteDoc(doc(guest('alice'), 'threads', THREAD, 'comments', 'c1')));
    });
  });

  describe('a guest’s private profile', () => {
    const profile = (db, uid) => doc(db, 'users', uid, 'private', 'profile');

    it('lets its owner write and read their email', async () => {
      await assertSucceeds(setDoc(profile(guest('sam'), 'sam'), {email: 'sam@her.example'}));
      await assertSucceeds(getDoc(profile(guest('sam'), 'sam')));
    });

    it('denies anyone else reading or writing it', async () => {
      await env.withSecurityRulesDisabled((context) => setDoc(profile(context.firestore(), 'sam'), {email: 'sam@her.example'}));
      await assertFails(getDoc(profile(guest('mallory'), 'sam')));
      await assertFails(getDoc(profile(signedOut(), 'sam')));
      await assertFails(setDoc(profile(guest('mallory'), 'sam'), {email: 'mallory@evil.example'}));
    });

    it('denies other fields, a malformed email, or one over emailMax characters', async () => {
      await assertFails(setDoc(profile(guest('sam'), 'sam'), {email: 'sam@her.example', name: 'Samantha'}));
      await assertFails(setDoc(profile(guest('sam'), 'sam'), {email: 'not-an-email'}));
      await assertFails(setDoc(profile(guest('sam'), 'sam'), {email: `${'s'.repeat(LIMITS.emailMax)}@her.example`}));
    });
  });

  describe('moderators and everything else', () => {
    it('lets a moderator see their own admin record, and nobody else', async () => {
      await env.withSecurityRulesDisabled((context) => setDoc(doc(context.firestore(), 'admins', 'mod'), {since: Timestamp.now()}));
      await assertSucceeds(getDoc(doc(guest('mod'), 'admins', 'mod')));
      await assertFails(getDoc(doc(guest('sam'), 'admins', 'mod')));
      await assertFails(getDocs(collection(guest('mod'), 'admins')));
    });

    it('denies making oneself a moderator', async () => {
      await assertFails(setDoc(doc(guest('sam'), 'admins', 'sam'), {since: serverTimestamp()}));
    });

    it('denies anything the rules do not mention', async () => {
      await assertFails(getDoc(doc(signedOut(), 'config', 'site')));
      await assertFails(setDoc(doc(guest('sam'), 'anything', 'else'), {a: 1}));
    });
  });
});
