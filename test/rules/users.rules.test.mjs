/**
 * firestore.rules against the Firestore emulator: the rate limit (each account, site-wide),
 * the users/{uid} record, private profiles, moderators' records and the site settings. See
 * comments.rules.test.mjs for how these run.
 */
import {describe, it} from 'node:test';
import {assertFails, assertSucceeds} from '@firebase/rules-unit-testing';
import {collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc} from 'firebase/firestore';
import {
  DEFAULTS,
  LIMITS,
  comment,
  configureSite,
  makeModerator,
  post,
  secondsFromNow,
  seedStamps,
  seedThread,
  useRulesEnvironment,
} from './helpers.mjs';

describe('firestore.rules: readers, moderators and the site', () => {
  const {guest, viaGoogle, signedOut, admin} = useRulesEnvironment('demo-lar-rules-users');
  /** A thread with a comment, and `uid`'s last post at `time` (their posters/{uid} stamp). */
  const stampOf = async (uid, time) => {
    await seedThread(admin);
    await seedStamps(admin, uid, {postedAt: time});
  };
  const next = (uid, changes = {}) => ({commentId: 'c2', asNew: false, commentData: comment(uid, changes)});

  describe('rate limit (per account, across the whole site)', () => {
    it('refuses the second of two comments in a burst, in one thread or in another', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
      await assertFails(post(guest('sam'), next('sam', {body: 'And again!'})));
      // Holding it for review does not help.
      await assertFails(post(guest('sam'), next('sam', {status: 'pending'})));
      // Nor does another page: the stamp is the account's, site-wide.
      await assertFails(
        post(guest('sam'), {threadId: 'other-thread', commentData: comment('sam', {body: 'Elsewhere'})}),
      );
    });

    it('accepts the next comment once the interval has passed', async () => {
      await stampOf('sam', secondsFromNow(-DEFAULTS.postIntervalSeconds - 1));
      await assertSucceeds(post(guest('sam'), next('sam')));
    });

    it('refuses a comment inside the interval', async () => {
      await stampOf('sam', secondsFromNow(-Math.max(1, DEFAULTS.postIntervalSeconds - 5)));
      await assertFails(post(guest('sam'), next('sam')));
    });

    it('follows the site’s own interval', async () => {
      await configureSite(admin, {postIntervalSeconds: 3600});
      await stampOf('sam', secondsFromNow(-600));
      await assertFails(post(guest('sam'), next('sam')));
      await configureSite(admin, {postIntervalSeconds: 0});
      await assertSucceeds(post(guest('sam'), next('sam')));
      await assertSucceeds(
        post(guest('sam'), {commentId: 'c3', asNew: false, commentData: comment('sam', {body: 'Quick follow-up'})}),
      );
    });

    it('keeps other readers apart', async () => {
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
      await assertSucceeds(post(guest('ann'), next('ann')));
    });

    it('requires the stamp, at the time of the write, with every comment', async () => {
      await assertFails(post(guest('sam'), {commentData: comment('sam'), stamp: false}));
      await assertFails(post(guest('sam'), {commentData: comment('sam'), stampValue: secondsFromNow(-3600)}));
      await assertSucceeds(post(guest('sam'), {commentData: comment('sam')}));
    });
  });

  describe('posters/{uid}: an account’s stamps', () => {
    it('are readable by their account only, and by nobody signed out', async () => {
      await seedStamps(admin, 'sam', {postedAt: secondsFromNow(-60)});
      await assertSucceeds(getDoc(doc(guest('sam'), 'posters', 'sam')));
      await assertFails(getDoc(doc(guest('mallory'), 'posters', 'sam')));
      await assertFails(getDoc(doc(signedOut(), 'posters', 'sam')));
      await assertFails(getDocs(collection(signedOut(), 'posters')));
      await assertFails(getDocs(collection(guest('sam'), 'posters')));
    });

    it('are written by their account only, to the time of the write, and never removed', async () => {
      await seedStamps(admin, 'sam', {postedAt: secondsFromNow(-60)});
      await assertFails(setDoc(doc(guest('mallory'), 'posters', 'sam'), {postedAt: serverTimestamp()}));
      await assertFails(deleteDoc(doc(guest('sam'), 'posters', 'sam')));
      await assertFails(deleteDoc(doc(guest('mallory'), 'posters', 'sam')));
      await assertFails(setDoc(doc(guest('sam'), 'posters', 'sam'), {postedAt: secondsFromNow(-3600)}));
      await assertFails(setDoc(doc(guest('sam'), 'posters', 'sam'), {postedAt: serverTimestamp(), note: 'x'}));
      await assertFails(updateDoc(doc(guest('sam'), 'posters', 'sam'), {editedAt: secondsFromNow(-3600)}));
      // Stamping oneself without posting only delays oneself: allowed.
      await assertSucceeds(setDoc(doc(guest('sam'), 'posters', 'sam'), {postedAt: serverTimestamp()}));
    });
  });

  describe('users/{uid}', () => {
    const user = (db, uid) => doc(db, 'users', uid);

    const approvedRecord = (uid) => admin((db) => setDoc(doc(db, 'users', uid), {approved: true}));

    it('lets its owner read it, and nobody else', async () => {
      await approvedRecord('sam');
      await assertSucceeds(getDoc(user(guest('sam'), 'sam')));
      await assertFails(getDoc(user(guest('mallory'), 'sam')));
      await assertFails(getDoc(user(signedOut(), 'sam')));
    });

    it('denies readers writing it, their own included (no self-approval)', async () => {
      await assertFails(setDoc(user(guest('sam'), 'sam'), {approved: true}));
      await assertFails(setDoc(user(guest('sam'), 'sam'), {nickname: 'Sam'}));
      await approvedRecord('sam');
      await assertFails(updateDoc(user(guest('sam'), 'sam'), {approved: false}));
      await assertFails(setDoc(user(guest('mallory'), 'sam'), {approved: false}));
    });

    it('lets a moderator mark a reader approved, and nothing else', async () => {
      await makeModerator(admin, 'mod');
      await assertSucceeds(setDoc(user(viaGoogle('mod'), 'new-reader'), {approved: true}));
      await approvedRecord('sam');
      await assertSucceeds(setDoc(user(viaGoogle('mod'), 'sam'), {approved: false}, {merge: true}));
      await assertFails(setDoc(user(viaGoogle('mod'), 'sam'), {nickname: 'Sam'}, {merge: true}));
      await assertFails(setDoc(user(viaGoogle('mod'), 'sam'), {approved: 'yes'}, {merge: true}));
      await assertFails(setDoc(user(viaGoogle('mod'), 'other'), {approved: true, nickname: 'Other'}));
    });
  });

  describe('a guest’s private profile', () => {
    const profile = (db, uid) => doc(db, 'users', uid, 'private', 'profile');

    it('lets its owner write and read their email', async () => {
      await assertSucceeds(setDoc(profile(guest('sam'), 'sam'), {email: 'sam@her.example'}));
      await assertSucceeds(getDoc(profile(guest('sam'), 'sam')));
    });

    it('denies anyone else, moderators included, reading or writing it', async () => {
      await admin((db) => setDoc(profile(db, 'sam'), {email: 'sam@her.example'}));
      await makeModerator(admin, 'mod');
      await assertFails(getDoc(profile(guest('mallory'), 'sam')));
      await assertFails(getDoc(profile(viaGoogle('mod'), 'sam')));
      await assertFails(getDoc(profile(signedOut(), 'sam')));
      await assertFails(setDoc(profile(guest('mallory'), 'sam'), {email: 'mallory@evil.example'}));
    });

    it('denies other fields, a malformed email, or one over emailMax characters', async () => {
      await assertFails(setDoc(profile(guest('sam'), 'sam'), {email: 'sam@her.example', name: 'Samantha'}));
      await assertFails(setDoc(profile(guest('sam'), 'sam'), {email: 'not-an-email'}));
      await assertFails(setDoc(profile(guest('sam'), 'sam'), {email: `${'s'.repeat(LIMITS.emailMax)}@her.example`}));
    });
  });

  describe('moderators’ records', () => {
    it('lets a moderator see their own admin record, and nobody else', async () => {
      await makeModerator(admin, 'mod');
      await assertSucceeds(getDoc(doc(guest('mod'), 'admins', 'mod')));
      await assertFails(getDoc(doc(guest('sam'), 'admins', 'mod')));
      await assertFails(getDocs(collection(guest('mod'), 'admins')));
    });

    it('denies making oneself a moderator, even as one', async () => {
      await assertFails(setDoc(doc(guest('sam'), 'admins', 'sam'), {since: serverTimestamp()}));
      await makeModerator(admin, 'mod');
      await assertFails(setDoc(doc(viaGoogle('mod'), 'admins', 'sam'), {since: serverTimestamp()}));
    });
  });

  describe('config/site', () => {
    it('lets anyone read it', async () => {
      await configureSite(admin, {moderation: 'first-time'});
      await assertSucceeds(getDoc(doc(signedOut(), 'config', 'site')));
    });

    it('denies writing it from a browser, even a moderator’s', async () => {
      await makeModerator(admin, 'mod');
      await assertFails(setDoc(doc(guest('sam'), 'config', 'site'), {moderation: 'open'}));
      await assertFails(setDoc(doc(viaGoogle('mod'), 'config', 'site'), {moderation: 'open'}));
    });
  });
});
