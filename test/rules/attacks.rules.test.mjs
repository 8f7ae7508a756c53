/**
 * firestore.rules attacked as a reader with the Firebase SDK would attack them, from the console
 * and not through the widget: several accounts working together, volume, and input built to
 * deceive. Every attack comes with the legitimate write next to it, which must still succeed (a
 * rule that refused everything would pass the attack alone). The classes of issue 12; the rest of
 * the rules are in the other *.rules.test.mjs files.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {assertFails, assertSucceeds} from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
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

const GRAVATAR = `https://gravatar.com/avatar/${'0123456789abcdef'.repeat(4)}?s=96&d=identicon`;
const next = (uid, id, changes = {}) => ({commentId: id, asNew: false, commentData: comment(uid, changes)});
const guestAuthor = (uid, changes = {}) => ({uid, name: 'Samantha', provider: 'guest', ...changes});

describe('firestore.rules under attack', () => {
  const {guest, viaGoogle, signedOut, admin} = useRulesEnvironment('demo-lar-rules-attacks');

  describe('a second account cannot lift the rate limit', () => {
    it('two accounts alternating cannot clear each other’s stamps', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
      // Ann posts, and in the same batch tries to remove, back-date or reset Sam's stamp.
      const annPosts = (id, extra) => {
        const db = guest('ann');
        const batch = writeBatch(db);
        batch.set(doc(db, 'threads', THREAD, 'comments', id), comment('ann'));
        batch.set(doc(db, 'threads', THREAD), {commentCount: 2, lastCommentId: id}, {merge: true});
        batch.set(doc(db, 'posters', 'ann'), {postedAt: serverTimestamp()}, {merge: true});
        extra?.(batch, db);
        return batch.commit();
      };
      await assertFails(annPosts('a1', (batch, db) => batch.delete(doc(db, 'posters', 'sam'))));
      await assertFails(
        annPosts('a1', (batch, db) => batch.set(doc(db, 'posters', 'sam'), {postedAt: secondsFromNow(-3600)})),
      );
      await assertFails(
        annPosts('a1', (batch, db) => batch.update(doc(db, 'posters', 'sam'), {postedAt: deleteField()})),
      );
      await assertSucceeds(annPosts('a1'));
      // Sam, right after Ann: still inside his interval.
      await assertFails(post(guest('sam'), next('sam', 's2', {body: 'Again'})));
    });

    it('a helper account’s edits between posts do not reset anyone’s limit', async () => {
      await seedThread(admin, {comments: {h1: {author: guestAuthor('helper')}}});
      await assertSucceeds(post(guest('sam'), next('sam', 's1')));
      const db = guest('helper');
      const batch = writeBatch(db);
      batch.update(doc(db, 'threads', THREAD, 'comments', 'h1'), {body: 'Edited', editedAt: serverTimestamp()});
      batch.update(doc(db, 'threads', THREAD), {lastCommentId: 'h1', changedAt: serverTimestamp()});
      batch.set(doc(db, 'posters', 'helper'), {editedAt: serverTimestamp()}, {merge: true});
      await assertSucceeds(batch.commit());
      await assertFails(post(guest('sam'), next('sam', 's2')));
    });

    it('nobody deletes their own stamp to post sooner', async () => {
      await seedStamps(admin, 'sam', {postedAt: secondsFromNow(-1)});
      await assertFails(deleteDoc(doc(guest('sam'), 'posters', 'sam')));
      await assertFails(setDoc(doc(guest('sam'), 'posters', 'sam'), {}));
      await assertFails(post(guest('sam'), {commentData: comment('sam')}));
      await seedStamps(admin, 'sam', {postedAt: secondsFromNow(-DEFAULTS.postIntervalSeconds - 1)});
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
    });
  });

  describe('no thread can be jammed or made heavy', () => {
    it('a thread document takes no per-reader data, the old `posters` map included', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam'), thread: {posters: {sam: serverTimestamp()}}}));
      await assertFails(post(guest('sam'), {commentData: comment('sam'), thread: {junk: 'x'.repeat(1000)}}));
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
      await assertFails(post(guest('ann'), {...next('ann', 'a1'), thread: {posters: {ann: serverTimestamp()}}}));
    });

    it('after 40 readers have posted, the thread is as small as after one, and a moderator can still close it', async () => {
      await assertSucceeds(post(guest('reader-0'), {commentData: comment('reader-0')}));
      let first;
      await admin(async (db) => (first = (await getDoc(doc(db, 'threads', THREAD))).data()));
      for (let i = 1; i < 40; i++) {
        await assertSucceeds(
          post(guest(`reader-${i}`), next(`reader-${i}`, `c${i + 1}`, {status: i % 2 ? 'pending' : 'published'})),
        );
      }
      let data;
      await admin(async (db) => (data = (await getDoc(doc(db, 'threads', THREAD))).data()));
      assert.deepEqual(Object.keys(data).sort(), [...Object.keys(first), 'pendingCount'].sort());
      assert.equal(JSON.stringify(data).includes('reader-3'), false, 'no poster is named in the thread');
      await makeModerator(admin, 'mod');
      await assertSucceeds(updateDoc(doc(viaGoogle('mod'), 'threads', THREAD), {locked: true}));
    });
  });

  describe('public documents publish nothing private', () => {
    it('signed out, the thread list names no poster, and nobody’s stamps can be read', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {status: 'pending'})}));
      const threads = await assertSucceeds(getDocs(collection(signedOut(), 'threads')));
      assert.equal(threads.size, 1);
      assert.equal(JSON.stringify(threads.docs.map((d) => d.data())).includes('sam'), false);
      await assertFails(getDocs(collection(signedOut(), 'posters')));
      await assertFails(getDoc(doc(signedOut(), 'posters', 'sam')));
      await assertFails(getDoc(doc(guest('ann'), 'posters', 'sam')));
      await assertSucceeds(getDoc(doc(guest('sam'), 'posters', 'sam')));
    });
  });

  describe('pictures readers load', () => {
    const withAvatar = (uid, avatarUrl, provider = 'guest') =>
      comment(uid, {author: {uid, name: 'Samantha', provider, avatarUrl}});

    it('a guest cannot make readers load a URL of their choosing', async () => {
      for (const url of [
        'https://tracker.example/pixel.gif',
        'http://gravatar.com/avatar/x',
        'https://192.168.1.1/a.png',
        'https://lh3.googleusercontent.com/a/photo',
        `${GRAVATAR}&tracker=1`,
        GRAVATAR.replace('gravatar.com', 'gravatar.com.evil.example'),
      ]) {
        await assertFails(post(guest('sam'), {commentData: withAvatar('sam', url)}));
      }
      await assertSucceeds(post(guest('sam'), {commentData: withAvatar('sam', GRAVATAR)}));
    });

    it('a site that turned Gravatar off gets no Gravatar either', async () => {
      await configureSite(admin, {gravatar: false});
      await assertFails(post(guest('sam'), {commentData: withAvatar('sam', GRAVATAR)}));
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
    });

    it('an account’s photo comes from its provider’s image host only', async () => {
      await assertFails(
        post(viaGoogle('theo'), {commentData: withAvatar('theo', 'https://tracker.example/t.png', 'google')}),
      );
      await assertFails(
        post(viaGoogle('theo'), {
          commentData: withAvatar('theo', 'https://lh3.googleusercontent.com.evil.example/a', 'google'),
        }),
      );
      await assertFails(post(viaGoogle('theo'), {commentData: withAvatar('theo', GRAVATAR, 'google')}));
      await assertSucceeds(
        post(viaGoogle('theo'), {
          commentData: withAvatar('theo', 'https://lh3.googleusercontent.com/a/ACg8oc=s96-c', 'google'),
        }),
      );
    });
  });

  describe('names and bodies that hide or turn', () => {
    const named = (uid, name, changes = {}) => comment(uid, {author: guestAuthor(uid, {name}), ...changes});

    it('refuses a name that reorders its text (U+202E "Site Admin")', async () => {
      await assertFails(post(guest('sam'), {commentData: named('sam', '\u202Enimda etiS')}));
      await assertFails(post(guest('sam'), {commentData: named('sam', 'Sam\u2066 (moderator)')}));
      await assertFails(
        post(guest('sam'), {
          commentData: comment('sam', {author: guestAuthor('sam', {url: 'https://a.example/\u202Efdp.exe'})}),
        }),
      );
      // Right-to-left names are welcome; their marks (U+200F) reorder nothing.
      await assertSucceeds(post(guest('sam'), {commentData: named('sam', 'عائشة\u200F')}));
    });

    it('refuses a name that shows nothing', async () => {
      for (const name of [
        '\u200B\u200B',
        '\u3164',
        '\u2800\u2800',
        '\u00AD',
        ' \u200D ',
        '\u115F\u1160',
        '\uFFA0',
        '\u034F',
        '\uFE0F',
        '\u17B4',
        '\u0300\u0301 ',
      ]) {
        await assertFails(post(guest('sam'), {commentData: named('sam', name)}), JSON.stringify(name));
      }
      // Marks on a letter show: a decomposed é, Vietnamese, Devanagari (each the first post of its
      // account, in a thread of its own).
      for (const [i, name] of ['ジョナス', 'Rene\u0301e', 'Nguye\u0302\u0303n', 'कि'].entries()) {
        const uid = `marks${i}`;
        await assertSucceeds(post(guest(uid), {threadId: `marks-${i}`, commentData: named(uid, name)}));
      }
    });

    it('refuses a body that shows nothing or reorders its text', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: '\u200B\u2800\u3164'})}));
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: '\u0300\n\u034F'})}));
      await assertFails(post(guest('sam'), {commentData: comment('sam', {body: 'fine \u202Eenif'})}));
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam', {body: 'Ça me touche. שלום. 👍'})}));
    });

    it('finds a banned word behind a soft hyphen, a joiner, a look-alike letter, or in the website', async () => {
      await configureSite(admin, {bannedWords: ['Casino']});
      const tries = [
        comment('sam', {body: 'Free cas\u00ADino chips'}),
        comment('sam', {body: 'Free cas\u200Dino chips'}),
        comment('sam', {body: 'Free cas\u200Bino chips'}),
        comment('sam', {body: 'Free саsinо chips'}), // Cyrillic с, а, о
        comment('sam', {body: 'Free CΑSΙΝΟ chips'}), // Greek capitals
        comment('sam', {author: guestAuthor('sam', {url: 'https://best-casino.example'})}),
        comment('sam', {author: guestAuthor('sam', {name: 'Cаsino King'})}),
      ];
      const published = [];
      for (const [i, data] of tries.entries()) {
        const uid = `s${i}`;
        const mine = {...data, author: {...data.author, uid}};
        const where = {commentId: `c${i}`, asNew: i === 0};
        if (
          await post(guest(uid), {...where, commentData: mine}).then(
            () => true,
            () => false,
          )
        )
          published.push(i);
        else await assertSucceeds(post(guest(uid), {...where, commentData: {...mine, status: 'pending'}}));
      }
      assert.deepEqual(published, [], 'tries published without review');
      await assertSucceeds(
        post(guest('ok'), {
          commentId: 'ok',
          asNew: false,
          commentData: comment('ok', {body: 'A casual night at the cinema'}),
        }),
      );
    });
  });

  describe('replies', () => {
    it('answer only a comment readers can see', async () => {
      await seedThread(admin, {
        comments: {pub: {}, pend: {status: 'pending'}, hid: {status: 'hidden'}, del: {status: 'deleted', body: ''}},
      });
      for (const parentId of ['pend', 'hid', 'del', 'missing']) {
        await assertFails(post(guest(`r-${parentId}`), next(`r-${parentId}`, `re-${parentId}`, {parentId})), parentId);
      }
      await assertSucceeds(post(guest('sam'), next('sam', 're-pub', {parentId: 'pub'})));
    });
  });

  describe('edits', () => {
    const edit = (uid, id, body) => {
      const db = guest(uid);
      const batch = writeBatch(db);
      batch.update(doc(db, 'threads', THREAD, 'comments', id), {body, editedAt: serverTimestamp()});
      batch.update(doc(db, 'threads', THREAD), {lastCommentId: id, changedAt: serverTimestamp()});
      batch.set(doc(db, 'posters', uid), {editedAt: serverTimestamp()}, {merge: true});
      return batch.commit();
    };

    it('come at most one per editIntervalSeconds per account, each stamped', async () => {
      await seedThread(admin, {comments: {c1: {author: guestAuthor('sam')}, c2: {author: guestAuthor('sam')}}});
      await assertSucceeds(edit('sam', 'c1', 'First fix'));
      await assertFails(edit('sam', 'c1', 'Second fix'));
      // Another of one's comments is no way round it.
      await assertFails(edit('sam', 'c2', 'Other fix'));
      // Without the stamp, no edit at all.
      const db = guest('sam');
      const batch = writeBatch(db);
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c2'), {body: 'Sneaky', editedAt: serverTimestamp()});
      batch.update(doc(db, 'threads', THREAD), {lastCommentId: 'c2', changedAt: serverTimestamp()});
      await assertFails(batch.commit());
      await seedStamps(admin, 'sam', {editedAt: secondsFromNow(-LIMITS.editIntervalSeconds - 1)});
      await assertSucceeds(edit('sam', 'c2', 'Later fix'));
    });
  });

  describe('a thread’s url and title', () => {
    it('are set by its first comment; readers cannot rewrite them later, a moderator can', async () => {
      await seedThread(admin, {comments: {c1: {author: guestAuthor('sam')}}});
      await assertFails(
        post(guest('ann'), {...next('ann', 'a1'), thread: {title: 'Buy pills', url: 'https://spam.example'}}),
      );
      await assertFails(post(guest('ann'), {...next('ann', 'a1'), thread: {title: 'Buy pills'}}));
      const db = guest('sam');
      const batch = writeBatch(db);
      batch.update(doc(db, 'threads', THREAD, 'comments', 'c1'), {body: 'Edited', editedAt: serverTimestamp()});
      batch.update(doc(db, 'threads', THREAD), {lastCommentId: 'c1', changedAt: serverTimestamp(), title: 'Mine now'});
      batch.set(doc(db, 'posters', 'sam'), {editedAt: serverTimestamp()}, {merge: true});
      await assertFails(batch.commit());
      await assertSucceeds(post(guest('ann'), next('ann', 'a1')));
      await makeModerator(admin, 'mod');
      await assertSucceeds(updateDoc(doc(viaGoogle('mod'), 'threads', THREAD), {title: 'Film Review for Her (2013)'}));
      await assertFails(
        updateDoc(doc(viaGoogle('mod'), 'threads', THREAD), {title: 'x'.repeat(LIMITS.pageTitleMax + 1)}),
      );
    });
  });
});
