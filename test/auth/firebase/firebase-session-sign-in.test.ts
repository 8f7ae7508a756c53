/**
 * FirebaseSession's sign-ins against the real Auth emulator, which `npm test` starts
 * (scripts/with-auth-emulator.mjs): custom tokens, sign-out, and email links, whose messages the
 * emulator shows through its REST API instead of sending them. Pop-ups are driven end to end in
 * test/e2e/sign-in.test.mjs.
 */
import {expect} from '@open-wc/testing';
import {deleteApp, initializeApp} from 'firebase/app';
import {FirebaseSession} from '../../../src/auth/firebase/firebase-session.js';
import {SessionError, type ResumedSignIn, type SessionUser} from '../../../src/auth/session.js';

const authHost = window.__LAR_TEST_ENV__?.authEmulatorHost;
const PROJECT = 'demo-lar';

/**
 * An unsigned custom token, as the Admin SDK's createCustomToken makes them for the emulator
 * (alg "none"; the emulator checks the audience, not a signature).
 */
export function unsignedCustomToken(uid: string): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    aud: 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit',
    iss: 'firebase-auth-emulator@example.com',
    sub: 'firebase-auth-emulator@example.com',
    uid,
    iat: now,
    exp: now + 3600,
  };
  return `${part({alg: 'none', typ: 'JWT'})}.${part(payload)}.`;
}

/** The newest sign-in link the emulator "sent" to this address. */
async function sentLink(email: string): Promise<string> {
  const response = await fetch(`http://${authHost}/emulator/v1/projects/${PROJECT}/oobCodes`);
  const {oobCodes} = (await response.json()) as {
    oobCodes: Array<{email: string; requestType: string; oobLink: string}>;
  };
  const link = oobCodes.filter((code) => code.email === email && code.requestType === 'EMAIL_SIGNIN').at(-1);
  if (!link) throw new Error(`no sign-in link was sent to ${email}`);
  return link.oobLink;
}

/** Opening the link: the emulator sends the reader to the continue URL with the link's parameters. */
function arriveFrom(oobLink: string): void {
  const link = new URL(oobLink);
  const back = new URL(link.searchParams.get('continueUrl')!);
  for (const [name, value] of link.searchParams) if (name !== 'continueUrl') back.searchParams.set(name, value);
  history.replaceState(null, '', back.href);
}

describe('with the Auth emulator', function () {
  before(function () {
    // Skipped, not failed, without it: no Auth emulator address given: `npm test` starts the emulator and passes FIREBASE_AUTH_EMULATOR_HOST to this page.
    if (!authHost) this.skip();
  });

  describe(`FirebaseSession sign-ins against the Auth emulator at ${authHost}`, () => {
    const home = location.href;
    let n = 0;
    const newApp = (name = `auth-${Date.now()}-${n++}`) =>
      initializeApp({apiKey: 'demo-key', projectId: PROJECT, authDomain: 'demo-lar.firebaseapp.com'}, name);
    const sessionOn = (app = newApp()) => new FirebaseSession(app, {emulator: authHost!});
    const address = () => `reader-${Date.now()}-${n++}@example.com`;

    beforeEach(() => localStorage.clear());
    afterEach(() => history.replaceState(null, '', home));

    function nextUser(
      session: FirebaseSession,
      test: (user: SessionUser | null) => boolean,
    ): Promise<SessionUser | null> {
      return new Promise((resolve) => {
        const stop = session.subscribe((user) => {
          if (!test(user)) return;
          queueMicrotask(() => stop());
          resolve(user);
        });
      });
    }

    it('signs in with the site’s custom token, as a "custom" account, and keeps it after a reload', async () => {
      const name = `custom-${Date.now()}`;
      const first = newApp(name);
      const outcome = await sessionOn(first).signInWithCustomToken(unsignedCustomToken('site-reader-42'));
      expect(outcome).to.deep.equal({
        kind: 'signed-in',
        method: 'custom',
        user: {uid: 'site-reader-42', provider: 'custom'},
      });
      await deleteApp(first);

      // A new page: the same app name, a fresh app and session, nothing but localStorage in common.
      const restored = await nextUser(sessionOn(newApp(name)), (user) => user !== null);
      expect(restored).to.deep.equal({uid: 'site-reader-42', provider: 'custom'});
    });

    it('refuses a broken custom token with the backend’s reason', async () => {
      const error = await sessionOn()
        .signInWithCustomToken('not-a-token')
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).to.be.instanceOf(SessionError);
      expect((error as SessionError).authCode).to.equal('auth/invalid-custom-token');
    });

    it('signs out, tells subscribers, and stays signed out after a reload', async () => {
      const app = newApp();
      const session = sessionOn(app);
      await session.signInWithCustomToken(unsignedCustomToken(`out-${Date.now()}`));
      const seen: Array<SessionUser | null> = [];
      session.subscribe((user) => seen.push(user));
      await session.signOut();
      expect(session.user).to.equal(null);
      expect(seen.at(-1)).to.equal(null);
      expect(Object.keys(localStorage).filter((key) => key.startsWith('firebase:authUser:'))).to.deep.equal([]);
    });

    it('an email link signs a new reader in, and takes itself out of the address bar', async () => {
      const email = address();
      const app = newApp();
      await sessionOn(app).sendSignInLink(email);
      arriveFrom(await sentLink(email));
      expect(location.search).to.contain('oobCode=');

      const resumed = await sessionOn(app).resume(); // the page the link opened
      expect(resumed.state).to.equal('done');
      const {outcome} = resumed as Extract<ResumedSignIn, {state: 'done'}>;
      expect(outcome.kind).to.equal('signed-in');
      expect(outcome.method).to.equal('email');
      expect(outcome.user.provider).to.equal('email');
      expect(location.search).to.not.contain('oobCode');
      expect(location.href).to.equal(home);
    });

    it('a guest who opens an email link keeps their uid, so their comments stay theirs', async () => {
      const email = address();
      const app = newApp();
      const session = sessionOn(app);
      const guest = await session.guest();
      await session.sendSignInLink(email);
      arriveFrom(await sentLink(email));

      const resumed = (await sessionOn(app).resume()) as Extract<ResumedSignIn, {state: 'done'}>;
      expect(resumed.outcome.kind).to.equal('linked');
      // The link proved the address: it is the account's verified one (for reply e-mails).
      expect(resumed.outcome.user).to.deep.equal({uid: guest.uid, provider: 'email', email});
    });

    it('a guest whose address already has an account gets a new link, which signs in to that account', async () => {
      const email = address();
      // Someone signed in with this address before, in another browser.
      const first = newApp();
      await sessionOn(first).sendSignInLink(email);
      arriveFrom(await sentLink(email));
      const owner = ((await sessionOn(first).resume()) as Extract<ResumedSignIn, {state: 'done'}>).outcome.user;
      history.replaceState(null, '', home);
      localStorage.clear();

      const app = newApp();
      const guest = await sessionOn(app).guest();
      await sessionOn(app).sendSignInLink(email);
      arriveFrom(await sentLink(email));
      const refused = await sessionOn(app).resume();
      expect(refused.state).to.equal('failed');
      const error = (refused as Extract<ResumedSignIn, {state: 'failed'}>).error;
      expect(error.code).to.equal('link-resent');
      expect(error.email).to.equal(email);

      arriveFrom(await sentLink(email));
      const signedIn = (await sessionOn(app).resume()) as Extract<ResumedSignIn, {state: 'done'}>;
      expect(signedIn.outcome.kind).to.equal('signed-in');
      expect(signedIn.outcome.user.uid).to.equal(owner.uid);
      expect(signedIn.outcome.user.uid).to.not.equal(guest.uid);
    });

    it('an email link opened in another browser asks for the address, then signs in', async () => {
      const email = address();
      await sessionOn().sendSignInLink(email);
      arriveFrom(await sentLink(email));
      localStorage.clear(); // another browser: it never saw the address

      const app = newApp();
      expect(await sessionOn(app).resume()).to.deep.equal({state: 'needs-email'});
      const outcome = await sessionOn(app).completeSignInLink(email);
      expect(outcome.user.provider).to.equal('email');
    });

    it('a spent email link says so', async () => {
      const email = address();
      const app = newApp();
      await sessionOn(app).sendSignInLink(email);
      const link = await sentLink(email);
      arriveFrom(link);
      await sessionOn(app).resume();
      // Opened again: the address was forgotten once used, so the reader is asked, then told.
      arriveFrom(link);
      expect(await sessionOn(app).resume()).to.deep.equal({state: 'needs-email'});
      const error = await sessionOn(app)
        .completeSignInLink(email)
        .then(
          () => null,
          (e: unknown) => e as SessionError,
        );
      expect(error?.code).to.equal('invalid-link');
    });

    it('answers "nothing to finish" on an ordinary page load', async () => {
      expect(await sessionOn().resume()).to.deep.equal({state: 'none'});
    });
  });
});
