/**
 * createFirebaseBackend: app sharing and settings always (nothing here reaches a network until a
 * listener or sign-in starts); sign-in against the Auth emulator, and a whole post through the
 * rules when the Firestore emulator runs too (`npm run test:emulators`).
 */
import {expect} from '@open-wc/testing';
import {waitUntil} from '../../helpers/wait-until.js';
import {initializeAppCheck, ReCaptchaEnterpriseProvider} from 'firebase/app-check';
import {createFirebaseBackend} from '../../../src/store/firestore/firebase-backend.js';
import {firebaseAppFor} from '../../../src/store/firestore/firebase-sdk.js';
import type {WidgetSettings} from '../../../src/boot/settings.js';
import {StoreError} from '../../../src/store/comment-store.js';
import {FirestoreStore} from '../../../src/store/firestore/firestore-store.js';
import {guestAuthor, newThread, Watcher} from '../store-contract.js';

let configCounter = 0;
function settings(changes: Partial<WidgetSettings> = {}): WidgetSettings {
  return {
    backend: 'firebase',
    firebase: {apiKey: 'demo-key', projectId: 'demo-lar', appId: `app-${configCounter++}`},
    databaseId: '(default)',
    providers: ['guest'],
    sort: 'oldest',
    maxDepth: 3,
    page: {},
    ...changes,
  };
}

describe('createFirebaseBackend', () => {
  it('gives widgets with the same config one Firebase app, whatever the key order', async () => {
    const a = settings();
    const reordered = {...a, firebase: {appId: a.firebase!.appId, projectId: 'demo-lar', apiKey: 'demo-key'}};
    expect(await firebaseAppFor(reordered)).to.equal(await firebaseAppFor(a));
  });

  it('gives a different config, or the emulators, an app of their own', async () => {
    const a = settings();
    expect(await firebaseAppFor(settings())).to.not.equal(await firebaseAppFor(a));
    expect(await firebaseAppFor({...a, authEmulator: 'http://127.0.0.1:9099'})).to.not.equal(await firebaseAppFor(a));
    expect((await firebaseAppFor(a)).name).to.match(/^leave-a-reply-/);
  });

  it('names the app as every earlier release did, so readers stay signed in across an upgrade', async () => {
    // Auth stores a reader's sign-in under the app's name: this is the name 0.1.0 gave.
    const a = settings();
    const config = a.firebase!;
    const key = JSON.stringify([JSON.stringify(config, Object.keys(config).sort()), '', '']);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
    const base64url = btoa(String.fromCharCode(...digest))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect((await firebaseAppFor(a)).name).to.equal(`leave-a-reply-${base64url.slice(0, 16)}`);
  });

  it('shares one Firestore between backends on one app and database', async () => {
    const a = settings({firestoreEmulator: '127.0.0.1:8080'});
    const [one, two] = await Promise.all([createFirebaseBackend(a), createFirebaseBackend({...a})]);
    expect(one.store).to.be.instanceOf(FirestoreStore);
    const firestoreOf = (backend: typeof one) => (backend.store as FirestoreStore).firestore();
    expect(await firestoreOf(one)).to.equal(await firestoreOf(two));
    const other = await createFirebaseBackend({...a, databaseId: 'reviews'});
    expect(await firestoreOf(other)).to.not.equal(await firestoreOf(one));
  });

  it('refuses a firestore-emulator that is not host:port, naming the attribute', async () => {
    const error = await createFirebaseBackend(settings({firestoreEmulator: 'localhost'})).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(StoreError);
    expect((error as StoreError).message).to.include('firestore-emulator="localhost"');
  });

  it('refuses settings without a Firebase config', async () => {
    const error = await createFirebaseBackend(settings({firebase: undefined})).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).to.include('api-key');
  });
});

describe('createFirebaseBackend with app-check-site-key (Firebase App Check)', () => {
  type Grecaptcha = {
    enterprise?: {
      ready(cb: () => void): void;
      render(container: string, params: {sitekey: string; size: string}): number;
      execute(): Promise<string>;
    };
  };
  const page = window as unknown as {grecaptcha?: Grecaptcha};
  let rendered: Array<{container: string; sitekey: string; size: string}>;

  beforeEach(() => {
    rendered = [];
    // A test stand-in for reCAPTCHA Enterprise (offline, google.com cannot be loaded): App Check
    // uses a page's grecaptcha.enterprise when there is one instead of adding its script.
    page.grecaptcha = {
      enterprise: {
        ready: (cb) => cb(),
        render: (container, params) => rendered.push({container, ...params}),
        execute: () => new Promise<string>(() => {}), // no token: nothing is exchanged with Google
      },
    };
  });
  afterEach(() => delete page.grecaptcha);

  // initializeAppCheck() answers for an app that has App Check already: the same options give the
  // running instance, other options throw "already-initialized".
  const startWith = (app: Parameters<typeof initializeAppCheck>[0], key: string) => () =>
    initializeAppCheck(app, {provider: new ReCaptchaEnterpriseProvider(key), isTokenAutoRefreshEnabled: true});

  // The SDK, App Check with it, loads at a store's first read or write (firebase-backend.ts).
  const sdkOf = async (backend: ReturnType<typeof createFirebaseBackend>) =>
    ((await backend).store as FirestoreStore).firestore();

  it('starts App Check with reCAPTCHA Enterprise and the site key before the store reads or writes', async () => {
    const withKey = settings({appCheckSiteKey: 'site-key-1'});
    await sdkOf(createFirebaseBackend(withKey));
    const app = await firebaseAppFor(withKey);
    expect(startWith(app, 'another-key'), 'App Check is running on the widget’s app').to.throw(/already-initialized/);
    expect(startWith(app, 'site-key-1'), 'with this site key').to.not.throw();
    await waitUntil(() => rendered.length > 0, 'reCAPTCHA was never rendered');
    expect(rendered[0]).to.include({sitekey: 'site-key-1', size: 'invisible'});
  });

  it('starts App Check once for widgets sharing an app', async () => {
    const withKey = settings({appCheckSiteKey: 'site-key-2'});
    await Promise.all([
      sdkOf(createFirebaseBackend(withKey)),
      sdkOf(createFirebaseBackend({...withKey})),
      sdkOf(createFirebaseBackend({...withKey})),
    ]);
    await waitUntil(() => rendered.length > 0, 'reCAPTCHA was never rendered');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rendered).to.have.length(1);
  });

  it('leaves App Check off without a site key', async () => {
    const plain = settings();
    await sdkOf(createFirebaseBackend(plain));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rendered).to.deep.equal([]);
    // Nothing was started, so starting it now (here, in the test) is not refused.
    expect(startWith(await firebaseAppFor(plain), 'any-key')).to.not.throw();
  });
});

const env = window.__LAR_TEST_ENV__ ?? {};

describe('with the Auth emulator', function () {
  before(function () {
    // Skipped, not failed, without it: no Auth emulator address: `npm test` starts one.
    if (!env.authEmulatorHost) this.skip();
  });

  describe(`createFirebaseBackend with the Auth emulator at ${env.authEmulatorHost}`, () => {
    it('signs a guest in through the backend’s session', async () => {
      const {session} = await createFirebaseBackend(settings({authEmulator: `http://${env.authEmulatorHost}`}));
      const user = await session.guest();
      expect(user.provider).to.equal('guest');
      expect(session.user?.uid).to.equal(user.uid);
    });
  });
});

describe('with the Auth and Firestore emulators', function () {
  before(function () {
    // Skipped, not failed, without it: FIRESTORE_EMULATOR_HOST not set: `npm run test:emulators` starts one, or says why it could not.
    if (!(env.authEmulatorHost && env.firestoreEmulatorHost)) this.skip();
  });

  describe('createFirebaseBackend with the Auth and Firestore emulators', () => {
    it('posts as the signed-in guest, confirmed by the server under firestore.rules', async () => {
      const {store, session} = await createFirebaseBackend(
        settings({authEmulator: env.authEmulatorHost!, firestoreEmulator: env.firestoreEmulatorHost!}),
      );
      const user = await session.guest();
      const thread = newThread();
      const watcher = new Watcher(store, thread);
      try {
        await watcher.ready();
        const posted = await store.post(thread, {
          parentId: null,
          body: 'Through the real rules',
          author: {uid: user.uid, name: 'Samantha', provider: 'guest'},
          email: 'samantha@her.example',
        });
        expect(posted.sending).to.not.equal(true);
        const state = await watcher.until(
          'the confirmed comment',
          (s) => s.comments.length === 1 && !s.comments[0].sending,
        );
        expect(state.count).to.equal(1);

        const refused = await store
          .post(thread, {parentId: null, body: 'Not me', author: guestAuthor('someone-else')})
          .then(
            () => null,
            (e: unknown) => e as StoreError,
          );
        expect(refused?.code).to.equal('permission-denied');
      } finally {
        watcher.close();
      }
    });
  });
});
