/**
 * firestore.rules against the Firestore emulator: subscriptions to a thread's new comments
 * (subscriptions/{threadId}/subscribers/{uid}: "Notify me of new comments via email"), private to
 * the reader who subscribed; the Cloud Functions read them past the rules. And the functions' own
 * collections, which no browser may touch. See comments.rules.test.mjs for how these run.
 */
import {describe, it} from 'node:test';
import {assertFails, assertSucceeds} from '@firebase/rules-unit-testing';
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from 'firebase/firestore';
import {LIMITS, THREAD, makeModerator, secondsFromNow, useRulesEnvironment} from './helpers.mjs';

describe('firestore.rules: subscriptions to new comments', () => {
  const {guest, viaGoogle, signedOut, admin} = useRulesEnvironment('demo-lar-rules-subscriptions');
  const subscription = (db, uid, threadId = THREAD) => doc(db, 'subscriptions', threadId, 'subscribers', uid);
  const subscribe = (db, uid, data = {}, threadId = THREAD) =>
    setDoc(subscription(db, uid, threadId), {email: `${uid}@her.example`, createdAt: serverTimestamp(), ...data});
  /** Sam's subscription as the widget leaves it, written past the rules. */
  const seedSam = () =>
    admin((db) => setDoc(subscription(db, 'sam'), {email: 'sam@her.example', createdAt: secondsFromNow(-60)}));

  describe('its reader', () => {
    it('subscribes, reads it, changes the address and unsubscribes', async () => {
      await assertSucceeds(subscribe(guest('sam'), 'sam'));
      await assertSucceeds(getDoc(subscription(guest('sam'), 'sam')));
      await assertSucceeds(subscribe(guest('sam'), 'sam', {email: 'samantha@her.example'}));
      await assertSucceeds(deleteDoc(subscription(guest('sam'), 'sam')));
    });

    it('subscribes with a provider account too, to any thread of the site', async () => {
      await assertSucceeds(subscribe(viaGoogle('ann'), 'ann', {}, 'thread-arrival'));
      await assertSucceeds(subscribe(viaGoogle('ann'), 'ann', {}, 'page:arrival_2016.html'));
    });
  });

  describe('nobody else', () => {
    it('reads it: not another reader, not a moderator, not signed out', async () => {
      await seedSam();
      await makeModerator(admin, 'mod');
      await assertFails(getDoc(subscription(guest('mallory'), 'sam')));
      await assertFails(getDoc(subscription(viaGoogle('mod'), 'sam')));
      await assertFails(getDoc(subscription(signedOut(), 'sam')));
    });

    it('lists a thread’s subscribers, or every address of the site, even as a subscriber', async () => {
      await seedSam();
      await makeModerator(admin, 'mod');
      await assertFails(getDocs(collection(guest('sam'), 'subscriptions', THREAD, 'subscribers')));
      await assertFails(getDocs(collection(viaGoogle('mod'), 'subscriptions', THREAD, 'subscribers')));
      await assertFails(
        getDocs(query(collectionGroup(guest('sam'), 'subscribers'), where('email', '==', 'sam@her.example'))),
      );
      await assertFails(getDocs(collection(guest('sam'), 'subscriptions')));
    });

    it('writes or deletes it, and nobody subscribes while signed out', async () => {
      await seedSam();
      await assertFails(subscribe(guest('mallory'), 'sam', {email: 'mallory@evil.example'}));
      await assertFails(updateDoc(subscription(guest('mallory'), 'sam'), {email: 'mallory@evil.example'}));
      await assertFails(deleteDoc(subscription(guest('mallory'), 'sam')));
      await assertFails(subscribe(signedOut(), 'sam'));
      await assertFails(deleteDoc(subscription(signedOut(), 'sam')));
    });
  });

  describe('what it holds', () => {
    it('exactly an email and the time of the write', async () => {
      await assertFails(subscribe(guest('sam'), 'sam', {name: 'Samantha'}));
      await assertFails(setDoc(subscription(guest('sam'), 'sam'), {email: 'sam@her.example'}));
      await assertFails(setDoc(subscription(guest('sam'), 'sam'), {createdAt: serverTimestamp()}));
      await assertSucceeds(subscribe(guest('sam'), 'sam'));
    });

    it('a created time that is the time of the write, on every write', async () => {
      await assertFails(subscribe(guest('sam'), 'sam', {createdAt: secondsFromNow(-3600)}));
      await seedSam();
      // Changing the address alone keeps the old time: refused.
      await assertFails(updateDoc(subscription(guest('sam'), 'sam'), {email: 'samantha@her.example'}));
      await assertSucceeds(
        updateDoc(subscription(guest('sam'), 'sam'), {email: 'samantha@her.example', createdAt: serverTimestamp()}),
      );
    });

    it('an address: one @, a dot after it, no spaces or line breaks, at most emailMax characters', async () => {
      for (const email of ['not-an-email', 'sam@her', 'sam @her.example', 'sam@her.example\nBcc: x@evil.example', ''])
        await assertFails(subscribe(guest('sam'), 'sam', {email}), JSON.stringify(email));
      await assertFails(subscribe(guest('sam'), 'sam', {email: ['sam@her.example']}));
      await assertFails(subscribe(guest('sam'), 'sam', {email: 42}));
      const domain = '@her.example';
      await assertFails(
        subscribe(guest('sam'), 'sam', {email: `${'s'.repeat(LIMITS.emailMax + 1 - domain.length)}${domain}`}),
      );
      await assertSucceeds(
        subscribe(guest('sam'), 'sam', {email: `${'s'.repeat(LIMITS.emailMax - domain.length)}${domain}`}),
      );
    });

    it('optionally the language of its e-mails: one of the widget’s six, as a string', async () => {
      for (const lang of ['en', 'fr', 'de', 'es', 'ja', 'ar'])
        await assertSucceeds(subscribe(guest('sam'), 'sam', {lang}), lang);
      await assertSucceeds(subscribe(guest('sam'), 'sam'));
      for (const lang of ['pt', 'EN', 'fr-CA', '', 'en ', 42, ['fr'], null, true])
        await assertFails(subscribe(guest('sam'), 'sam', {lang}), JSON.stringify(lang));
      // Another key next to lang is refused as it is without it.
      await assertFails(subscribe(guest('sam'), 'sam', {lang: 'fr', name: 'Samantha'}));
      await assertFails(subscribe(guest('sam'), 'sam', {lang: 'fr', confirmed: true}));
      // Changing the language alone is a write like any other: the time of the write comes with it.
      await seedSam();
      await assertFails(updateDoc(subscription(guest('sam'), 'sam'), {lang: 'de'}));
      await assertSucceeds(updateDoc(subscription(guest('sam'), 'sam'), {lang: 'de', createdAt: serverTimestamp()}));
      await assertFails(updateDoc(subscription(guest('sam'), 'sam'), {lang: 'xx', createdAt: serverTimestamp()}));
    });

    it('a thread id the way threads are named', async () => {
      await assertFails(subscribe(guest('sam'), 'sam', {}, 'thread*her'));
      await assertFails(subscribe(guest('sam'), 'sam', {}, 't'.repeat(201)));
      await assertSucceeds(subscribe(guest('sam'), 'sam', {}, 't'.repeat(200)));
    });
  });

  describe('the notification functions’ own collections', () => {
    it('are closed to every browser, a moderator’s too', async () => {
      await makeModerator(admin, 'mod');
      for (const name of ['mail', 'mailLog', 'mailQuota', 'mailOptOuts', 'mailConfirmed']) {
        await admin((db) => setDoc(doc(db, name, 'x'), {to: 'sam@her.example'}));
        for (const db of [guest('sam'), viaGoogle('mod')]) {
          await assertFails(getDoc(doc(db, name, 'x')), name);
          await assertFails(getDocs(collection(db, name)), name);
          await assertFails(setDoc(doc(db, name, 'y'), {to: 'victim@her.example'}), name);
        }
      }
    });
  });
});
