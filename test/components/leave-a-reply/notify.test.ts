/**
 * "Notify me of new comments via email." under the form (notifications="email"), as a reader uses
 * it on a MemoryStore, which records subscriptions as Firestore would hold them. The Firestore
 * side and the whole flow on the Firebase backend run against the emulators:
 * test/store/firestore/firestore-subscriptions.test.ts.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import {waitUntil} from '../../helpers/wait-until.js';
import {sessionUserFrom} from '../../../src/auth/firebase/firebase-session.js';
import type {ResumedSignIn, Session, SessionUser, SignInOutcome} from '../../../src/auth/session.js';
import {SignInEvent} from '../../../src/events/sign-in-event.js';
import type {User} from 'firebase/auth';
import {StoreError} from '../../../src/store/comment-store.js';
import {MemoryStore} from '../../../src/store/memory/memory-store.js';
import {mount, ready, settle, threadOf, type Mounted} from '../../helpers/mount.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const LABEL = 'Notify me of new comments via email.';

/** The element that has focus, looking through shadow roots. */
function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A reader signed in with an account from the start (what Firebase Auth restores on a return visit). */
class AccountSession implements Session {
  readonly canSignIn = true;
  constructor(readonly user: SessionUser) {}
  subscribe(listener: (user: SessionUser | null) => void) {
    listener(this.user);
    return () => {};
  }
  prepare() {}
  async guest() {
    return this.user;
  }
  resume(): Promise<ResumedSignIn> {
    return Promise.resolve({state: 'none'});
  }
  signIn(): Promise<SignInOutcome> {
    return new Promise(() => {});
  }
  async sendSignInLink() {}
  completeSignInLink(): Promise<SignInOutcome> {
    return new Promise(() => {});
  }
  signInWithCustomToken(): Promise<SignInOutcome> {
    return new Promise(() => {});
  }
  async signOut() {}
}

const THEO: SessionUser = {uid: 'g-theo', provider: 'google', name: 'Theodore', email: 'theo@her.example'};
const SAM: SessionUser = {uid: 'gh-sam', provider: 'github', name: 'Samantha'};

/** The form's own status line (the sign-in area has one too). */
const formStatus = (m: Mounted) => text(m.f('form > [part=status]'));
const box = (m: Mounted) => m.form.shadowRoot!.querySelector<HTMLInputElement>('input[name=notify]');
const emailField = (m: Mounted) => m.form.shadowRoot!.querySelector<HTMLInputElement>('input[name=email]');

async function type(m: Mounted, selector: string, value: string) {
  m.f<HTMLInputElement>(selector).focus();
  await sendKeys({type: value});
}

async function tick(m: Mounted) {
  box(m)!.click();
  await settle(m);
}

async function submit(m: Mounted) {
  m.f<HTMLButtonElement>('.submit').click();
  await settle(m);
}

/** Types a comment and a guest's details, ready to post. */
async function fillGuest(m: Mounted, body = 'Quietly devastating.') {
  await type(m, '#body', body);
  await type(m, '#email', 'ada@her.example');
  await type(m, '#name', 'Ada');
}

async function subscriptionOf(m: Mounted, uid?: string) {
  const subscribers = m.store.subscriptions.get((await threadOf(m.el)).id);
  return uid ? subscribers?.get(uid) : subscribers && [...subscribers.values()][0];
}

/** The posted comment in the thread, once it is confirmed (no longer "Sending…"). */
const postedBody = (m: Mounted) => text(m.$('[part=comment]:not(.sending) [part=body]'));

describe('Notify me of new comments via email', () => {
  beforeEach(() => localStorage.clear());

  describe('whether the box is offered', () => {
    it('is not, by default: the site has not said that it sends the e-mails', async () => {
      const m = await mount();
      expect(box(m)).to.equal(null);
      expect(text(m.f('form'))).not.to.contain(LABEL);
    });

    it('is not for any other value than "email"', async () => {
      for (const value of ['off', 'yes', 'Email', '']) {
        const m = await mount({notifications: value});
        expect(box(m), value).to.equal(null);
      }
    });

    it('is, under the form, with notifications="email"', async () => {
      const m = await mount({notifications: 'email'});
      expect(box(m)).to.exist;
      expect(box(m)!.checked).to.equal(false);
      expect(text(box(m)!.closest('label'))).to.equal(LABEL);
      // Under the reader's details, just before Post Comment.
      const order = [...m.form.shadowRoot!.querySelectorAll('[name=remember], [name=notify], [part=submit]')];
      expect(order.map((el) => el.getAttribute('name') ?? 'submit')).to.deep.equal(['remember', 'notify', 'submit']);
    });

    it('follows the attribute and the property', async () => {
      const m = await mount();
      m.el.notifications = 'email';
      await waitUntil(() => box(m), 'notifications set as a property was not followed');
      m.el.setAttribute('notifications', 'off');
      await waitUntil(() => !box(m), 'notifications="off" still shows the box');
    });

    it('is never offered with backend="local", its own or <leave-a-reply-config>’s: nothing would send the e-mails', async () => {
      // The real local backend (its store keeps no subscriptions), not a test store.
      const page = 'https://blog.example/her-review/';
      const wrapper = await fixture(html`<div>
        <leave-a-reply backend="local" notifications="email" loading="eager" page-url=${page}></leave-a-reply>
        <leave-a-reply-config backend="local">
          <leave-a-reply notifications="email" loading="eager" page-url=${page}></leave-a-reply>
        </leave-a-reply-config>
      </div>`);
      for (const el of wrapper.querySelectorAll('leave-a-reply')) {
        const m = (await ready(el)) as Mounted;
        await settle(m);
        expect(m.form, el.parentElement!.localName).to.exist;
        expect(box(m), el.parentElement!.localName).to.equal(null);
      }
    });

    it('is in the page’s language', async () => {
      const m = await mount({notifications: 'email', lang: 'de'});
      await waitUntil(
        () => text(box(m)?.closest('label')) === 'Mich per E-Mail über neue Kommentare benachrichtigen.',
        'no German label',
      );
    });
  });

  it('is accessible: the box, a signed-in reader’s address field and its error', async () => {
    const m = await mount({notifications: 'email'}, new MemoryStore(), new AccountSession(SAM));
    await settle(m);
    await expect(m.el).to.be.accessible();
    await tick(m);
    await expect(m.el).to.be.accessible();
    await type(m, '#body', 'Hello');
    await submit(m);
    expect(emailField(m)!.getAttribute('aria-invalid')).to.equal('true');
    await expect(m.el).to.be.accessible();
  });

  describe('a guest', () => {
    it('who ticks it and posts is subscribed with the address they typed, in the page’s language', async () => {
      const m = await mount({notifications: 'email'});
      await fillGuest(m);
      await tick(m);
      await submit(m);
      await waitUntil(() => postedBody(m) === 'Quietly devastating.', 'the comment was not posted');
      // Under the guest account that posted the comment (LocalSession keeps its uid here).
      const uid = localStorage.getItem('leave-a-reply:guest-uid')!;
      await waitUntil(() => subscriptionOf(m, uid), 'no subscription');
      expect(await subscriptionOf(m, uid)).to.include({email: 'ada@her.example', lang: 'en'});
      expect(m.store.subscriptions.get((await threadOf(m.el)).id)!.size).to.equal(1);
      // A guest's address is confirmed by e-mail first.
      await waitUntil(() => formStatus(m) === 'Check your inbox to confirm.', 'no word about confirming');
    });

    it('in French gets the French label and a subscription in French', async () => {
      const m = await mount({notifications: 'email', lang: 'fr'});
      await waitUntil(
        () => text(box(m)?.closest('label')) === 'Me notifier des nouveaux commentaires par e-mail.',
        'no French label',
      );
      await fillGuest(m);
      await tick(m);
      await submit(m);
      await waitUntil(() => subscriptionOf(m), 'no subscription');
      expect(await subscriptionOf(m)).to.include({email: 'ada@her.example', lang: 'fr'});
      await waitUntil(
        () => formStatus(m) === 'Consultez votre boîte de réception pour confirmer.',
        'no French word about confirming',
      );
    });

    it('who leaves it unticked is not subscribed', async () => {
      const m = await mount({notifications: 'email'});
      await fillGuest(m);
      await submit(m);
      await waitUntil(() => postedBody(m) === 'Quietly devastating.', 'the comment was not posted');
      expect(m.store.subscriptions.size).to.equal(0);
    });

    it('whose comment is refused is not subscribed, and keeps the tick with the text', async () => {
      const m = await mount({notifications: 'email'});
      m.store.failNextPost(new StoreError('permission-denied', 'refused'));
      await fillGuest(m);
      await tick(m);
      await submit(m);
      await waitUntil(() => m.form.shadowRoot!.querySelector('.post-error'), 'no error');
      expect(m.store.subscriptions.size).to.equal(0);
      expect(box(m)!.checked).to.equal(true);
      expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Quietly devastating.');
    });
  });

  describe('a signed-in reader', () => {
    it('with a verified address is subscribed at it, with no field to fill and nothing to confirm', async () => {
      const m = await mount({notifications: 'email'}, new MemoryStore(), new AccountSession(THEO));
      await settle(m);
      await tick(m);
      expect(emailField(m)).to.equal(null);
      await type(m, '#body', 'Samantha’s voice carries it.');
      await submit(m);
      await waitUntil(() => subscriptionOf(m, THEO.uid), 'no subscription');
      expect(await subscriptionOf(m, THEO.uid)).to.include({email: 'theo@her.example', lang: 'en'});
      expect(postedBody(m)).to.equal('Samantha’s voice carries it.');
      expect(formStatus(m)).to.equal('');
      // The address stays out of the comment.
      const thread = await threadOf(m.el);
      const comments = await new Promise<unknown[]>((resolve) => {
        const watch = m.store.watchThread(thread, {sort: 'oldest', pageSize: 10}, (state) => {
          resolve(state.comments);
          queueMicrotask(() => watch.close());
        });
      });
      expect(comments).to.have.length(1);
      expect(JSON.stringify(comments)).to.not.contain('theo@');
    });

    it('without one types an address: required while ticked, checked, and focused when wrong', async () => {
      const m = await mount({notifications: 'email'}, new MemoryStore(), new AccountSession(SAM));
      await settle(m);
      expect(emailField(m)).to.equal(null);
      await tick(m);
      const field = emailField(m)!;
      expect(field).to.exist;
      expect(field.getAttribute('aria-required')).to.equal('true');
      expect(text(m.f('label[for=email]'))).to.equal('Email (required)');

      await type(m, '#body', 'A reply worth following.');
      await submit(m);
      expect(text(m.f('#email-error'))).to.equal('Please enter your email address. It is never made public.');
      expect(field.getAttribute('aria-describedby')).to.contain('email-error');
      expect(focused()).to.equal(field);
      expect(m.store.subscriptions.size).to.equal(0);
      expect(m.$('[part=comment]')).to.equal(null); // nothing posted yet

      await sendKeys({type: 'sam.at.her'});
      await submit(m);
      expect(text(m.f('#email-error'))).to.equal('Please enter a valid email address, like name@example.com.');
      expect(focused()).to.equal(emailField(m));

      // Unticked, the address is no longer asked for.
      await tick(m);
      expect(emailField(m)).to.equal(null);
      await tick(m);

      m.f<HTMLInputElement>('#email').select();
      await sendKeys({type: 'sam@her.example'});
      await submit(m);
      await waitUntil(() => subscriptionOf(m, SAM.uid), 'no subscription');
      expect(await subscriptionOf(m, SAM.uid)).to.include({email: 'sam@her.example', lang: 'en'});
      expect(postedBody(m)).to.equal('A reply worth following.');
      // An address the account has not verified: the functions ask to confirm it.
      await waitUntil(() => formStatus(m) === 'Check your inbox to confirm.', 'no word about confirming');
    });

    it('never hands the verified address to the page in lar-sign-in', () => {
      const event = new SignInEvent(THEO);
      expect(event.detail).to.deep.equal({uid: 'g-theo', provider: 'google', name: 'Theodore'});
    });

    it('has a verified address only when the provider verified it', () => {
      const user = (fields: Partial<User>) =>
        ({uid: 'u1', isAnonymous: false, providerData: [{providerId: 'github.com'}], ...fields}) as unknown as User;
      expect(sessionUserFrom(user({email: 'sam@her.example', emailVerified: true})).email).to.equal('sam@her.example');
      expect(sessionUserFrom(user({email: 'sam@her.example', emailVerified: false})).email).to.equal(undefined);
      expect(sessionUserFrom(user({email: null, emailVerified: true})).email).to.equal(undefined);
    });
  });

  it('a failed subscription says so, and the comment stays posted', async () => {
    const store = new MemoryStore();
    const subscribe = sinon.stub(store, 'subscribe').rejects(new StoreError('permission-denied', 'refused'));
    const m = await mount({notifications: 'email'}, store);
    await fillGuest(m);
    await tick(m);
    await submit(m);
    await waitUntil(() => subscribe.called, 'no subscription was tried');
    await waitUntil(() => m.form.shadowRoot!.querySelector('.post-error'), 'the failure is not shown');
    const alert = m.f('.post-error');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.equal('Your comment was posted, but email notifications could not be turned on.');
    expect(postedBody(m)).to.equal('Quietly devastating.');
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal(''); // the text is not put back: it is posted
    expect(localStorage.getItem(`leave-a-reply:draft:${(await threadOf(m.el)).id}`)).to.equal(null);
    expect(formStatus(m)).to.not.equal('Check your inbox to confirm.');
  });

  it('works by keyboard: Tab to the box, Space ticks it, Tab to the address a signed-in reader types', async () => {
    const m = await mount({notifications: 'email'}, new MemoryStore(), new AccountSession(SAM));
    await settle(m);
    m.f<HTMLTextAreaElement>('#body').focus();
    await sendKeys({type: 'Typed without a mouse.'});
    // Past the comment box's own controls to the box.
    for (let i = 0; i < 10 && focused()?.getAttribute('name') !== 'notify'; i++) await sendKeys({press: 'Tab'});
    expect(focused()?.getAttribute('name')).to.equal('notify');
    await sendKeys({press: 'Space'});
    await settle(m);
    expect(box(m)!.checked).to.equal(true);
    await sendKeys({press: 'Tab'});
    expect(focused()).to.equal(emailField(m));
    await sendKeys({type: 'sam@her.example'});
    await sendKeys({press: 'Tab'});
    expect(focused()?.getAttribute('part')).to.equal('submit');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => subscriptionOf(m, SAM.uid), 'no subscription');
    expect(await subscriptionOf(m, SAM.uid)).to.include({email: 'sam@her.example'});
  });

  it('ticked while a post waits for the connection, leaves that post’s draft alone, and subscribes once it lands', async () => {
    const m = await mount({notifications: 'email'});
    const draftKey = `leave-a-reply:draft:${(await threadOf(m.el)).id}`;
    m.store.setOnline(false);
    await fillGuest(m, 'Sent from a train.');
    await tick(m);
    await submit(m);
    await waitUntil(() => m.f<HTMLTextAreaElement>('#body').value === '', 'the box was not emptied');
    await tick(m); // unticked: the post on its way keeps what it was sent with
    await tick(m);
    expect(JSON.parse(localStorage.getItem(draftKey)!)).to.include({body: 'Sent from a train.', notify: true});
    m.store.setOnline(true);
    await waitUntil(() => subscriptionOf(m), 'no subscription once the post landed');
    expect(await subscriptionOf(m)).to.include({email: 'ada@her.example'});
    expect(localStorage.getItem(draftKey)).to.equal(null);
  });

  it('keeps the tick with the unsent comment across a reload', async () => {
    const store = new MemoryStore();
    const first = await mount({notifications: 'email'}, store);
    await type(first, '#body', 'Half a thought');
    await tick(first);
    first.el.remove();

    const again = await mount({notifications: 'email'}, store);
    expect(again.f<HTMLTextAreaElement>('#body').value).to.equal('Half a thought');
    expect(box(again)!.checked).to.equal(true);
    // Unticking is kept too.
    await tick(again);
    again.el.remove();
    const third = await mount({notifications: 'email'}, store);
    expect(box(third)!.checked).to.equal(false);
  });
});
