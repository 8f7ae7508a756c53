/**
 * "Notify me of new comments via email." on Firestore, with firestore.rules loaded in the emulator
 * (`npm run test:emulators`; one file: node scripts/with-emulators.mjs "npx wtr <this file>"):
 * - the store's subscribe writes the private document the rules accept, which its owner reads back;
 * - the whole flow on the Firebase backend: a guest ticks the box and posts through the widget.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {doc, getDoc, setLogLevel, terminate, Timestamp, type Firestore} from 'firebase/firestore/lite';
import {waitUntil} from '../../helpers/wait-until.js';
import {emulatorDb, emulatorHost, QUICK_POLLS, storeOn} from '../../helpers/firestore-emulator.js';
import {ready, threadOf} from '../../helpers/mount.js';
import type {LeaveAReplyElement} from '../../../src/components/leave-a-reply/leave-a-reply.js';
import {SUPPORTED_LANGUAGES} from '../../../src/i18n/catalogs.js';
import {StoreError, type Viewer} from '../../../src/store/comment-store.js';
import {newThread} from '../store-contract.js';
import '../../../src/leave-a-reply.js';

const env = window.__LAR_TEST_ENV__ ?? {};
const randomUid = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
/** Runs `refusal` with the SDK's error log off: it logs every refused request, and here they are the point. */
async function quietly<T>(refusal: () => Promise<T>): Promise<T> {
  setLogLevel('silent');
  try {
    return await refusal();
  } finally {
    setLogLevel('warn');
  }
}
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The document as the site owner sees it (the REST API as "owner" passes every rule). */
async function readAsOwner(path: string): Promise<{name: string; fields: Record<string, Record<string, string>>}[]> {
  const response = await fetch(`http://${emulatorHost}/v1/projects/demo-lar/databases/(default)/documents/${path}`, {
    headers: {authorization: 'Bearer owner'},
  });
  if (!response.ok) throw new Error(`Reading ${path} as owner: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as {documents?: []; name?: string};
  return body.documents ?? (body.name ? [body as never] : []);
}

describe('with the Firestore emulator: subscriptions', function () {
  before(function () {
    // Skipped, not failed, without it: FIRESTORE_EMULATOR_HOST not set: `npm run test:emulators` starts one, or says why it could not.
    if (!emulatorHost) this.skip();
  });

  describe(`FirestoreStore.subscribe against the emulator at ${emulatorHost}`, () => {
    const dbs: Firestore[] = [];
    const open = (uid: string) => {
      const db = emulatorDb(uid);
      dbs.push(db);
      return {db, store: storeOn(db, QUICK_POLLS), by: {uid, provider: 'guest'} as Viewer};
    };
    after(() => Promise.all(dbs.map((db) => terminate(db))));

    it('writes subscriptions/{threadId}/subscribers/{uid}, which its owner reads back and nobody else', async () => {
      const reader = open(randomUid('sam'));
      const thread = newThread();
      await reader.store.subscribe(thread, {email: 'sam@her.example', lang: 'fr'}, reader.by);
      const snapshot = await getDoc(doc(reader.db, 'subscriptions', thread.id, 'subscribers', reader.by.uid));
      expect(snapshot.exists()).to.equal(true);
      const data = snapshot.data()!;
      expect(Object.keys(data).sort()).to.deep.equal(['createdAt', 'email', 'lang']);
      expect(data).to.include({email: 'sam@her.example', lang: 'fr'});
      // The server's time (the rules ask for request.time), not the browser's.
      expect(data.createdAt).to.be.instanceOf(Timestamp);
      expect(Math.abs((data.createdAt as Timestamp).toMillis() - Date.now())).to.be.below(60_000);

      const other = open(randomUid('theo'));
      const peek = await quietly(() =>
        getDoc(doc(other.db, 'subscriptions', thread.id, 'subscribers', reader.by.uid)).then(
          () => 'read',
          (error: {code?: string}) => error.code,
        ),
      );
      expect(peek).to.equal('permission-denied');
    });

    it('subscribing again replaces the address and the language', async () => {
      const reader = open(randomUid('sam'));
      const thread = newThread();
      await reader.store.subscribe(thread, {email: 'sam@her.example', lang: 'fr'}, reader.by);
      await reader.store.subscribe(thread, {email: 'samantha@her.example', lang: 'de'}, reader.by);
      const [stored] = await readAsOwner(`subscriptions/${thread.id}/subscribers/${reader.by.uid}`);
      expect(stored.fields.email.stringValue).to.equal('samantha@her.example');
      expect(stored.fields.lang.stringValue).to.equal('de');
    });

    it('is accepted by the rules in every language the widget ships; a site’s own language is left out', async () => {
      const reader = open(randomUid('sam'));
      for (const lang of SUPPORTED_LANGUAGES) {
        const thread = newThread();
        await reader.store.subscribe(thread, {email: 'sam@her.example', lang}, reader.by);
        const [stored] = await readAsOwner(`subscriptions/${thread.id}/subscribers/${reader.by.uid}`);
        expect(stored.fields.lang?.stringValue, lang).to.equal(lang);
      }
      // registerLanguage('pt', …): the rules know only the shipped six, so the e-mails go in English.
      const thread = newThread();
      await reader.store.subscribe(thread, {email: 'sam@her.example', lang: 'pt'}, reader.by);
      const [stored] = await readAsOwner(`subscriptions/${thread.id}/subscribers/${reader.by.uid}`);
      expect(Object.keys(stored.fields).sort()).to.deep.equal(['createdAt', 'email']);
    });

    it('is refused, as a StoreError, for someone else’s uid or an address that is not one', async () => {
      const reader = open(randomUid('sam'));
      const refused = (write: () => Promise<void>) =>
        quietly(() =>
          write().then(
            () => null,
            (error: unknown) => error,
          ),
        );
      const asOther = await refused(() =>
        reader.store.subscribe(newThread(), {email: 'sam@her.example'}, {uid: 'someone-else', provider: 'guest'}),
      );
      expect(asOther).to.be.instanceOf(StoreError);
      expect((asOther as StoreError).code).to.equal('permission-denied');
      const notAnAddress = await refused(() => reader.store.subscribe(newThread(), {email: 'sam.at.her'}, reader.by));
      expect((notAnAddress as StoreError).code).to.equal('permission-denied');
    });
  });

  describe('the widget on the Firebase backend, with the Auth emulator', function () {
    before(function () {
      // Skipped, not failed, without it: no Auth emulator address: `npm run test:emulators` starts both.
      if (!env.authEmulatorHost) this.skip();
    });
    beforeEach(() => localStorage.clear());

    it('a guest who ticks the box and posts is subscribed with their address, under their account', async function () {
      this.timeout(120_000); // loads Firebase, signs up and posts on a machine that may be busy
      const wrapper = await fixture(html`<div></div>`);
      const el = document.createElement('leave-a-reply') as LeaveAReplyElement;
      const run = Math.random().toString(36).slice(2, 10);
      for (const [name, value] of Object.entries({
        loading: 'eager',
        'api-key': 'demo-key',
        'project-id': 'demo-lar',
        'auth-domain': 'demo-lar.firebaseapp.com',
        'auth-emulator': `http://${env.authEmulatorHost}`,
        'firestore-emulator': emulatorHost!,
        notifications: 'email',
        'page-url': `https://blog.example/notify-${run}/`,
        'page-title': 'Film Review for Her',
      }))
        el.setAttribute(name, value);
      wrapper.append(el);
      const m = await ready(el);
      const f = <T extends Element = HTMLElement>(selector: string) => m.form.shadowRoot!.querySelector<T>(selector);
      await waitUntil(() => f('input[name=notify]'), 'no "Notify me" box on the Firebase backend');

      const type = async (selector: string, value: string) => {
        f<HTMLInputElement>(selector)!.focus();
        await sendKeys({type: value});
      };
      await type('#body', 'Worth following.');
      await type('#email', 'ada@her.example');
      await type('#name', 'Ada');
      f<HTMLInputElement>('input[name=notify]')!.click();
      f<HTMLButtonElement>('.submit')!.click();

      await waitUntil(
        () => text(f('form > [part=status]')) === 'Check your inbox to confirm.',
        `not subscribed: ${text(f('form > [part=status]'))} ${text(f('.post-error'))}`,
        {timeout: 60_000},
      );
      const thread = await threadOf(el);
      const [comment] = await readAsOwner(`threads/${thread.id}/comments`);
      const subscribers = await readAsOwner(`subscriptions/${thread.id}/subscribers`);
      expect(subscribers).to.have.length(1);
      const [subscription] = subscribers;
      const authorUid = (comment.fields.author as unknown as {mapValue: {fields: {uid: {stringValue: string}}}})
        .mapValue.fields.uid.stringValue;
      expect(subscription.name.split('/').at(-1)).to.equal(authorUid);
      expect(subscription.fields.email.stringValue).to.equal('ada@her.example');
      expect(subscription.fields.lang.stringValue).to.equal('en');
      expect(subscription.fields.createdAt.timestampValue).to.be.a('string');
      // Never in the public comment.
      expect(JSON.stringify(comment)).to.not.contain('ada@her.example');
    });
  });
});
