/**
 * firestore.rules against the Firestore emulator: likes. A reader's likes in a thread are one
 * document of theirs (threads/{t}/likes/{uid}: ids, changed); a comment's likeCount moves by 1
 * only in the batch that adds it to, or removes it from, that document. See
 * comments.rules.test.mjs for how these run.
 */
import {describe, it} from 'node:test';
import {assertFails, assertSucceeds} from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  increment,
  serverTimestamp,
  setDoc,
  updateDoc,
  writeBatch,
} from 'firebase/firestore';
import {THREAD, comment, makeModerator, post, ruleNumber, seedThread, useRulesEnvironment} from './helpers.mjs';

const LIKES_MAX = ruleNumber('likesMax');

/**
 * The batch a like writes (the Firestore store's like): the reader's likes document with `ids`
 * and `changed`, and the comment's count moved by `delta`. Options break one part at a time:
 * `count: false` leaves the comment out, `likes: false` the likes document; `owner` writes
 * another reader's document; `countOf` moves another comment's count.
 */
function like(
  db,
  uid,
  {ids, changed = 'c1', delta = 1, count = true, likes = true, owner = uid, countOf = changed, extra} = {},
) {
  const batch = writeBatch(db);
  if (likes) batch.set(doc(db, 'threads', THREAD, 'likes', owner), {ids, changed, ...extra});
  if (count) batch.update(doc(db, 'threads', THREAD, 'comments', countOf), {likeCount: increment(delta)});
  return batch.commit();
}

describe('firestore.rules: likes', () => {
  const {guest, viaGoogle, signedOut, admin} = useRulesEnvironment('demo-lar-rules-likes');

  /** A thread with published c1 and c2 (c2 with 3 likes), and `likes` as sam's document. */
  async function seed({comments = {c1: {}, c2: {likeCount: 3}}, likes} = {}) {
    await seedThread(admin, {comments});
    if (likes) await admin((db) => setDoc(doc(db, 'threads', THREAD, 'likes', 'sam'), likes));
  }
  async function countOf(id) {
    let count;
    await admin(async (db) => (count = (await getDoc(doc(db, 'threads', THREAD, 'comments', id))).get('likeCount')));
    return count;
  }

  describe('liking and unliking', () => {
    it('allows a reader’s first like: their document names the comment, its count goes up by 1', async () => {
      await seed();
      await assertSucceeds(like(guest('sam'), 'sam', {ids: ['c1']}));
    });

    it('allows a like of a comment stored with a count', async () => {
      await seed();
      await assertSucceeds(like(guest('sam'), 'sam', {ids: ['c2'], changed: 'c2'}));
    });

    it('allows a second comment liked, the first kept', async () => {
      await seed({likes: {ids: ['c1'], changed: 'c1'}, comments: {c1: {likeCount: 1}, c2: {}}});
      await assertSucceeds(like(guest('sam'), 'sam', {ids: ['c1', 'c2'], changed: 'c2'}));
    });

    it('allows an unlike: the id leaves the document, the count goes down by 1', async () => {
      await seed({likes: {ids: ['c1', 'c2'], changed: 'c2'}, comments: {c1: {likeCount: 1}, c2: {likeCount: 1}}});
      await assertSucceeds(like(guest('sam'), 'sam', {ids: ['c2'], changed: 'c1', delta: -1}));
    });

    it('allows a reader signed in with an account, not only guests', async () => {
      await seed();
      await assertSucceeds(like(viaGoogle('theo'), 'theo', {ids: ['c1']}));
    });

    it('allows a document of exactly likesMax ids', async () => {
      const many = Array.from({length: LIKES_MAX - 1}, (_, i) => `x${i}`);
      await seed({likes: {ids: many, changed: 'x0'}});
      await assertSucceeds(like(guest('sam'), 'sam', {ids: [...many, 'c1']}));
    });

    it('denies more than likesMax ids', async () => {
      const many = Array.from({length: LIKES_MAX}, (_, i) => `x${i}`);
      await seed({likes: {ids: many, changed: 'x0'}});
      await assertFails(like(guest('sam'), 'sam', {ids: [...many, 'c1']}));
    });

    it('denies a signed-out reader', async () => {
      await seed();
      await assertFails(like(signedOut(), 'sam', {ids: ['c1']}));
    });
  });

  describe('one like per reader', () => {
    it('denies a second like of the same comment (the id is there already)', async () => {
      await seed({likes: {ids: ['c1'], changed: 'c1'}, comments: {c1: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1']}));
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1', 'c1']}));
    });

    it('denies an unlike of a comment the reader does not like', async () => {
      await seed({comments: {c1: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {ids: [], delta: -1}));
    });

    it('denies a count moved by more than 1', async () => {
      await seed();
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1'], delta: 2}));
    });

    it('denies a count moved the wrong way', async () => {
      await seed({comments: {c1: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1'], delta: -1}));
      await seed({likes: {ids: ['c1'], changed: 'c1'}, comments: {c1: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {ids: [], delta: 1}));
    });

    it('denies a count moved without the reader’s document', async () => {
      await seed();
      await assertFails(like(guest('sam'), 'sam', {likes: false}));
    });

    it('denies a count moved again, without the document, by a reader who likes it already', async () => {
      await seed({likes: {ids: ['c1'], changed: 'c1'}, comments: {c1: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {likes: false}));
    });

    it('denies a count moved while the document names another comment', async () => {
      await seed();
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1', 'c2'], changed: 'c2', countOf: 'c1'}));
    });

    it('denies a document changed without the count: a like, or an unlike', async () => {
      await seed();
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1'], count: false}));
      await seed({likes: {ids: ['c1'], changed: 'c1'}, comments: {c1: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {ids: [], count: false}));
    });

    it('denies two ids added for one count', async () => {
      await seed();
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1', 'c2']}));
    });

    it('denies one id added twice', async () => {
      await seed();
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1', 'c1']}));
    });

    it('denies an id swapped for another beside the like (the size is right, the set is not)', async () => {
      await seed({likes: {ids: ['c2'], changed: 'c2'}, comments: {c1: {}, c2: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1', 'c3']}));
    });

    it('denies a removal of two ids for one count', async () => {
      await seed({likes: {ids: ['c1', 'c2'], changed: 'c2'}, comments: {c1: {likeCount: 1}, c2: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {ids: [], changed: 'c1', delta: -1}));
    });

    it('denies a removal that swaps in another id (the size is right, the set is not)', async () => {
      await seed({likes: {ids: ['c1', 'c2'], changed: 'c1'}, comments: {c1: {likeCount: 1}, c2: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {ids: ['c3'], changed: 'c1', delta: -1}));
    });

    it('denies a removal that leaves an id twice', async () => {
      await seed({likes: {ids: ['c1', 'c2'], changed: 'c1'}, comments: {c1: {likeCount: 1}, c2: {likeCount: 1}}});
      await assertFails(like(guest('sam'), 'sam', {ids: ['c2', 'c2'], changed: 'c1', delta: -1}));
    });

    it('denies other keys in the document', async () => {
      await seed();
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1'], extra: {weight: 10}}));
    });

    it('denies removing the document (it would let the reader like again)', async () => {
      await seed({likes: {ids: ['c1'], changed: 'c1'}, comments: {c1: {likeCount: 1}}});
      await assertFails(deleteDoc(doc(guest('sam'), 'threads', THREAD, 'likes', 'sam')));
    });
  });

  describe('nobody likes for someone else', () => {
    it('denies writing another reader’s document', async () => {
      await seed();
      await assertFails(like(guest('mallory'), 'mallory', {ids: ['c1'], owner: 'sam'}));
    });

    it('denies writing another reader’s document beside one’s own like', async () => {
      await seed();
      const db = guest('mallory');
      const batch = writeBatch(db);
      batch.set(doc(db, 'threads', THREAD, 'likes', 'mallory'), {ids: ['c1'], changed: 'c1'});
      batch.set(doc(db, 'threads', THREAD, 'likes', 'sam'), {ids: ['c1'], changed: 'c1'});
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c1'), {likeCount: increment(1)});
      await assertFails(batch.commit());
    });

    it('denies moving a count with another reader’s document', async () => {
      await seed({likes: {ids: [], changed: 'c2'}});
      // Mallory's batch writes Sam's document; even a moderator may not.
      await makeModerator(admin, 'mod');
      await assertFails(like(viaGoogle('mod'), 'mod', {ids: ['c1'], owner: 'sam'}));
    });

    it('lets only the owner read their document, and nobody list them', async () => {
      await seed({likes: {ids: ['c1'], changed: 'c1'}, comments: {c1: {likeCount: 1}}});
      await assertSucceeds(getDoc(doc(guest('sam'), 'threads', THREAD, 'likes', 'sam')));
      await assertFails(getDoc(doc(guest('mallory'), 'threads', THREAD, 'likes', 'sam')));
      await assertFails(getDoc(doc(signedOut(), 'threads', THREAD, 'likes', 'sam')));
      await assertFails(getDocs(collection(guest('sam'), 'threads', THREAD, 'likes')));
    });
  });

  describe('only published comments, and only the count', () => {
    for (const status of ['pending', 'hidden', 'deleted']) {
      it(`denies a like of a ${status} comment`, async () => {
        await seed({comments: {c1: {status}}});
        await assertFails(like(guest('sam'), 'sam', {ids: ['c1']}));
      });
    }

    it('denies a like that changes anything else of the comment', async () => {
      await seed();
      const db = guest('sam');
      const batch = writeBatch(db);
      batch.set(doc(db, 'threads', THREAD, 'likes', 'sam'), {ids: ['c1'], changed: 'c1'});
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c1'), {likeCount: increment(1), pinned: true});
      await assertFails(batch.commit());
    });

    it('denies a count that is not a whole number', async () => {
      await seed({comments: {c1: {likeCount: 0.5}}});
      await assertFails(like(guest('sam'), 'sam', {ids: ['c1']}));
    });

    it('leaves the thread document out: a like cannot move it (every view would read the page again)', async () => {
      await seed();
      const db = guest('sam');
      const batch = writeBatch(db);
      batch.set(doc(db, 'threads', THREAD, 'likes', 'sam'), {ids: ['c1'], changed: 'c1'});
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c1'), {likeCount: increment(1)});
      batch.update(doc(db, 'threads', THREAD), {lastCommentId: 'c1', changedAt: serverTimestamp()});
      await assertFails(batch.commit());
    });

    it('keeps counts honest across readers: each like adds one', async () => {
      await seed();
      await assertSucceeds(like(guest('sam'), 'sam', {ids: ['c2'], changed: 'c2'}));
      await assertSucceeds(like(guest('theo'), 'theo', {ids: ['c2'], changed: 'c2'}));
      await assertFails(like(guest('theo'), 'theo', {ids: ['c2'], changed: 'c2'}));
      const count = await countOf('c2');
      if (count !== 5) throw new Error(`likeCount is ${count}, not 5`);
    });
  });

  describe('the count elsewhere', () => {
    it('allows a new comment with likeCount 0, and denies one without a count', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {likeCount: 0})}));
      const uncounted = comment('theo');
      delete uncounted.likeCount;
      await assertFails(post(guest('theo'), {commentId: 'c2', commentData: uncounted, asNew: false}));
    });

    it('denies a new comment born with likes', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {likeCount: 5})}));
      await assertFails(post(guest('sam'), {commentData: comment('sam', {likeCount: '0'})}));
    });

    it('denies an author’s edit that moves the count', async () => {
      await seedThread(admin, {comments: {c1: {author: {uid: 'sam', name: 'Sam', provider: 'guest'}}}});
      const db = guest('sam');
      const batch = writeBatch(db);
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c1'), {
        body: 'Edited',
        editedAt: serverTimestamp(),
        likeCount: 50,
      });
      batch.update(doc(db, 'threads', THREAD), {lastCommentId: 'c1', changedAt: serverTimestamp()});
      batch.set(doc(db, 'posters', 'sam'), {editedAt: serverTimestamp()}, {merge: true});
      await assertFails(batch.commit());
    });

    it('denies a delete that moves the count', async () => {
      await seedThread(admin, {comments: {c1: {author: {uid: 'sam', name: 'Sam', provider: 'guest'}}}});
      const db = guest('sam');
      const batch = writeBatch(db);
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c1'), {
        status: 'deleted',
        body: '',
        author: {uid: 'sam', name: '', provider: 'guest'},
        likeCount: 50,
      });
      batch.update(doc(db, 'threads', THREAD), {
        lastCommentId: 'c1',
        commentCount: increment(-1),
        changedAt: serverTimestamp(),
      });
      await assertFails(batch.commit());
    });

    it('denies a moderator setting a count', async () => {
      await seed();
      await makeModerator(admin, 'mod');
      const db = viaGoogle('mod');
      await assertFails(updateDoc(doc(db, 'threads', THREAD, 'comments', 'c1'), {likeCount: 50}));
      const batch = writeBatch(db);
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c1'), {pinned: true, likeCount: 50});
      batch.update(doc(db, 'threads', THREAD), {lastCommentId: 'c1', changedAt: serverTimestamp()});
      await assertFails(batch.commit());
      // The same batch without the count is a moderator's pin: allowed.
      const pin = writeBatch(db);
      pin.update(doc(db, 'threads', THREAD, 'comments', 'c1'), {pinned: true});
      pin.update(doc(db, 'threads', THREAD), {lastCommentId: 'c1', changedAt: serverTimestamp()});
      await assertSucceeds(pin.commit());
    });
  });
});
