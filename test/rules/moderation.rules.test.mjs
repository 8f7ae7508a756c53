/**
 * firestore.rules against the Firestore emulator: what must wait for review (config/site), authors'
 * edits and deletes, and moderators' powers. See comments.rules.test.mjs for how these run.
 */
import {describe, it} from 'node:test';
import {assertFails, assertSucceeds} from '@firebase/rules-unit-testing';
import {
  Timestamp,
  collection,
  doc,
  getDoc,
  getDocs,
  increment,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  writeBatch,
} from 'firebase/firestore';
import {
  DEFAULTS,
  LIMITS,
  THREAD,
  comment,
  configureSite,
  makeModerator,
  post,
  secondsFromNow,
  seedStamps,
  seedThread,
  useRulesEnvironment,
} from './helpers.mjs';

const published = (status) => (status === 'published' ? 1 : 0);
const pending = (status) => (status === 'pending' ? 1 : 0);
const links = (n) => Array.from({length: n}, (_, i) => `https://l${i}.example`).join(' ');

/**
 * The batch FirestoreStore writes to change comment `id` (status `was`): the comment's changes,
 * and the thread naming it, stamped changedAt (polling views see the change), with its counts
 * when the status moves one. `thread: false` leaves the thread out; `threadChanges` replaces
 * what the thread gets; `stampEdit` stamps that account's edit.
 */
function change(db, id, changes, {was = 'published', thread = true, threadChanges, extra, stampEdit} = {}) {
  const now = changes.status ?? was;
  const batch = writeBatch(db);
  batch.update(doc(db, 'threads', THREAD, 'comments', id), changes);
  const moves = published(now) !== published(was) || pending(now) !== pending(was);
  if (thread) {
    batch.update(
      doc(db, 'threads', THREAD),
      threadChanges ?? {
        ...(moves
          ? {
              commentCount: increment(published(now) - published(was)),
              pendingCount: increment(pending(now) - pending(was)),
            }
          : {}),
        lastCommentId: id,
        changedAt: serverTimestamp(),
      },
    );
  }
  // An author's edit stamps their posters/{uid}.editedAt (the edit interval).
  if (stampEdit) batch.set(doc(db, 'posters', stampEdit), {editedAt: serverTimestamp()}, {merge: true});
  extra?.(batch, db);
  return batch.commit();
}

describe('firestore.rules: moderation', () => {
  const {guest, viaGoogle, signedOut, admin} = useRulesEnvironment('demo-lar-rules-moderation');
  const mod = () => viaGoogle('mod');

  describe('what must wait for review (config/site)', () => {
    it('publishes up to the default link limit at once, and holds a comment with more', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {body: links(DEFAULTS.linkLimit)})}));
      const tooMany = links(DEFAULTS.linkLimit + 1);
      await assertFails(
        post(guest('ann'), {commentId: 'c2', asNew: false, commentData: comment('ann', {body: tooMany})}),
      );
      await assertSucceeds(
        post(guest('ann'), {
          commentId: 'c2',
          asNew: false,
          commentData: comment('ann', {body: tooMany, status: 'pending'}),
        }),
      );
    });

    it('follows the site’s own link limit', async () => {
      await configureSite(admin, {linkLimit: 0});
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: 'See https://her.example'})}));
      await assertSucceeds(
        post(guest('sam'), {commentData: comment('sam', {body: 'See https://her.example', status: 'pending'})}),
      );
    });

    it('holds a comment with a banned word in its body or its author’s name, in any case', async () => {
      await configureSite(admin, {bannedWords: ['casino', 'cheap pills']});
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: 'Best CASINO in town'})}));
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: 'Buy\nCheap Pills'})}));
      const author = {uid: 'sam', name: 'Casino Bob', provider: 'guest'};
      await assertFails(post(guest('sam'), {commentData: comment('sam', {author})}));
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {author, status: 'pending'})}));
    });

    it('reads banned words literally, not as patterns', async () => {
      await configureSite(admin, {bannedWords: ['.*', 'c++']});
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {body: 'Nothing banned here.'})}));
      await assertFails(
        post(guest('ann'), {
          commentId: 'c2',
          asNew: false,
          commentData: comment('ann', {body: 'I write c++ for a living'}),
        }),
      );
    });

    it('holds every comment when moderation is "all", except a moderator’s', async () => {
      await configureSite(admin, {moderation: 'all'});
      await makeModerator(admin, 'mod');
      await assertFails(post(guest('sam'), {commentData: comment('sam')}));
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {status: 'pending'})}));
      const modComment = comment('mod', {author: {uid: 'mod', name: 'The editor', provider: 'google'}});
      await assertSucceeds(post(mod(), {commentId: 'c2', asNew: false, commentData: modComment}));
    });

    it('holds first-time commenters when moderation is "first-time", until a moderator approved one', async () => {
      await configureSite(admin, {moderation: 'first-time'});
      await assertFails(post(guest('sam'), {commentData: comment('sam')}));
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {status: 'pending'})}));
      await admin((db) => setDoc(doc(db, 'users', 'ann'), {approved: true}));
      await assertSucceeds(post(guest('ann'), {commentId: 'c2', asNew: false, commentData: comment('ann')}));
    });

    it('publishes at once when config/site says "open"', async () => {
      await configureSite(admin, {moderation: 'open', bannedWords: []});
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
    });
  });

  describe('the thread names every change, for views that poll it', () => {
    it('takes an edit or a pin naming its comment, stamped with the time of the write', async () => {
      await seedThread(admin);
      await makeModerator(admin, 'mod');
      await assertSucceeds(
        change(guest('alice'), 'c1', {body: 'Second thoughts.', editedAt: serverTimestamp()}, {stampEdit: 'alice'}),
      );
      await assertSucceeds(change(mod(), 'c1', {pinned: true}));
    });

    it('denies naming a comment that does not change in the same write', async () => {
      await seedThread(admin, {comments: {c1: {}, c2: {}}});
      await assertFails(
        updateDoc(doc(guest('alice'), 'threads', THREAD), {lastCommentId: 'c1', changedAt: serverTimestamp()}),
      );
      // An edit of c2 cannot name c1 either.
      await assertFails(
        change(
          guest('alice'),
          'c2',
          {body: 'Second thoughts.', editedAt: serverTimestamp()},
          {threadChanges: {lastCommentId: 'c1', changedAt: serverTimestamp()}, stampEdit: 'alice'},
        ),
      );
    });

    it('denies a changedAt of the client’s choosing', async () => {
      await seedThread(admin);
      await assertFails(
        change(
          guest('alice'),
          'c1',
          {body: 'Second thoughts.', editedAt: serverTimestamp()},
          {threadChanges: {lastCommentId: 'c1', changedAt: secondsFromNow(3600)}, stampEdit: 'alice'},
        ),
      );
    });
  });

  describe('an author editing their comment', () => {
    const edit = (db, changes, options) =>
      change(
        db,
        'c1',
        {body: 'Second thoughts.', editedAt: serverTimestamp(), ...changes},
        {stampEdit: 'alice', ...options},
      );

    it('allows a new body stamped editedAt, within the edit window', async () => {
      await seedThread(admin);
      await assertSucceeds(edit(guest('alice')));
    });

    it('allows editing a pending comment, which stays pending', async () => {
      await seedThread(admin, {comments: {c1: {status: 'pending'}}});
      await assertSucceeds(edit(guest('alice'), {}, {was: 'pending'}));
      // Past the edit interval, so only the status can refuse the next one.
      await seedStamps(admin, 'alice', {editedAt: secondsFromNow(-60)});
      await assertFails(edit(guest('alice'), {body: 'Third thoughts.', status: 'published'}, {was: 'pending'}));
    });

    it('denies an edit by anyone else, or signed out', async () => {
      await seedThread(admin);
      // Mallory stamps her own edit: only the authorship is wrong.
      await assertFails(edit(guest('mallory'), {}, {stampEdit: 'mallory'}));
      await assertFails(edit(signedOut()));
    });

    it('denies an edit after the default edit window', async () => {
      await seedThread(admin, {comments: {c1: {createdAt: secondsFromNow(-DEFAULTS.editWindowMinutes * 60 - 60)}}});
      await assertFails(edit(guest('alice')));
    });

    it('follows the site’s own edit window', async () => {
      await configureSite(admin, {editWindowMinutes: 1});
      await seedThread(admin, {comments: {c1: {createdAt: secondsFromNow(-120)}}});
      await assertFails(edit(guest('alice')));
      await configureSite(admin, {editWindowMinutes: 60});
      await assertSucceeds(edit(guest('alice')));
    });

    it('denies an edit without editedAt, or with a time of the client’s choosing', async () => {
      await seedThread(admin);
      await assertFails(change(guest('alice'), 'c1', {body: 'Quietly changed.'}));
      await assertFails(edit(guest('alice'), {editedAt: Timestamp.fromMillis(Date.now() - 3_600_000)}));
    });

    it('denies rewriting the author, the parent or the creation time', async () => {
      await seedThread(admin, {comments: {c0: {}, c1: {}}});
      await assertFails(edit(guest('alice'), {author: {uid: 'alice', name: 'Someone else', provider: 'guest'}}));
      await assertFails(edit(guest('alice'), {parentId: 'c0'}));
      await assertFails(edit(guest('alice'), {createdAt: serverTimestamp()}));
      await assertFails(
        change(guest('alice'), 'c1', {author: {uid: 'alice', name: 'Someone else', provider: 'guest'}}),
      );
    });

    it('denies an oversized, blank or over-linked body', async () => {
      await seedThread(admin);
      await assertFails(edit(guest('alice'), {body: 'x'.repeat(LIMITS.bodyMax + 1)}));
      await assertFails(edit(guest('alice'), {body: '   '}));
      await assertFails(
        edit(guest('alice'), {body: links(LIMITS.linksMax + 1), status: 'pending'}, {was: 'published'}),
      );
    });

    it('sends a published comment back to review when the edit needs it', async () => {
      await seedThread(admin);
      await assertFails(edit(guest('alice'), {body: links(DEFAULTS.linkLimit + 1)}));
      await assertSucceeds(edit(guest('alice'), {body: links(DEFAULTS.linkLimit + 1), status: 'pending'}));
    });

    it('denies an author hiding, pinning or approving their own comment', async () => {
      await seedThread(admin, {comments: {c1: {}, p1: {status: 'pending'}}});
      await assertFails(change(guest('alice'), 'c1', {status: 'hidden'}));
      await assertFails(change(guest('alice'), 'c1', {pinned: true}));
      await assertFails(change(guest('alice'), 'p1', {status: 'published'}, {was: 'pending'}));
    });

    it('denies editing a hidden or deleted comment', async () => {
      await seedThread(admin, {comments: {c1: {status: 'hidden'}, c2: {status: 'deleted', body: ''}}});
      await assertFails(edit(guest('alice'), {}, {was: 'hidden'}));
      await assertFails(
        change(guest('alice'), 'c2', {body: 'Back again', editedAt: serverTimestamp()}, {was: 'deleted'}),
      );
    });
  });

  describe('soft delete', () => {
    const nameless = {uid: 'alice', name: '', provider: 'guest'};
    const remove = (db, options) => change(db, 'c1', {status: 'deleted', body: '', author: nameless}, options);

    it('lets the author delete their comment, body emptied and counts down, even after the edit window', async () => {
      await seedThread(admin, {comments: {c1: {createdAt: secondsFromNow(-86_400)}}});
      await assertSucceeds(remove(guest('alice')));
    });

    it('lets the author delete their pending comment', async () => {
      await seedThread(admin, {comments: {c1: {status: 'pending'}}});
      await assertSucceeds(remove(guest('alice'), {was: 'pending'}));
    });

    it('denies a delete that keeps the body, the name, the website, or leaves the count', async () => {
      await seedThread(admin, {
        comments: {c1: {author: {uid: 'alice', name: 'Alice', url: 'https://alice.example', provider: 'guest'}}},
      });
      await assertFails(change(guest('alice'), 'c1', {status: 'deleted', author: nameless}));
      await assertFails(change(guest('alice'), 'c1', {status: 'deleted', body: ''}), 'the name kept');
      await assertFails(
        change(guest('alice'), 'c1', {
          status: 'deleted',
          body: '',
          author: {...nameless, url: 'https://alice.example'},
        }),
        'the website kept',
      );
      await assertFails(
        change(guest('alice'), 'c1', {status: 'deleted', body: '', author: {...nameless, uid: 'bob'}}),
        'the uid changed',
      );
      await assertFails(
        change(guest('alice'), 'c1', {status: 'deleted', body: '', author: {...nameless, provider: 'google'}}),
        'the sign-in changed',
      );
      await assertFails(
        change(guest('alice'), 'c1', {status: 'deleted', body: '', author: nameless, rootId: 'elsewhere'}),
        'anything else changed with it',
      );
      await assertFails(
        change(guest('alice'), 'c1', {status: 'deleted', body: '', author: nameless, pinned: true}),
        'a pin slipped in with it',
      );
      await assertSucceeds(remove(guest('alice')), 'the control: body and name gone, uid and sign-in kept');
      await seedThread(admin);
      await assertFails(remove(guest('alice'), {thread: false}));
      await assertFails(remove(guest('alice'), {threadChanges: {commentCount: increment(-2), lastCommentId: 'c1'}}));
    });

    it('denies deleting someone else’s comment', async () => {
      await seedThread(admin);
      await assertFails(remove(guest('mallory')));
    });

    it('lets a moderator delete any comment, and nobody bring it back', async () => {
      await seedThread(admin);
      await makeModerator(admin, 'mod');
      await assertSucceeds(remove(mod()));
      await assertFails(change(mod(), 'c1', {status: 'published'}, {was: 'deleted'}));
      await assertFails(change(guest('alice'), 'c1', {status: 'published', body: 'Back'}, {was: 'deleted'}));
    });
  });

  describe('moderators', () => {
    const seedMix = async () => {
      await seedThread(admin, {comments: {c1: {}, p1: {status: 'pending'}, h1: {status: 'hidden'}}});
      await makeModerator(admin, 'mod');
    };

    it('approve a pending comment, counting it and marking its author approved', async () => {
      await seedMix();
      await assertSucceeds(
        change(
          mod(),
          'p1',
          {status: 'published'},
          {was: 'pending', extra: (b, db) => b.set(doc(db, 'users', 'alice'), {approved: true}, {merge: true})},
        ),
      );
      const thread = await getDoc(doc(mod(), 'threads', THREAD));
      assertCounts(thread.data(), {commentCount: 2, pendingCount: 0});
    });

    it('hide a published comment, and hold or publish a hidden one', async () => {
      await seedMix();
      await assertSucceeds(change(mod(), 'c1', {status: 'hidden'}));
      await assertSucceeds(change(mod(), 'h1', {status: 'pending'}, {was: 'hidden'}));
    });

    it('pin and unpin a comment, naming it in the thread or with no thread write', async () => {
      await seedMix();
      await assertSucceeds(change(mod(), 'c1', {pinned: true}));
      await assertSucceeds(change(mod(), 'c1', {pinned: false}, {thread: false}));
    });

    it('must move the thread’s counts with a status change', async () => {
      await seedMix();
      await assertFails(change(mod(), 'c1', {status: 'hidden'}, {thread: false}));
      await assertFails(
        change(mod(), 'c1', {status: 'hidden'}, {threadChanges: {commentCount: increment(-1), lastCommentId: 'p1'}}),
      );
      // Approving must take one off the pending count as well as add one to the published.
      await assertFails(
        change(
          mod(),
          'p1',
          {status: 'published'},
          {was: 'pending', threadChanges: {commentCount: increment(1), lastCommentId: 'p1'}},
        ),
      );
    });

    it('cannot count two status changes as one', async () => {
      await seedThread(admin, {comments: {c1: {}, c2: {}}});
      await makeModerator(admin, 'mod');
      const db = mod();
      const batch = writeBatch(db);
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c1'), {status: 'hidden'});
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c2'), {status: 'hidden'});
      batch.update(doc(db, 'threads', THREAD), {commentCount: increment(-1), lastCommentId: 'c2'});
      await assertFails(batch.commit());
      await assertSucceeds(change(db, 'c2', {status: 'hidden'}));
    });

    it('cannot rewrite a comment’s body, author or time, or pin with a non-boolean', async () => {
      await seedMix();
      await assertFails(change(mod(), 'c1', {body: 'Moderated words'}));
      await assertFails(change(mod(), 'c1', {author: {uid: 'mod', name: 'Editor', provider: 'google'}}));
      await assertFails(change(mod(), 'c1', {createdAt: serverTimestamp()}));
      await assertFails(change(mod(), 'c1', {pinned: 'yes'}));
      await assertFails(change(mod(), 'c1', {status: 'spam'}));
    });

    it('are the only ones to change status or pinned', async () => {
      await seedMix();
      await assertFails(change(guest('sam'), 'c1', {status: 'hidden'}));
      await assertFails(change(guest('sam'), 'c1', {pinned: true}));
      await assertFails(change(guest('sam'), 'p1', {status: 'published'}, {was: 'pending'}));
    });

    it('read and query pending and hidden comments', async () => {
      await seedMix();
      await assertSucceeds(getDoc(doc(mod(), 'threads', THREAD, 'comments', 'p1')));
      await assertSucceeds(getDoc(doc(mod(), 'threads', THREAD, 'comments', 'h1')));
      const comments = collection(mod(), 'threads', THREAD, 'comments');
      await assertSucceeds(
        getDocs(query(comments, where('status', 'in', ['pending', 'hidden']), orderBy('createdAt', 'desc'))),
      );
      await assertFails(
        getDocs(
          query(collection(guest('sam'), 'threads', THREAD, 'comments'), where('status', 'in', ['pending', 'hidden'])),
        ),
      );
    });

    it('lock and reopen a thread, and lock one nobody has commented on yet', async () => {
      await seedMix();
      await assertSucceeds(updateDoc(doc(mod(), 'threads', THREAD), {locked: true}));
      await assertSucceeds(updateDoc(doc(mod(), 'threads', THREAD), {locked: false}));
      await assertFails(updateDoc(doc(mod(), 'threads', THREAD), {locked: 'yes'}));
      await assertFails(updateDoc(doc(mod(), 'threads', THREAD), {locked: true, commentCount: 0}));
      const fresh = {
        url: 'https://blog.example/new',
        title: 'New',
        createdAt: serverTimestamp(),
        commentCount: 0,
        locked: true,
      };
      await assertSucceeds(setDoc(doc(mod(), 'threads', 'fresh'), fresh));
      await assertFails(setDoc(doc(mod(), 'threads', 'fresh2'), {...fresh, commentCount: 5}));
    });

    it('are only those with an admins/{uid} document', async () => {
      await seedMix();
      await assertFails(change(viaGoogle('someone'), 'c1', {status: 'hidden'}));
      await assertFails(updateDoc(doc(viaGoogle('someone'), 'threads', THREAD), {locked: true}));
    });
  });
});

function assertCounts(data, expected) {
  for (const [key, value] of Object.entries(expected)) {
    if (data[key] !== value) throw new Error(`${key} is ${data[key]}, expected ${value}`);
  }
}
