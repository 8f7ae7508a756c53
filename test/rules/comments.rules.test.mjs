/**
 * firestore.rules against the Firestore emulator: posting comments, threads, and who reads what.
 * Run by `npm run test:emulators` (scripts/test-emulators.mjs), which starts the emulator and sets
 * FIRESTORE_EMULATOR_HOST; plain Node (`node --test`), no build step.
 *
 * The writes here are the ones FirestoreStore.post makes (one batch: comment + thread + the
 * author's rate-limit stamp [+ profile]), then each is broken in one way to show the rules refuse
 * exactly that. Moderation is in moderation.rules.test.mjs; users, rate limits and site settings
 * in users.rules.test.mjs.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {assertFails, assertSucceeds} from '@firebase/rules-unit-testing';
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
} from 'firebase/firestore';
import {LIMITS, PAGE, THREAD, comment, post, seedThread, useRulesEnvironment} from './helpers.mjs';

describe('firestore.rules: posting and reading', () => {
  const {guest, viaGoogle, signedOut, admin} = useRulesEnvironment('demo-lar-rules-comments');

  describe('posting a comment', () => {
    it('allows a guest’s first comment, creating its thread', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
    });

    it('allows the batch with the guest’s email in their private profile', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam'), email: 'sam@her.example'}));
    });

    it('allows a comment on an existing thread, counting it', async () => {
      await seedThread(admin);
      await assertSucceeds(post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: false}));
    });

    it('allows a reply to a comment of the thread', async () => {
      await seedThread(admin);
      await assertSucceeds(
        post(guest('sam'), {commentId: 'c2', commentData: comment('sam', {parentId: 'c1'}), asNew: false}),
      );
    });

    it('allows a website and a Gravatar', async () => {
      const author = {
        uid: 'sam',
        name: 'Samantha',
        url: 'https://sam.example',
        avatarUrl: `https://gravatar.com/avatar/${'ab'.repeat(32)}?s=96&d=identicon`,
        provider: 'guest',
      };
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {author})}));
    });

    it('allows a Google badge for a reader signed in with Google', async () => {
      await assertSucceeds(
        post(viaGoogle('theo'), {
          commentData: comment('theo', {author: {uid: 'theo', name: 'Theodore', provider: 'google'}}),
        }),
      );
    });

    it('allows a body of exactly bodyMax characters and linksMax links (held as pending)', async () => {
      const links = Array.from({length: LIMITS.linksMax}, (_, i) => `https://l${i}.example`).join(' ');
      const body = links.padEnd(LIMITS.bodyMax, 'x');
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {body, status: 'pending'})}));
    });

    it('denies a signed-out reader', async () => {
      await assertFails(post(signedOut(), {commentData: comment('sam')}));
    });

    it('denies posting under another reader’s uid (a forged author)', async () => {
      // Mallory stamps her own rate-limit time, so only the author is wrong.
      await assertFails(post(guest('mallory'), {commentData: comment('sam'), stampUid: 'mallory'}));
      await assertSucceeds(post(guest('mallory'), {commentData: comment('mallory'), stampUid: 'mallory'}));
    });

    it('denies a guest claiming a Google badge', async () => {
      await assertFails(
        post(guest('sam'), {commentData: comment('sam', {author: {uid: 'sam', name: 'Sam', provider: 'google'}})}),
      );
    });

    it('denies an email inside the comment', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {email: 'sam@her.example'})}));
    });

    it('denies an email inside the author', async () => {
      const author = {uid: 'sam', name: 'Samantha', provider: 'guest', email: 'sam@her.example'};
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author})}));
    });

    it('denies extra fields: pinned, editedAt, anything else', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {pinned: true})}));
      await assertFails(post(guest('sam'), {commentData: comment('sam', {editedAt: serverTimestamp()})}));
      await assertFails(post(guest('sam'), {commentData: comment('sam', {score: 10})}));
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

    it('denies a body over bodyMax characters (an oversized body)', async () => {
      await assertFails(
        post(guest('sam'), {commentData: comment('sam', {body: 'x'.repeat(LIMITS.bodyMax + 1), status: 'pending'})}),
      );
    });

    it('denies a body with more than linksMax links, even as pending', async () => {
      const body = Array.from({length: LIMITS.linksMax + 1}, (_, i) => `HTTP://l${i}.example`).join(' ');
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body, status: 'pending'})}));
    });

    it('denies a body that is not a string', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: 42})}));
    });

    it('denies an empty name, or one over nameMax characters', async () => {
      const author = (name) => ({uid: 'sam', name, provider: 'guest'});
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author: author('  ')})}));
      await assertFails(
        post(guest('sam'), {commentData: comment('sam', {author: author('n'.repeat(LIMITS.nameMax + 1))})}),
      );
    });

    it('denies a website that is not http(s), or over urlMax characters', async () => {
      const author = (url) => ({uid: 'sam', name: 'Sam', url, provider: 'guest'});
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author: author('javascript:alert(1)')})}));
      const long = `https://sam.example/${'p'.repeat(LIMITS.urlMax)}`;
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author: author(long)})}));
    });

    it('denies a creation time chosen by the client (a forged timestamp)', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {createdAt: Timestamp.fromMillis(0)})}));
      await assertFails(
        post(guest('sam'), {commentData: comment('sam', {createdAt: Timestamp.fromMillis(Date.now() + 86_400_000)})}),
      );
    });

    it('allows pending, and denies hidden or deleted, at creation', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {status: 'pending'})}));
      await assertFails(
        post(guest('ann'), {commentId: 'c2', asNew: false, commentData: comment('ann', {status: 'hidden'})}),
      );
      await assertFails(
        post(guest('ann'), {commentId: 'c2', asNew: false, commentData: comment('ann', {status: 'deleted'})}),
      );
    });

    it('a reply names its top-level comment: the parent’s root, or the parent when top-level', async () => {
      await seedThread(admin, {comments: {c1: {}, r1: {parentId: 'c1', rootId: 'c1'}, legacy: {parentId: 'c1'}}});
      const reply = (id, parentId, rootId) =>
        post(guest(`u-${id}`), {commentId: id, commentData: comment(`u-${id}`, {parentId, rootId}), asNew: false});
      await assertFails(reply('x1', 'r1', 'r1'), 'a reply to a reply named its parent as root');
      await assertFails(reply('x2', 'c1', null), 'a reply without a root');
      await assertFails(reply('x3', 'c1', 'elsewhere'), 'a root of its own choosing');
      await assertFails(
        post(guest('u-x4'), {commentId: 'x4', commentData: comment('u-x4', {rootId: 'c1'}), asNew: false}),
        'a top-level comment with a root',
      );
      await assertSucceeds(reply('ok1', 'r1', 'c1'), 'under the reply, rooted at the top');
      await assertSucceeds(reply('ok2', 'c1', 'c1'), 'under the top-level comment');
      // A parent stored before comments named their root is taken as the root.
      await assertSucceeds(reply('ok3', 'legacy', 'legacy'), 'under a reply stored without a root');
    });

    it('denies a reply to a comment that does not exist, or a parentId that is not a string', async () => {
      await seedThread(admin);
      await assertFails(
        post(guest('sam'), {commentId: 'c2', commentData: comment('sam', {parentId: 'nope'}), asNew: false}),
      );
      await assertFails(
        post(guest('sam'), {commentId: 'c2', commentData: comment('sam', {parentId: 7}), asNew: false}),
      );
    });

    it('denies a comment without its thread’s count going up', async () => {
      const db = guest('sam');
      await assertFails(setDoc(doc(db, 'threads', THREAD, 'comments', 'c1'), comment('sam')));
    });

    it('denies counting two for one comment', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam'), thread: {commentCount: increment(2)}}));
    });

    it('denies a pending comment counted as published, or a published one as pending', async () => {
      await assertFails(
        post(guest('sam'), {
          commentData: comment('sam', {status: 'pending'}),
          thread: {commentCount: increment(1), pendingCount: increment(0)},
        }),
      );
      await assertFails(
        post(guest('sam'), {
          commentData: comment('sam'),
          thread: {commentCount: increment(0), pendingCount: increment(1)},
        }),
      );
    });

    it('denies a pending count that does not go up by one for a pending comment', async () => {
      await assertFails(
        post(guest('sam'), {commentData: comment('sam', {status: 'pending'}), thread: {pendingCount: increment(2)}}),
      );
    });

    it('denies a thread naming another comment as its latest', async () => {
      await seedThread(admin);
      await assertFails(
        post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: false, thread: {lastCommentId: 'c1'}}),
      );
    });

    it('denies a comment on a locked thread, even a moderator’s', async () => {
      await seedThread(admin, {thread: {locked: true}});
      await assertFails(post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: false}));
      await assertFails(
        post(guest('sam'), {commentId: 'c2', commentData: comment('sam', {status: 'pending'}), asNew: false}),
      );
    });
  });

  describe('threads', () => {
    it('lets anyone read a thread', async () => {
      await seedThread(admin);
      await assertSucceeds(getDoc(doc(signedOut(), 'threads', THREAD)));
    });

    it('denies bumping the count without a comment', async () => {
      await seedThread(admin);
      await assertFails(
        updateDoc(doc(guest('sam'), 'threads', THREAD), {commentCount: increment(1), lastCommentId: 'c9'}),
      );
      await assertFails(
        updateDoc(doc(guest('sam'), 'threads', THREAD), {commentCount: increment(-1), lastCommentId: 'c1'}),
      );
    });

    it('denies creating a thread without a comment', async () => {
      await assertFails(
        setDoc(doc(guest('sam'), 'threads', THREAD), {
          ...PAGE,
          createdAt: serverTimestamp(),
          commentCount: 1,
          lastCommentId: 'c1',
        }),
      );
    });

    it('denies rewriting the creation time of an existing thread', async () => {
      await seedThread(admin);
      await assertFails(post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: true}));
    });

    it('denies a new thread without a creation time, or with one of the client’s choosing', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam'), asNew: false}));
      await assertFails(
        post(guest('sam'), {commentData: comment('sam'), thread: {createdAt: Timestamp.fromMillis(0)}}),
      );
    });

    it('denies changing a thread’s page without a comment', async () => {
      await seedThread(admin);
      await assertFails(updateDoc(doc(guest('sam'), 'threads', THREAD), {title: 'Spam', lastCommentId: 'c1'}));
      await assertFails(updateDoc(doc(guest('sam'), 'threads', THREAD), {title: 'Spam'}));
    });

    it('denies a reader locking or unlocking a thread', async () => {
      await seedThread(admin, {thread: {locked: true}});
      await assertFails(
        post(guest('sam'), {commentId: 'c2', commentData: comment('sam'), asNew: false, thread: {locked: false}}),
      );
      await assertFails(updateDoc(doc(guest('sam'), 'threads', THREAD), {locked: false}));
      await assertFails(
        setDoc(doc(guest('sam'), 'threads', 'other'), {
          ...PAGE,
          createdAt: serverTimestamp(),
          commentCount: 0,
          locked: true,
        }),
      );
    });

    it('denies a page title over pageTitleMax or a page URL over pageUrlMax characters', async () => {
      await assertFails(
        post(guest('sam'), {commentData: comment('sam'), thread: {title: 't'.repeat(LIMITS.pageTitleMax + 1)}}),
      );
      await assertFails(
        post(guest('sam'), {
          commentData: comment('sam'),
          thread: {url: `https://b.example/${'u'.repeat(LIMITS.pageUrlMax)}`},
        }),
      );
      await seedThread(admin);
      await assertFails(
        post(guest('sam'), {
          commentId: 'c2',
          asNew: false,
          commentData: comment('sam'),
          thread: {title: 't'.repeat(LIMITS.pageTitleMax + 1)},
        }),
      );
    });

    it('denies a thread id outside the page-id alphabet', async () => {
      await assertFails(post(guest('sam'), {threadId: 'has spaces', commentData: comment('sam')}));
    });

    it('denies extra fields on a thread', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam'), thread: {featured: true}}));
      await seedThread(admin);
      await assertFails(
        post(guest('sam'), {commentId: 'c2', asNew: false, commentData: comment('sam'), thread: {featured: true}}),
      );
    });

    it('denies deleting a thread', async () => {
      await seedThread(admin);
      await assertFails(deleteDoc(doc(guest('alice'), 'threads', THREAD)));
    });
  });

  describe('reading comments', () => {
    const comments = (db) => collection(db, 'threads', THREAD, 'comments');
    const seedStatuses = () =>
      seedThread(admin, {
        comments: {
          c1: {},
          pending1: {status: 'pending'},
          hidden1: {status: 'hidden'},
          deleted1: {status: 'deleted', body: ''},
        },
      });

    it('lets anyone query the published comments, oldest or newest first', async () => {
      await seedStatuses();
      for (const direction of ['asc', 'desc']) {
        await assertSucceeds(
          getDocs(
            query(
              comments(signedOut()),
              where('status', '==', 'published'),
              orderBy('createdAt', direction),
              limit(20),
            ),
          ),
        );
      }
      await assertSucceeds(getDoc(doc(signedOut(), 'threads', THREAD, 'comments', 'c1')));
    });

    it('lets anyone query a page as the widget does: top-level comments, then the replies under them', async () => {
      await seedStatuses();
      for (const direction of ['asc', 'desc']) {
        await assertSucceeds(
          getDocs(
            query(
              comments(signedOut()),
              where('parentId', '==', null),
              where('status', 'in', ['published', 'deleted']),
              orderBy('createdAt', direction),
              limit(20),
            ),
          ),
        );
      }
      const replies = await assertSucceeds(
        getDocs(
          query(
            comments(signedOut()),
            where('rootId', 'in', [
              'c1',
              'x2',
              'x3',
              'x4',
              'x5',
              'x6',
              'x7',
              'x8',
              'x9',
              'x10',
              'x11',
              'x12',
              'x13',
              'x14',
              'x15',
            ]),
            where('status', 'in', ['published', 'deleted']),
            orderBy('createdAt'),
          ),
        ),
      );
      assert.equal(replies.size, 0);
    });

    it('lets anyone read a deleted comment: a placeholder, emptied and nameless', async () => {
      await seedStatuses();
      const deleted = await assertSucceeds(getDoc(doc(signedOut(), 'threads', THREAD, 'comments', 'deleted1')));
      assert.equal(deleted.get('body'), '');
    });

    it('denies a query that does not ask for published (or deleted) comments only', async () => {
      await seedStatuses();
      await assertFails(getDocs(query(comments(signedOut()), orderBy('createdAt'))));
      await assertFails(getDocs(query(comments(guest('sam')), where('status', '==', 'pending'))));
      await assertFails(
        getDocs(query(comments(guest('sam')), where('status', 'in', ['published', 'hidden']), orderBy('createdAt'))),
      );
    });

    it('denies reading someone else’s pending or hidden comment', async () => {
      await seedStatuses();
      for (const id of ['pending1', 'hidden1']) {
        await assertFails(getDoc(doc(signedOut(), 'threads', THREAD, 'comments', id)));
        await assertFails(getDoc(doc(guest('sam'), 'threads', THREAD, 'comments', id)));
      }
    });

    it('lets an author read and query their own pending comments', async () => {
      await seedStatuses();
      await assertSucceeds(getDoc(doc(guest('alice'), 'threads', THREAD, 'comments', 'pending1')));
      await assertSucceeds(
        getDocs(
          query(
            comments(guest('alice')),
            where('author.uid', '==', 'alice'),
            where('status', '==', 'pending'),
            orderBy('createdAt'),
          ),
        ),
      );
      await assertFails(
        getDocs(query(comments(guest('sam')), where('author.uid', '==', 'alice'), where('status', '==', 'pending'))),
      );
    });

    it('lets anyone learn that a comment does not exist (yet)', async () => {
      // A view follows the comment it is posting before the write reaches the server.
      await assertSucceeds(getDoc(doc(signedOut(), 'threads', THREAD, 'comments', 'not-yet')));
      await assertSucceeds(getDoc(doc(guest('sam'), 'threads', THREAD, 'comments', 'not-yet')));
    });

    it('denies deleting a comment outright, even one’s own', async () => {
      await seedThread(admin);
      await assertFails(deleteDoc(doc(guest('alice'), 'threads', THREAD, 'comments', 'c1')));
    });
  });

  describe('everything else', () => {
    it('denies anything the rules do not mention', async () => {
      await assertFails(getDoc(doc(signedOut(), 'config', 'other')));
      await assertFails(setDoc(doc(guest('sam'), 'anything', 'else'), {a: 1}));
      await assertFails(getDocs(collection(guest('sam'), 'users')));
    });
  });
});
