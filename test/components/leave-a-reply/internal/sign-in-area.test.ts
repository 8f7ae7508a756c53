/**
 * The sign-in area of the form, as a reader sees and uses it, on a scripted session (the Firebase
 * session itself is tested against the Auth emulator in auth-session.test.ts and the pop-ups end to
 * end in e2e/sign-in.test.mjs).
 */
import {expect} from '@open-wc/testing';
import {waitUntil} from '../../../helpers/wait-until.js';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import {
  SessionError,
  type OAuthProviderName,
  type ResumedSignIn,
  type Session,
  type SessionUser,
  type SignInKind,
  type SignInOutcome,
} from '../../../../src/auth/session.js';
import {normalizePageUrl} from '../../../../src/model/page-identity.js';
import {MemoryStore} from '../../../../src/store/memory/memory-store.js';
import type {Comment} from '../../../../src/model/comment.js';
import {mount, settle, type Mounted} from '../../../helpers/mount.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const THEO: SessionUser = {
  uid: 'g-theo',
  provider: 'google',
  name: 'Theodore',
  avatarUrl: 'https://lh3.googleusercontent.com/a/theo.png',
};

/** A session whose sign-ins finish when the test says so. */
class ScriptedSession implements Session {
  readonly canSignIn = true;
  user: SessionUser | null = null;
  calls: string[] = [];
  resumeWith: ResumedSignIn = {state: 'none'};
  private listeners = new Set<(user: SessionUser | null) => void>();
  private pending:
    {method: SignInOutcome['method']; resolve: (o: SignInOutcome) => void; reject: (e: unknown) => void} | undefined;

  constructor(user: SessionUser | null = null) {
    this.user = user;
  }

  subscribe(listener: (user: SessionUser | null) => void) {
    this.listeners.add(listener);
    listener(this.user);
    return () => this.listeners.delete(listener);
  }

  set(user: SessionUser | null) {
    this.user = user;
    for (const listener of this.listeners) listener(user);
  }

  prepare() {
    this.calls.push('prepare');
  }

  async guest() {
    if (!this.user) this.set({uid: 'guest-1', provider: 'guest'});
    return this.user!;
  }

  signIn(provider: OAuthProviderName) {
    this.calls.push(`signIn:${provider}`);
    return new Promise<SignInOutcome>((resolve, reject) => (this.pending = {method: provider, resolve, reject}));
  }

  /** The pop-up came back with this account. */
  finish(user: SessionUser, kind: SignInKind = 'signed-in') {
    this.set(user);
    this.pending!.resolve({kind, user, method: this.pending!.method});
  }

  fail(error: SessionError) {
    this.pending!.reject(error);
  }

  async sendSignInLink(email: string) {
    this.calls.push(`sendLink:${email}`);
  }

  async completeSignInLink(email: string): Promise<SignInOutcome> {
    this.calls.push(`completeLink:${email}`);
    const user: SessionUser = {uid: 'e-1', provider: 'email'};
    this.set(user);
    return {kind: 'signed-in', user, method: 'email'};
  }

  resume() {
    return Promise.resolve(this.resumeWith);
  }

  async signInWithCustomToken(token: string): Promise<SignInOutcome> {
    this.calls.push(`token:${token}`);
    const user: SessionUser = {uid: 'site-42', provider: 'custom', name: 'Site Reader'};
    this.set(user);
    return {kind: 'signed-in', user, method: 'custom'};
  }

  async signOut() {
    this.calls.push('signOut');
    this.set(null);
  }
}

async function mountWith(session: Session, attributes: Record<string, string> = {}, store = new MemoryStore()) {
  const m = await mount({providers: 'guest google github email', ...attributes}, store, session);
  await settle(m);
  return m;
}

const all = (m: Mounted, selector: string) => [...m.form.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const button = (m: Mounted, label: string) =>
  all(m, 'button').find((b) => b.getAttribute('aria-label') === label || text(b) === label)!;
const signInStatus = (m: Mounted) => text(m.f('[part=sign-in] [part=status]'));
const signInError = (m: Mounted) => text(m.form.shadowRoot!.querySelector('[part=sign-in] [part=error]'));

async function click(m: Mounted, label: string) {
  const target = button(m, label);
  expect(target, `button "${label}"`).to.exist;
  target.click();
  await settle(m);
}

async function type(m: Mounted, selector: string, value: string) {
  m.f<HTMLInputElement>(selector).focus();
  await sendKeys({type: value});
}

describe('sign-in', () => {
  beforeEach(() => localStorage.clear());

  it('posts as the account when Auth restores a signed-in reader only at the moment of posting', async () => {
    // Auth had not restored Theodore yet, so the guest form showed; guest() finds him.
    class LateRestore extends ScriptedSession {
      override async guest() {
        this.set(THEO);
        return THEO;
      }
    }
    const m = await mountWith(new LateRestore());
    const posted = new Promise<CustomEvent<Comment>>((resolve) =>
      m.el.addEventListener('lar-comment-posted', (e) => resolve(e), {once: true}),
    );
    for (const [field, value] of [
      ['#body', 'Typed before Auth woke up.'],
      ['#email', 'theo@example.com'],
      ['#name', 'Theo'],
    ]) {
      const input = m.f<HTMLInputElement>(field);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    m.f<HTMLButtonElement>('.submit').click();
    const {detail} = await posted;
    expect(detail.author).to.deep.equal({
      uid: 'g-theo',
      name: 'Theodore',
      provider: 'google',
      avatarUrl: THEO.avatarUrl,
    });
    expect(JSON.stringify(detail)).not.to.contain('theo@example.com');
  });

  it('offers a labelled icon button per provider, in the order of the providers attribute', async () => {
    const m = await mountWith(new ScriptedSession(), {providers: 'email github guest google'});
    await expect(m.el).to.be.accessible();
    expect(text(m.f('legend'))).to.equal('Fill in your details below or click an icon to log in:');
    const buttons = all(m, '[part=sign-in] [part=provider-button]');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Log in with a link sent by email',
      'Log in with GitHub',
      'Log in with Google',
    ]);
    await waitUntil(() => buttons.every((b) => b.querySelector('svg[aria-hidden=true]')), 'an icon on each');
    for (const b of buttons) expect(b.getAttribute('type')).to.equal('button');
    expect(m.f('#email'), 'the guest fields stay').to.exist;
  });

  it('shows no provider icons when the session cannot sign in (backend="local" without a Firebase config)', async () => {
    const m = await mount({providers: 'guest google github'});
    expect(m.form.shadowRoot!.querySelector('[part=sign-in]')).to.equal(null);
    // No icons to click, so no "click an icon" (it used to say so above nothing).
    expect(text(m.f('legend'))).to.equal('Fill in your details below:');
    expect(m.f('#email')).to.exist;
  });

  it('loads what a guest’s post needs once the form is shown and the browser is idle, before any keystroke', async () => {
    const session = new ScriptedSession();
    await mountWith(session);
    // So a reader whose connection drops before they write can still queue a comment.
    await waitUntil(() => session.calls.includes('prepare'), 'prepare() once idle');
  });

  it('loads the sign-in code when the reader starts to write, if it has not loaded yet', async () => {
    const session = new ScriptedSession();
    const m = await mountWith(session);
    session.calls.length = 0;
    m.f<HTMLTextAreaElement>('#body').focus();
    expect(session.calls).to.include('prepare');
  });

  it('says "Connecting to Google…" while the pop-up is open, then who is commenting, with Log Out and Change', async () => {
    const session = new ScriptedSession();
    const m = await mountWith(session);
    await click(m, 'Log in with Google');
    expect(session.calls).to.include('signIn:google');
    expect(signInStatus(m)).to.equal('Connecting to Google…');
    expect(m.f('[part=sign-in] [part=status]').getAttribute('role')).to.equal('status');

    session.finish(THEO);
    await settle(m);
    expect(text(m.f('legend'))).to.equal('You are commenting using your Google account.');
    expect(m.f<HTMLImageElement>('[part=sign-in] img[part=avatar]').src).to.equal(THEO.avatarUrl);
    expect(text(m.f('.account-name'))).to.equal('Theodore');
    expect(button(m, 'Log Out')).to.exist;
    expect(button(m, 'Change')).to.exist;
    expect(m.form.shadowRoot!.querySelector('#email'), 'no guest fields').to.equal(null);
    expect(signInStatus(m)).to.equal('');
    expect(m.form.shadowRoot!.activeElement?.id, 'on to writing').to.equal('body');
    await expect(m.el).to.be.accessible();
  });

  it('a cancelled pop-up says so next to the icons and keeps the typed comment', async () => {
    const session = new ScriptedSession();
    const m = await mountWith(session);
    const errors = sinon.spy();
    m.el.addEventListener('lar-error', errors);
    await type(m, '#body', 'Samantha felt real to me.');
    await click(m, 'Log in with GitHub');
    session.fail(new SessionError('cancelled', 'closed', {authCode: 'auth/popup-closed-by-user'}));
    await settle(m);
    expect(signInError(m)).to.equal('Logging in was cancelled. Your comment is still here.');
    expect(m.f('[part=sign-in] [part=error]').getAttribute('role')).to.equal('alert');
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Samantha felt real to me.');
    expect(signInStatus(m)).to.equal('');
    expect(errors.called, 'a cancel is not an error').to.equal(false);
  });

  it('a provider error says what went wrong, keeps the comment, and fires lar-error', async () => {
    const session = new ScriptedSession();
    const m = await mountWith(session);
    const errors = sinon.spy();
    m.el.addEventListener('lar-error', errors);
    await type(m, '#body', 'Kept.');
    await click(m, 'Log in with GitHub');
    session.fail(new SessionError('not-enabled', 'not allowed', {authCode: 'auth/operation-not-allowed'}));
    await settle(m);
    expect(signInError(m)).to.equal(
      'Logging in with GitHub is not turned on for this site. Your comment is still here.',
    );
    expect(errors.firstCall.args[0].detail).to.deep.equal({code: 'auth/operation-not-allowed', message: 'not allowed'});

    await click(m, 'Log in with Google');
    expect(signInError(m), 'a new try clears the old message').to.equal('');
    session.fail(new SessionError('failed', 'The provider is down'));
    await settle(m);
    expect(signInError(m), 'the backend text is for developers (lar-error), not the reader').to.equal(
      'Could not log in with Google. Please try again in a moment. Your comment is still here.',
    );
    expect(errors.lastCall.args[0].detail).to.deep.equal({code: 'sign-in-failed', message: 'The provider is down'});
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Kept.');
  });

  it('tells a guest who signs in that their earlier comments are now part of the account', async () => {
    const session = new ScriptedSession({uid: 'guest-1', provider: 'guest'});
    const m = await mountWith(session);
    expect(m.f('#email'), 'a guest still sees the guest form').to.exist;
    await click(m, 'Log in with Google');
    session.finish({...THEO, uid: 'guest-1'}, 'linked');
    await settle(m);
    expect(signInStatus(m)).to.equal('Your earlier comments as a guest are now part of your Google account.');
  });

  it('says plainly when the account was already in use and the guest comments stay the guest’s', async () => {
    const session = new ScriptedSession({uid: 'guest-1', provider: 'guest'});
    const m = await mountWith(session);
    await click(m, 'Log in with Google');
    session.finish(THEO, 'switched');
    await settle(m);
    expect(signInStatus(m)).to.equal(
      'That Google account was already in use here, so you are now logged in with it. Comments you wrote as a guest stay under your guest name.',
    );
  });

  it('fires lar-sign-in with the user, and lar-sign-out after Log Out, which brings the guest form back', async () => {
    const signIns = sinon.spy();
    const signOuts = sinon.spy();
    document.addEventListener('lar-sign-in', signIns);
    document.addEventListener('lar-sign-out', signOuts);
    try {
      const session = new ScriptedSession(THEO);
      const m = await mountWith(session);
      expect(signIns.callCount).to.equal(1);
      const event = signIns.firstCall.args[0] as CustomEvent<SessionUser>;
      expect(event.detail).to.deep.equal(THEO);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.target).to.equal(m.el);

      await click(m, 'Log Out');
      expect(session.calls).to.include('signOut');
      expect(signOuts.callCount).to.equal(1);
      expect(text(m.f('legend'))).to.equal('Fill in your details below or click an icon to log in:');
      expect(m.f('#email')).to.exist;
      expect(signInStatus(m)).to.equal('You have logged out.');
    } finally {
      document.removeEventListener('lar-sign-in', signIns);
      document.removeEventListener('lar-sign-out', signOuts);
    }
  });

  it('Change offers the other ways again; Cancel keeps the account', async () => {
    const session = new ScriptedSession(THEO);
    const m = await mountWith(session);
    await click(m, 'Change');
    expect(text(m.f('legend'))).to.equal('Click an icon to log in:');
    expect(all(m, '[part=provider-button]').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Comment as a guest',
      'Log in with Google',
      'Log in with GitHub',
      'Log in with a link sent by email',
    ]);
    expect(m.form.shadowRoot!.activeElement?.getAttribute('part')).to.equal('provider-button');
    await expect(m.el).to.be.accessible();

    await click(m, 'Cancel');
    expect(text(m.f('legend'))).to.equal('You are commenting using your Google account.');
    expect(m.form.shadowRoot!.activeElement).to.equal(button(m, 'Change'));

    await click(m, 'Change');
    await click(m, 'Log in with GitHub');
    expect(session.calls).to.include('signIn:github');
    session.finish({uid: 'gh-1', provider: 'github', name: 'Theo on GitHub'});
    await settle(m);
    expect(text(m.f('legend'))).to.equal('You are commenting using your GitHub account.');
  });

  it('Change, then Comment as a guest, signs out and shows the guest form', async () => {
    const session = new ScriptedSession(THEO);
    const m = await mountWith(session);
    await click(m, 'Change');
    await click(m, 'Comment as a guest');
    await settle(m);
    expect(session.calls).to.include('signOut');
    expect(m.f('#email')).to.exist;
    expect(m.form.shadowRoot!.activeElement?.id).to.equal('email');
  });

  it('posts with the account’s name and photo, and no email', async () => {
    const store = new MemoryStore();
    const post = sinon.spy(store, 'post');
    const m = await mountWith(new ScriptedSession(THEO), {}, store);
    const posted = sinon.spy();
    m.el.addEventListener('lar-comment-posted', posted);
    await type(m, '#body', 'Signed in and posting.');
    m.f<HTMLButtonElement>('.submit').click();
    await waitUntil(() => posted.called, 'not posted');
    const {id, ...sent} = post.firstCall.args[1];
    expect(id, 'the id chosen before the first attempt').to.be.a('string');
    expect(sent).to.deep.equal({
      parentId: null,
      body: 'Signed in and posting.',
      author: {uid: THEO.uid, name: 'Theodore', provider: 'google', avatarUrl: THEO.avatarUrl},
    });
    expect(text(m.$('[part=author]'))).to.equal('Theodore');
  });

  it('asks an account without a display name (an email link) for a name', async () => {
    const store = new MemoryStore();
    const post = sinon.spy(store, 'post');
    const m = await mountWith(new ScriptedSession({uid: 'e-1', provider: 'email'}), {}, store);
    expect(text(m.f('legend'))).to.equal('You are commenting using your email address.');
    expect(m.form.shadowRoot!.querySelector('#email'), 'no email field').to.equal(null);
    await type(m, '#body', 'By email link.');
    m.f<HTMLButtonElement>('.submit').click();
    await settle(m);
    expect(text(m.f('#name-error'))).to.equal('Please enter your name.');
    await type(m, '#name', 'Amy');
    m.f<HTMLButtonElement>('.submit').click();
    await waitUntil(() => post.called, 'not posted');
    expect(post.firstCall.args[1].author).to.deep.equal({uid: 'e-1', name: 'Amy', provider: 'email'});
    expect(post.firstCall.args[1]).to.not.have.property('email');
  });

  it('without "guest" in providers, asks the reader to log in before posting', async () => {
    const store = new MemoryStore();
    const post = sinon.spy(store, 'post');
    const m = await mountWith(new ScriptedSession(), {providers: 'google github'}, store);
    expect(text(m.f('legend'))).to.equal('Click an icon to log in:');
    expect(m.form.shadowRoot!.querySelector('#email')).to.equal(null);
    await type(m, '#body', 'Let me in.');
    m.f<HTMLButtonElement>('.submit').click();
    await settle(m);
    expect(signInError(m)).to.equal('Please log in to comment.');
    expect(m.form.shadowRoot!.activeElement).to.equal(button(m, 'Log in with Google'));
    expect(post.called).to.equal(false);
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Let me in.');
  });

  it('email link: asks for the address (the guest email, if typed), sends the link, and says where it went', async () => {
    const session = new ScriptedSession();
    const store = new MemoryStore();
    const post = sinon.spy(store, 'post');
    const m = await mountWith(session, {}, store);
    await type(m, '#body', 'Waiting for my link.');
    await type(m, '#email', 'not-an-address');
    await click(m, 'Log in with a link sent by email');
    const input = m.f<HTMLInputElement>('#link-email');
    expect(text(m.f('label[for=link-email]'))).to.equal('Your email address');
    expect(m.form.shadowRoot!.activeElement).to.equal(input);
    expect(input.value).to.equal('not-an-address');

    await click(m, 'Send link');
    expect(signInError(m)).to.equal('Please enter a valid email address, like name@example.com.');
    input.select();
    await sendKeys({type: 'amy@example.com'});
    await sendKeys({press: 'Enter'}); // sends the link; does not post the comment
    await settle(m);
    expect(session.calls).to.include('sendLink:amy@example.com');
    expect(post.called).to.equal(false);
    expect(signInStatus(m)).to.equal(
      'We sent a sign-in link to amy@example.com. Open it in this browser to finish logging in; your comment will be waiting.',
    );
    expect(m.form.shadowRoot!.querySelector('#link-email')).to.equal(null);
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Waiting for my link.');
  });

  it('an email link opened in another browser asks which address it was sent to', async () => {
    const session = new ScriptedSession();
    session.resumeWith = {state: 'needs-email'};
    const m = await mountWith(session);
    expect(text(m.f('label[for=link-email]'))).to.equal('Confirm your email address to finish logging in:');
    await type(m, '#link-email', 'amy@example.com');
    await click(m, 'Log in');
    expect(session.calls).to.include('completeLink:amy@example.com');
    expect(text(m.f('legend'))).to.equal('You are commenting using your email address.');
  });

  it('finishes a sign-in that came back from a redirect, and tells a spent email link plainly', async () => {
    const session = new ScriptedSession({uid: 'guest-1', provider: 'guest'});
    session.resumeWith = {state: 'done', outcome: {kind: 'linked', user: {...THEO, uid: 'guest-1'}, method: 'google'}};
    const m = await mountWith(session);
    expect(text(m.f('legend'))).to.equal('You are commenting using your Google account.');
    expect(signInStatus(m)).to.equal('Your earlier comments as a guest are now part of your Google account.');

    const spent = new ScriptedSession();
    spent.resumeWith = {state: 'failed', error: new SessionError('invalid-link', 'expired')};
    const again = await mountWith(spent);
    expect(signInError(again)).to.equal('This sign-in link has expired or was already used. Ask for a new one below.');
  });

  it('signInWithCustomToken() and signOut() on the element go through the session', async () => {
    const session = new ScriptedSession();
    const m = await mountWith(session);
    await m.el.signInWithCustomToken('a-token');
    await settle(m);
    expect(session.calls).to.include('token:a-token');
    expect(text(m.f('legend'))).to.equal('You are commenting using your account on this site.');
    expect(text(m.f('.account-name'))).to.equal('Site Reader');
    await m.el.signOut();
    await settle(m);
    expect(session.calls).to.include('signOut');
    expect(m.f('#email')).to.exist;
  });

  it('keeps the icons in the keyboard order: comment box, Preview, icons, then the guest fields', async () => {
    const m = await mountWith(new ScriptedSession(), {providers: 'guest google github'});
    m.f<HTMLTextAreaElement>('#body').focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({press: 'Tab'});
      const el = m.form.shadowRoot!.activeElement!;
      order.push(el.getAttribute('aria-label') ?? (el.id || el.textContent!.trim()));
    }
    expect(order).to.deep.equal(['Preview', 'Log in with Google', 'Log in with GitHub', 'email']);
  });

  it('coming back from an email link is the same page: same thread, same draft', () => {
    const page = 'https://blog.example/her-review/?ref=home';
    const back = `${page}&apiKey=demo-key&oobCode=abc123&mode=signIn&lang=en`;
    expect(normalizePageUrl(back)).to.equal(normalizePageUrl(page));
    // Only an email link's parameters go: a page's own "mode" stays.
    expect(normalizePageUrl(`${page}&mode=dark`)).to.not.equal(normalizePageUrl(page));
  });

  it('speaks the reader’s language: French', async () => {
    const session = new ScriptedSession();
    const m = await mountWith(session, {lang: 'fr'});
    await waitUntil(() => button(m, 'Se connecter avec Google'), 'French labels');
    await click(m, 'Se connecter avec Google');
    expect(signInStatus(m)).to.equal('Connexion à Google…');
    session.finish(THEO);
    await settle(m);
    expect(text(m.f('legend'))).to.equal('Vous commentez avec votre compte Google.');
    expect(button(m, 'Se déconnecter')).to.exist;
  });
});
