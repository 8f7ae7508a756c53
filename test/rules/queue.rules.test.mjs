/**
 * firestore.rules against the Firestore emulator: the site-wide moderation queue (a
 * collection-group query over every thread's comments, for moderators only) and blocked
 * authors (users/{uid}.blocked, set by moderators: the account may no longer post or edit).
 * See comments.rules.test.mjs for how these run.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {assertFails, assertSucceeds} from '@firebase/rules-unit-testing';
import {
  collection,
  collectionGroup,
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
import {
  THREAD,
  comment,
  configureSite,
  makeModerator,
  post,
  secondsFromNow,
  seedThread,
  useRulesEnvironment,
} from './helpers.mjs';

const OTHER_THREAD = 'thread-arrival';

/** The queue's query: one status, every thread, newest first (firestore-moderation-queue.ts). */
const queueQuery = (db, status = 'pending') =>
  query(collectionGroup(db, 'comments'), where('status', '==', status), orderBy('createdAt', 'desc'), limit(20));

/** The batch an author's edit writes: the new body stamped editedAt, the thread naming it, their edit stamp. */
function edit(db, uid, id = 'c1') {
  const batch = writeBatch(db);
  batch.update(doc(db, 'threads', THREAD, 'comments', id), {body: 'Second thoughts.', editedAt: serverTimestamp()});
  batch.update(doc(db, 'threads', THREAD), {lastCommentId: id, changedAt: serverTimestamp()});
  batch.set(doc(db, 'posters', uid), {editedAt: serverTimestamp()}, {merge: true});
  return batch.commit();
}

/** The batch an author's soft delete of their published comment writes. */
function softDelete(db, uid, id = 'c1') {
  const batch = writeBatch(db);
  batch.update(doc(db, 'threads', THREAD, 'comments', id), {
    status: 'deleted',
    body: '',
    author: {uid, name: '', provider: 'guest'},
  });
  batch.update(doc(db, 'threads', THREAD), {
    commentCount: increment(-1),
    lastCommentId: id,
    changedAt: serverTimestamp(),
  });
  return batch.commit();
}

describe('firestore.rules: the moderation queue and blocked authors', () => {
  const {guest, viaGoogle, signedOut, admin} = useRulesEnvironment('demo-lar-rules-queue');
  const mod = () => viaGoogle('mod');
  const block = (db, uid, blocked = true) => setDoc(doc(db, 'users', uid), {blocked}, {merge: true});
  /** A post by `uid` in the seeded thread (not its first comment). */
  const next = (uid, changes = {}) => ({commentId: `by-${uid}`, asNew: false, commentData: comment(uid, changes)});

  /** Two threads with comments in every status a queue filters by. */
  async function seedTwoThreads() {
    await seedThread(admin, {comments: {c1: {}, p1: {status: 'pending'}, h1: {status: 'hidden'}}});
    await admin(async (db) => {
      await setDoc(doc(db, 'threads', OTHER_THREAD), {
        url: 'https://blog.example/arrival',
        title: 'Arrival',
        createdAt: secondsFromNow(-3600),
        commentCount: 0,
        pendingCount: 1,
        lastCommentId: 'p2',
      });
      await setDoc(doc(db, 'threads', OTHER_THREAD, 'comments', 'p2'), {
        ...comment('bob', {status: 'pending', body: 'Held elsewhere.'}),
        createdAt: secondsFromNow(-30),
      });
    });
    await makeModerator(admin, 'mod');
  }

  describe('a collection-group query over every thread’s comments', () => {
    it('lets a moderator list every thread’s pending comments, newest first, in one query', async () => {
      await seedTwoThreads();
      const snapshot = await assertSucceeds(getDocs(queueQuery(mod())));
      assert.deepEqual(
        snapshot.docs.map((d) => [d.ref.parent.parent.id, d.id]),
        [
          [OTHER_THREAD, 'p2'],
          [THREAD, 'p1'],
        ],
      );
      await assertSucceeds(getDocs(queueQuery(mod(), 'hidden')));
      await assertSucceeds(
        getDocs(
          query(
            collectionGroup(mod(), 'comments'),
            where('author.uid', '==', 'alice'),
            where('status', '==', 'pending'),
            orderBy('createdAt', 'desc'),
          ),
        ),
      );
    });

    it('refuses it to everyone else, even for published comments only', async () => {
      await seedTwoThreads();
      const published = (db) => getDocs(query(collectionGroup(db, 'comments'), where('status', '==', 'published')));
      for (const db of [guest('sam'), viaGoogle('someone'), signedOut()]) {
        await assertFails(published(db));
        await assertFails(getDocs(queueQuery(db)));
        await assertFails(getDocs(query(collectionGroup(db, 'comments'), where('author.uid', '==', 'alice'))));
      }
      // Not even for their own comments.
      await assertFails(
        getDocs(
          query(
            collectionGroup(guest('alice'), 'comments'),
            where('author.uid', '==', 'alice'),
            where('status', '==', 'pending'),
          ),
        ),
      );
    });

    it('leaves reading one thread as it was', async () => {
      await seedTwoThreads();
      const comments = (db) => collection(db, 'threads', THREAD, 'comments');
      await assertSucceeds(getDocs(query(comments(guest('sam')), where('status', 'in', ['published', 'deleted']))));
      await assertFails(getDocs(query(comments(guest('sam')), where('status', '==', 'pending'))));
      await assertFails(getDoc(doc(guest('sam'), 'threads', THREAD, 'comments', 'p1')));
      await assertSucceeds(getDoc(doc(guest('alice'), 'threads', THREAD, 'comments', 'p1')));
      await assertSucceeds(getDocs(query(comments(mod()), where('status', '==', 'pending'))));
    });
  });

  describe('blocking an author (users/{uid}.blocked)', () => {
    it('is a moderator’s to set and to lift, next to approved', async () => {
      await makeModerator(admin, 'mod');
      await assertSucceeds(block(mod(), 'sam'));
      await assertSucceeds(setDoc(doc(mod(), 'users', 'sam'), {approved: true}, {merge: true}));
      await assertSucceeds(block(mod(), 'sam', false));
      await assertSucceeds(setDoc(doc(mod(), 'users', 'ann'), {approved: true, blocked: true}));
      let record;
      await admin(async (db) => (record = (await getDoc(doc(db, 'users', 'sam'))).data()));
      assert.deepEqual(record, {approved: true, blocked: false});
    });

    it('takes only true or false', async () => {
      await makeModerator(admin, 'mod');
      await assertFails(setDoc(doc(mod(), 'users', 'sam'), {blocked: 'yes'}));
      await assertSucceeds(block(mod(), 'sam'));
      await assertFails(updateDoc(doc(mod(), 'users', 'sam'), {blocked: 1}));
    });

    it('is nobody else’s: an author cannot lift their own block, nor block someone', async () => {
      await makeModerator(admin, 'mod');
      await assertSucceeds(block(mod(), 'sam'));
      await assertFails(block(guest('sam'), 'sam', false));
      await assertFails(updateDoc(doc(guest('sam'), 'users', 'sam'), {blocked: false}));
      await assertFails(block(guest('sam'), 'ann'));
      await assertFails(block(viaGoogle('someone'), 'ann'));
      await assertFails(block(signedOut(), 'ann'));
    });

    it('refuses a blocked account’s new comments, published or pending, in any thread', async () => {
      await seedThread(admin);
      await makeModerator(admin, 'mod');
      await assertSucceeds(block(mod(), 'sam'));
      await assertFails(post(guest('sam'), next('sam')));
      await assertFails(post(guest('sam'), next('sam', {status: 'pending'})));
      await assertFails(post(guest('sam'), next('sam', {parentId: 'c1'})));
      await assertFails(
        post(guest('sam'), {threadId: 'elsewhere', commentData: comment('sam', {body: 'A new page, same me.'})}),
      );
      // Others post as before.
      await assertSucceeds(post(guest('ann'), next('ann')));
    });

    it('lets them post again once the block is lifted', async () => {
      await seedThread(admin);
      await makeModerator(admin, 'mod');
      await assertSucceeds(block(mod(), 'sam'));
      await assertFails(post(guest('sam'), next('sam')));
      await assertSucceeds(block(mod(), 'sam', false));
      await assertSucceeds(post(guest('sam'), next('sam')));
    });

    it('refuses a blocked author’s edits, but lets them delete their own comment', async () => {
      await seedThread(admin);
      await makeModerator(admin, 'mod');
      await assertSucceeds(edit(guest('alice'), 'alice'));
      await admin((db) => setDoc(doc(db, 'posters', 'alice'), {editedAt: secondsFromNow(-60)}));
      await assertSucceeds(block(mod(), 'alice'));
      await assertFails(edit(guest('alice'), 'alice'));
      await assertSucceeds(softDelete(guest('alice'), 'alice'));
    });

    it('still fits the rules’ document reads on the heaviest post: a reply, first-time review, an approved author', async () => {
      // Every get()/exists() a post can need: config/site, admins, users (approved and blocked
      // share it), the parent, the thread before and after, the poster's stamps before and after.
      await seedThread(admin);
      await configureSite(admin, {moderation: 'first-time', bannedWords: ['casino']});
      await admin((db) => setDoc(doc(db, 'users', 'sam'), {approved: true, blocked: false}));
      await admin((db) => setDoc(doc(db, 'posters', 'sam'), {postedAt: secondsFromNow(-3600)}));
      await assertSucceeds(post(guest('sam'), {...next('sam', {parentId: 'c1'}), email: 'sam@her.example'}));
      await admin((db) => setDoc(doc(db, 'users', 'ann'), {approved: true, blocked: true}));
      await assertFails(post(guest('ann'), next('ann', {parentId: 'c1'})));
    });
  });
});
