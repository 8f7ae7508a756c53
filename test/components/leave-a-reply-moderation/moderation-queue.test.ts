/**
 * The moderation queue as a moderator uses it, against the Firestore emulator (firestore.rules
 * loaded) and the Auth emulator, which `npm run test:emulators` starts: comments left on two
 * pages, a moderator signed in (a custom token, as a site's own accounts sign in), the buttons
 * clicked in the element's shadow DOM, and then each page as a reader sees it.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {waitUntil} from '../../helpers/wait-until.js';
import {emulatorDb, emulatorHost, QUICK_POLLS, storeOn, writeAsOwner} from '../../helpers/firestore-emulator.js';
import {ready} from '../../helpers/mount.js';
import '../../../src/leave-a-reply-moderation.js';
import type {LeaveAReplyModerationElement} from '../../../src/components/leave-a-reply-moderation/leave-a-reply-moderation.js';
import type {LeaveAReplyElement} from '../../../src/components/leave-a-reply/leave-a-reply.js';
import type {ThreadRef} from '../../../src/model/comment.js';
import {resolveThread} from '../../../src/model/page-identity.js';
import {StoreError} from '../../../src/store/comment-store.js';
import {guestAuthor, Watcher} from '../../store/store-contract.js';

const authHost = window.__LAR_TEST_ENV__?.authEmulatorHost;
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
let counter = 0;
const unique = (name: string) => `${name}-${run}-${counter++}`;

/**
 * An unsigned custom token, as the Admin SDK's createCustomToken makes them for the Auth emulator
 * (alg "none": the emulator checks the audience, not a signature).
 */
function unsignedCustomToken(uid: string): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const now = Math.floor(Date.now() / 1000);
  const audience = 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit';
  const issuer = 'firebase-auth-emulator@example.com';
  return `${part({alg: 'none', typ: 'JWT'})}.${part({aud: audience, iss: issuer, sub: issuer, uid, iat: now, exp: now + 3600})}.`;
}

/** A page with a thread, as the widget names it, holding pending comments left by readers. */
async function pageWithPending(
  title: string,
  comments: Array<{id: string; body: string; uid: string; name: string}>,
): Promise<ThreadRef> {
  const thread = await resolveThread({pageUrl: `https://blog.example/${unique('page')}/`, pageTitle: title});
  await writeAsOwner(`threads/${thread.id}`, {
    url: thread.url,
    title,
    createdAt: new Date(Date.now() - 3_600_000),
    commentCount: 0,
    pendingCount: comments.length,
    lastCommentId: comments.at(-1)!.id,
  });
  for (const [i, c] of comments.entries()) {
    await writeAsOwner(`threads/${thread.id}/comments/${c.id}`, {
      parentId: null,
      rootId: null,
      body: c.body,
      author: {uid: c.uid, name: c.name, provider: 'guest'},
      // Newest last, and newer than anything earlier tests left (the queue lists newest first).
      createdAt: new Date(Date.now() + i * 1000),
      status: 'pending',
    });
  }
  return thread;
}

describe('with the Firestore and Auth emulators', function () {
  before(function () {
    // Skipped, not failed, without them: FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST not set: `npm run test:emulators` starts both, or says why it could not.
    if (!(emulatorHost && authHost)) this.skip();
  });

  describe('<leave-a-reply-moderation> against the emulators', () => {
    let el: LeaveAReplyModerationElement;
    const others: Array<{close(): void}> = [];

    const view = () => el.shadowRoot!.querySelector('lar-moderation-view')!;
    const text = (node: Element | ShadowRoot | null | undefined) =>
      (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const items = () => [...view().shadowRoot!.querySelectorAll<HTMLElement>('li.item')];
    const itemWith = (body: string) => items().find((li) => text(li.querySelector('.body')) === body);
    const announced = () => text(view().shadowRoot!.querySelector('[role="status"]'));
    /** Clicks the button a moderator reads as `label` on the comment that says `body`. */
    function press(body: string, label: string): void {
      const item = itemWith(body);
      const button = [...(item?.querySelectorAll('button') ?? [])].find((b) => text(b) === label);
      if (!button) throw new Error(`no “${label}” on “${body}”: ${text(item)}`);
      button.click();
    }

    async function openQueue(options: {moderator?: boolean; pageSize?: number} = {}): Promise<string> {
      const uid = unique('moderator');
      if (options.moderator !== false) await writeAsOwner(`admins/${uid}`, {since: new Date()});
      el = await fixture<LeaveAReplyModerationElement>(
        html`<leave-a-reply-moderation
          api-key="emulator-key"
          project-id="demo-lar"
          app-id="moderation-queue-test"
          auth-emulator=${`http://${authHost}`}
          firestore-emulator=${emulatorHost!}
          page-size=${options.pageSize ?? 50}
        ></leave-a-reply-moderation>`,
      );
      await el.signInWithCustomToken(unsignedCustomToken(uid));
      return uid;
    }

    /** The page's widget as a reader (signed out, another Firebase app) sees it once loaded. */
    async function widgetOn(thread: ThreadRef): Promise<{comments: string[]; heading: string}> {
      const widget = await fixture<LeaveAReplyElement>(
        html`<leave-a-reply
          loading="eager"
          api-key="emulator-key"
          project-id="demo-lar"
          app-id="moderation-queue-reader"
          firestore-emulator=${emulatorHost!}
          page-url=${thread.url}
          page-title=${thread.title}
        ></leave-a-reply>`,
      );
      const {$, $$} = await ready(widget);
      return {comments: $$('.comment .body').map((b) => text(b)), heading: text($('h2'))};
    }

    before(() => writeAsOwner('config/site', {}));
    afterEach(async () => {
      others.splice(0).forEach((o) => o.close());
      await el?.signOut();
    });

    it('lists every page’s pending comments, newest first, with their page, author and text', async () => {
      const uid = unique('reader');
      const her = await pageWithPending('Film Review for Her', [
        {id: 'first', body: `Older on Her ${run}`, uid, name: 'Sam'},
      ]);
      const arrival = await pageWithPending('Arrival', [
        {id: 'second', body: `Newer on Arrival ${run}`, uid, name: 'Sam <b>bold</b>'},
      ]);
      await openQueue();
      await waitUntil(() => itemWith(`Newer on Arrival ${run}`) && itemWith(`Older on Her ${run}`), 'not listed');
      await expect(el).to.be.accessible();

      const bodies = items().map((li) => text(li.querySelector('.body')));
      expect(bodies.indexOf(`Newer on Arrival ${run}`)).to.be.below(bodies.indexOf(`Older on Her ${run}`));
      const newer = itemWith(`Newer on Arrival ${run}`)!;
      const link = newer.querySelector<HTMLAnchorElement>('a[part="page"]')!;
      expect(text(link)).to.equal('Arrival');
      expect(link.href).to.equal(`${arrival.url}#comment-second`);
      // A name is text, never markup.
      expect(text(newer.querySelector('.author'))).to.equal('Sam <b>bold</b>');
      expect(newer.querySelector('b')).to.equal(null);
      expect(newer.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-/);
      expect(itemWith(`Older on Her ${run}`)!.querySelector<HTMLAnchorElement>('a[part="page"]')!.href).to.equal(
        `${her.url}#comment-first`,
      );
    });

    it('approves one comment and hides another, and the page’s widget then shows the approved one only', async () => {
      const her = await pageWithPending('Film Review for Her', [
        {id: 'keep', body: `Approve me ${run}`, uid: unique('reader'), name: 'Samantha'},
        {id: 'spam', body: `Hide me ${run}`, uid: unique('reader'), name: 'Spammer'},
      ]);
      await openQueue();
      await waitUntil(() => itemWith(`Approve me ${run}`) && itemWith(`Hide me ${run}`), 'not listed');

      press(`Approve me ${run}`, 'Approve');
      await waitUntil(() => !itemWith(`Approve me ${run}`), 'the approved comment stayed in the pending list');
      expect(announced()).to.equal('Approved the comment by Samantha.');
      // By keyboard: Enter on Hide; focus then goes to the comment that took its place, not the page.
      const hide = [...itemWith(`Hide me ${run}`)!.querySelectorAll('button')].find((b) => text(b) === 'Hide')!;
      hide.focus();
      await sendKeys({press: 'Enter'});
      await waitUntil(() => !itemWith(`Hide me ${run}`), 'the hidden comment stayed in the pending list');
      expect(announced()).to.equal('Hid the comment by Spammer.');
      await waitUntil(() => view().shadowRoot!.activeElement?.localName === 'article', 'focus was lost');

      // Under "Hidden", the hidden one, with Approve to bring it back.
      view().shadowRoot!.querySelector<HTMLInputElement>('input[value="hidden"]')!.click();
      await waitUntil(() => itemWith(`Hide me ${run}`), 'not under Hidden');
      expect([...itemWith(`Hide me ${run}`)!.querySelectorAll('button')].map((b) => text(b))).to.include('Approve');
      // Under "All recent", both, with their status.
      view().shadowRoot!.querySelector<HTMLInputElement>('input[value="recent"]')!.click();
      await waitUntil(() => itemWith(`Approve me ${run}`) && itemWith(`Hide me ${run}`), 'not under All recent');
      expect(text(itemWith(`Approve me ${run}`)!.querySelector('.meta .badge'))).to.equal('Published');
      expect(text(itemWith(`Hide me ${run}`)!.querySelector('.meta .badge'))).to.equal('Hidden');

      const reader = await widgetOn(her);
      expect(reader.comments).to.include(`Approve me ${run}`);
      expect(reader.comments).to.not.include(`Hide me ${run}`);
      expect(reader.heading).to.equal('1 thought on “Film Review for Her”');
    });

    it('approves all of an author’s pending comments on every page, and only theirs', async () => {
      const prolific = unique('reader');
      const her = await pageWithPending('Film Review for Her', [
        {id: 'p1', body: `Mine on Her ${run}`, uid: prolific, name: 'Theodore'},
        {id: 'o1', body: `Someone else ${run}`, uid: unique('reader'), name: 'Amy'},
      ]);
      const arrival = await pageWithPending('Arrival', [
        {id: 'p2', body: `Mine on Arrival ${run}`, uid: prolific, name: 'Theodore'},
      ]);
      await openQueue();
      await waitUntil(() => itemWith(`Mine on Her ${run}`) && itemWith(`Mine on Arrival ${run}`), 'not listed');

      press(`Mine on Arrival ${run}`, 'Approve all by this author');
      await waitUntil(
        () => !itemWith(`Mine on Her ${run}`) && !itemWith(`Mine on Arrival ${run}`),
        'the author’s comments stayed pending',
      );
      expect(announced()).to.equal('Approved 2 comments by Theodore.');
      expect(itemWith(`Someone else ${run}`), 'another author’s comment').to.not.equal(undefined);

      // Readers of both pages see them.
      const readerStore = storeOn(emulatorDb(unique('guest')), QUICK_POLLS);
      for (const [thread, body] of [
        [her, `Mine on Her ${run}`],
        [arrival, `Mine on Arrival ${run}`],
      ] as const) {
        const watcher = new Watcher(readerStore, thread);
        others.push(watcher);
        const state = await watcher.until(`${body} published`, (s) => s.comments.some((c) => c.body === body));
        expect(state.count).to.equal(1);
      }
    });

    it('blocks an author: their next comment is refused, until the block is lifted', async () => {
      const troll = unique('reader');
      const arrival = await pageWithPending('Arrival', [
        {id: 't1', body: `Troll talk ${run}`, uid: troll, name: 'Troll'},
      ]);
      await openQueue();
      await waitUntil(() => itemWith(`Troll talk ${run}`), 'not listed');

      press(`Troll talk ${run}`, 'Block author');
      await waitUntil(() => announced().startsWith('Blocked Troll'), 'no word of the block');
      expect([...itemWith(`Troll talk ${run}`)!.querySelectorAll('button')].map((b) => text(b))).to.include(
        'Unblock author',
      );
      // Focus stays on the comment's buttons, on the one that undoes it.
      await waitUntil(() => text(view().shadowRoot!.activeElement) === 'Unblock author', 'focus went elsewhere');

      const asTroll = storeOn(emulatorDb(troll), QUICK_POLLS);
      const refused = await asTroll
        .post(arrival, {parentId: null, body: 'Let me back in', author: guestAuthor(troll, 'Troll')})
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(refused).to.be.instanceOf(StoreError);
      expect((refused as StoreError).code).to.equal('permission-denied');
      // Anyone else still posts there.
      const someone = unique('guest');
      await storeOn(emulatorDb(someone), QUICK_POLLS).post(arrival, {
        parentId: null,
        body: 'Just a reader',
        author: guestAuthor(someone, 'Reader'),
      });

      press(`Troll talk ${run}`, 'Unblock author');
      await waitUntil(() => announced().startsWith('Unblocked Troll'), 'no word of the unblock');
      const posted = await asTroll.post(arrival, {
        parentId: null,
        body: 'I will behave',
        author: guestAuthor(troll, 'Troll'),
      });
      expect(posted.status).to.equal('published');
    });

    it('deletes a comment only when Delete is confirmed', async () => {
      await pageWithPending('Arrival', [{id: 'd1', body: `Delete me ${run}`, uid: unique('reader'), name: 'Dee'}]);
      await openQueue();
      await waitUntil(() => itemWith(`Delete me ${run}`), 'not listed');
      press(`Delete me ${run}`, 'Delete');
      await waitUntil(() => text(itemWith(`Delete me ${run}`)).includes('cannot be undone'), 'no warning');
      expect(text(view().shadowRoot!.activeElement)).to.equal('Delete for good');
      press(`Delete me ${run}`, 'Cancel');
      await waitUntil(() => text(view().shadowRoot!.activeElement) === 'Delete', 'focus did not return to Delete');
      press(`Delete me ${run}`, 'Delete');
      await waitUntil(() => text(itemWith(`Delete me ${run}`)).includes('cannot be undone'), 'no warning');
      press(`Delete me ${run}`, 'Delete for good');
      await waitUntil(() => !itemWith(`Delete me ${run}`), 'still listed');
      expect(announced()).to.equal('Deleted the comment by Dee.');
      // Deleted comments are placeholders: not under "All recent" either.
      view().shadowRoot!.querySelector<HTMLInputElement>('input[value="recent"]')!.click();
      await waitUntil(() => announced().includes(' recent comment'), 'All recent not listed');
      expect(itemWith(`Delete me ${run}`)).to.equal(undefined);
    });

    it('pages with Load more, each comment once', async () => {
      await pageWithPending('Arrival', [
        {id: 'a', body: `Page item 1 ${run}`, uid: unique('reader'), name: 'One'},
        {id: 'b', body: `Page item 2 ${run}`, uid: unique('reader'), name: 'Two'},
        {id: 'c', body: `Page item 3 ${run}`, uid: unique('reader'), name: 'Three'},
      ]);
      await openQueue({pageSize: 2});
      await waitUntil(() => items().length === 2, 'no first page');
      expect(items().map((li) => text(li.querySelector('.body')))).to.deep.equal([
        `Page item 3 ${run}`,
        `Page item 2 ${run}`,
      ]);
      view().shadowRoot!.querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
      await waitUntil(() => itemWith(`Page item 1 ${run}`), 'Load more brought nothing');
      const keys = items().map((li) => li.dataset.key);
      expect(new Set(keys).size).to.equal(keys.length);
      expect(items()[2]).to.equal(itemWith(`Page item 1 ${run}`));
    });

    it('tells an account without admins/{uid} that it does not moderate this site, until it does', async () => {
      const uid = await openQueue({moderator: false});
      await waitUntil(() => text(view().shadowRoot).includes('You are not a moderator of this site.'), 'no refusal');
      expect(text(view().shadowRoot)).to.include(uid);
      expect(items()).to.deep.equal([]);
      expect(view().shadowRoot!.querySelector('fieldset'), 'no filters for a non-moderator').to.equal(null);

      // The site owner makes the account a moderator, as docs/moderation-queue.md says; it checks again.
      await writeAsOwner(`admins/${uid}`, {since: new Date()});
      const again = [...view().shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Check again')!;
      again.click();
      await waitUntil(() => view().shadowRoot!.querySelector('fieldset'), 'the queue did not open');
    });
  });
});
