/**
 * FirebaseSession: the provider mapping always; sign-in against the real Auth emulator, which
 * `npm test` (and `npm run test:emulators`) starts and passes to the page.
 */
import {expect} from '@open-wc/testing';
import {deleteApp, initializeApp, type FirebaseApp} from 'firebase/app';
import type {User} from 'firebase/auth';
import {FirebaseSession, sessionUserFrom} from '../../../src/auth/firebase/firebase-session.js';
import type {SessionUser} from '../../../src/auth/session.js';

function fakeUser(fields: Partial<User> & {providerIds?: string[]}): User {
  const {providerIds = [], ...rest} = fields;
  return {
    uid: 'u1',
    isAnonymous: false,
    displayName: null,
    photoURL: null,
    providerData: providerIds.map((providerId) => ({providerId})),
    ...rest,
  } as unknown as User;
}

describe('sessionUserFrom', () => {
  it('calls an anonymous account a guest', () => {
    expect(sessionUserFrom(fakeUser({isAnonymous: true}))).to.deep.equal({uid: 'u1', provider: 'guest'});
  });

  for (const [providerId, provider] of [
    ['google.com', 'google'],
    ['github.com', 'github'],
    ['twitter.com', 'twitter'],
    ['facebook.com', 'facebook'],
    ['microsoft.com', 'microsoft'],
    ['apple.com', 'apple'],
    ['password', 'email'],
  ] as const) {
    it(`names a ${providerId} account "${provider}", with its name and photo`, () => {
      const user = fakeUser({providerIds: [providerId], displayName: 'Theodore', photoURL: 'https://p.example/t.png'});
      expect(sessionUserFrom(user)).to.deep.equal({
        uid: 'u1',
        provider,
        name: 'Theodore',
        avatarUrl: 'https://p.example/t.png',
      });
    });
  }

  it('calls an account without a provider (a site’s custom token) "custom"', () => {
    expect(sessionUserFrom(fakeUser({})).provider).to.equal('custom');
  });
});

const authHost = window.__LAR_TEST_ENV__?.authEmulatorHost;

describe('with the Auth emulator', function () {
  before(function () {
    // Skipped, not failed, without it: no Auth emulator address given: `npm test` starts the emulator and passes FIREBASE_AUTH_EMULATOR_HOST to this page.
    if (!authHost) this.skip();
  });

  describe(`FirebaseSession against the Auth emulator at ${authHost}`, () => {
    const config = {apiKey: 'demo-key', projectId: 'demo-lar'};
    let n = 0;
    const newApp = (name = `session-${Date.now()}-${n++}`) => initializeApp(config, name);
    const session = (app: FirebaseApp) => new FirebaseSession(app, {emulator: authHost!});

    // Apps stay alive after each test (deleting one races the SDK's heartbeat write: noise only).
    beforeEach(() => localStorage.clear());

    function nextUser(
      subject: FirebaseSession,
      condition: (user: SessionUser | null) => boolean,
    ): Promise<SessionUser | null> {
      return new Promise((resolve) => {
        const stop = subject.subscribe((user) => {
          if (!condition(user)) return;
          queueMicrotask(() => stop());
          resolve(user);
        });
      });
    }

    it('tells a subscriber at once that nobody is signed in', async () => {
      const calls: Array<SessionUser | null> = [];
      session(newApp()).subscribe((user) => calls.push(user));
      expect(calls).to.deep.equal([null]);
    });

    it('signs a guest in anonymously, once, and tells subscribers', async () => {
      const subject = session(newApp());
      const seen: Array<SessionUser | null> = [];
      subject.subscribe((user) => seen.push(user));

      const first = await subject.guest();
      expect(first.provider).to.equal('guest');
      expect(first.uid).to.be.a('string').and.not.equal('');
      expect((await subject.guest()).uid, 'the same guest again').to.equal(first.uid);
      expect(subject.user).to.deep.equal(first);
      expect(seen.at(-1)).to.deep.equal(first);
      expect(seen.filter((user) => user !== null)).to.have.length(1);
    });

    it('makes one guest account when asked twice at once (a post and a like while signing up)', async () => {
      const subject = session(newApp());
      const [post, like] = await Promise.all([subject.guest(), subject.guest()]);
      expect(like.uid).to.equal(post.uid);
      expect(subject.user?.uid, 'the account signed in is the one both got').to.equal(post.uid);
    });

    it('keeps the guest signed in after a reload (the same app name, a fresh app)', async () => {
      const name = `reload-${Date.now()}`;
      const first = newApp(name);
      const before = await session(first).guest();
      await deleteApp(first);

      const again = session(newApp(name));
      const restored = await nextUser(again, (user) => user !== null);
      expect(restored!.uid).to.equal(before.uid);
      expect((await again.guest()).uid, 'guest() reuses the restored account').to.equal(before.uid);
    });

    it('gives two sessions on one app the same reader', async () => {
      const app = newApp();
      const guest = await session(app).guest();
      const other = await nextUser(session(app), (user) => user !== null);
      expect(other!.uid).to.equal(guest.uid);
    });
  });
});
