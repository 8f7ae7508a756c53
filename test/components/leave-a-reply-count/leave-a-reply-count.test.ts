import {expect, fixture, html} from '@open-wc/testing';
import {waitUntil} from '../../helpers/wait-until.js';
import sinon from 'sinon';
import {LocalSession} from '../../../src/auth/local-session.js';
import type {LeaveAReplyCountElement} from '../../../src/components/leave-a-reply-count/leave-a-reply-count.js';
import {CommentPostedEvent} from '../../../src/events/comment-posted-event.js';
import type {ThreadRef} from '../../../src/model/comment.js';
import {resolveThread} from '../../../src/model/page-identity.js';
import {LocalStore} from '../../../src/store/memory/local-store.js';
import {MemoryStore} from '../../../src/store/memory/memory-store.js';
import '../../../src/leave-a-reply.js';
import {comment, ready} from '../../helpers/mount.js';
import '../../helpers/test-backend.js';

const HER = 'https://the-long-take.example/2014/01/film-review-for-her/';
const ARRIVAL = 'https://the-long-take.example/2016/11/arrival/';
const SOLARIS = 'https://the-long-take.example/1972/solaris/';

/** What a reader sees: the count once it is there, else the element's own content. */
function shown(el: LeaveAReplyCountElement): string {
  const count = el.shadowRoot?.querySelector('[part=count]');
  return ((count ?? el).textContent ?? '').trim();
}

async function showsCount(el: LeaveAReplyCountElement, text: string) {
  await waitUntil(() => shown(el) === text, `expected “${text}”, saw “${shown(el)}”`);
}

const thread = (pageUrl: string): Promise<ThreadRef> => resolveThread({pageUrl});

async function seeded(): Promise<MemoryStore> {
  const store = new MemoryStore();
  store.seed(await thread(HER), [comment({}), comment({}), comment({status: 'pending'})]);
  store.seed(await thread(ARRIVAL), [comment({})]);
  return store;
}

/** Counts on a MemoryStore given by an enclosing provider, as `<leave-a-reply-config>` would. */
function onStore(store: MemoryStore, body: ReturnType<typeof html>) {
  return fixture<HTMLElement>(
    html`<lar-test-backend .store=${store} .session=${new LocalSession()}>${body}</lar-test-backend>`,
  );
}

const counts = (root: Element) => [...root.querySelectorAll('leave-a-reply-count')];

describe('<leave-a-reply-count>', () => {
  beforeEach(() => localStorage.clear());

  it('is accessible and reads the published count of the page it names', async () => {
    const root = await onStore(
      await seeded(),
      html`<p><a href="/her/"><leave-a-reply-count page-url=${HER}></leave-a-reply-count></a></p>
        <p><a href="/arrival/"><leave-a-reply-count page-url=${ARRIVAL}></leave-a-reply-count></a></p>
        <p><a href="/solaris/"><leave-a-reply-count page-url=${SOLARIS}></leave-a-reply-count></a></p>`,
    );
    const [her, arrival, solaris] = counts(root);
    await showsCount(her, '2 thoughts');
    await showsCount(arrival, '1 thought');
    await showsCount(solaris, 'No thoughts yet');
    expect(her.count).to.equal(2);
    await expect(root).to.be.accessible();
  });

  it('names the thread by page-id when given, like the widget', async () => {
    const store = new MemoryStore();
    store.seed({id: 'her-2013', url: '', title: 'Her'}, [comment({}), comment({}), comment({})]);
    const root = await onStore(
      store,
      html`<leave-a-reply-count page-id="her-2013" page-url=${SOLARIS}></leave-a-reply-count>`,
    );
    await showsCount(counts(root)[0], '3 thoughts');
  });

  it('shows its own content until it comes near the viewport and is counted', async () => {
    const root = await onStore(
      await seeded(),
      html`<div style="height: 4000px"></div>
        <leave-a-reply-count page-url=${HER}>Comments</leave-a-reply-count>`,
    );
    const [far] = counts(root);
    await new Promise((r) => setTimeout(r, 100));
    expect(shown(far)).to.equal('Comments');
    expect(far.count).to.equal(undefined);
    far.scrollIntoView();
    await showsCount(far, '2 thoughts');
    window.scrollTo(0, 0);
  });

  it('reads all the counts that come into view together in one call, each thread once', async () => {
    const store = await seeded();
    const countComments = sinon.spy(store, 'countComments');
    const root = await onStore(
      store,
      html`<leave-a-reply-count page-url=${HER}></leave-a-reply-count>
        <leave-a-reply-count page-url=${ARRIVAL}></leave-a-reply-count>
        <leave-a-reply-count page-url=${SOLARIS}></leave-a-reply-count>
        <leave-a-reply-count page-url=${`${HER}?utm_source=feed`}></leave-a-reply-count>
        <leave-a-reply-count page-id="her-2013"></leave-a-reply-count>`,
    );
    const all = counts(root);
    await Promise.all(
      all.map((el, i) =>
        showsCount(el, ['2 thoughts', '1 thought', 'No thoughts yet', '2 thoughts', 'No thoughts yet'][i]),
      ),
    );
    expect(countComments.callCount).to.equal(1);
    const asked = countComments.firstCall.args[0].map((t) => t.id);
    expect(asked).to.have.length(4);
    expect(asked).to.include.members([(await thread(HER)).id, (await thread(ARRIVAL)).id, 'her-2013']);
  });

  it('counts again when its page-url changes', async () => {
    const root = await onStore(await seeded(), html`<leave-a-reply-count page-url=${HER}></leave-a-reply-count>`);
    const [el] = counts(root);
    await showsCount(el, '2 thoughts');
    el.pageUrl = ARRIVAL;
    await showsCount(el, '1 thought');
  });

  it('counts again when a widget on the page posts to its thread, and only then', async () => {
    const store = await seeded();
    const root = await onStore(
      store,
      html`<leave-a-reply-count page-url=${HER}></leave-a-reply-count>
        <leave-a-reply-count page-url=${ARRIVAL}></leave-a-reply-count>
        <leave-a-reply loading="eager" page-url=${HER}></leave-a-reply>`,
    );
    const [her, arrival] = counts(root);
    await showsCount(her, '2 thoughts');
    await showsCount(arrival, '1 thought');
    const countComments = sinon.spy(store, 'countComments');
    const widget = await ready(root.querySelector('leave-a-reply')!);
    const posted = await store.post(await thread(HER), {
      parentId: null,
      body: 'Third!',
      author: {uid: 'u', name: 'Ada', provider: 'guest'},
    });
    widget.form.dispatchEvent(new CommentPostedEvent(posted)); // as the form does once a post is accepted
    await showsCount(her, '3 thoughts');
    expect(countComments.callCount).to.equal(1);
    expect(countComments.firstCall.args[0].map((t) => t.id)).to.deep.equal([(await thread(HER)).id]);
    expect(shown(arrival)).to.equal('1 thought');
  });

  it('speaks the page’s language, or its own lang, and follows a change of <html lang>', async () => {
    const root = await onStore(
      await seeded(),
      html`<leave-a-reply-count page-url=${HER}></leave-a-reply-count>
        <leave-a-reply-count page-url=${HER} lang="ja"></leave-a-reply-count>
        <leave-a-reply-count page-url=${ARRIVAL} lang="ar"></leave-a-reply-count>`,
    );
    const [page, japanese, arabic] = counts(root);
    await showsCount(page, '2 thoughts');
    await showsCount(japanese, '2件のコメント');
    await showsCount(arabic, 'تعليق واحد');
    try {
      document.documentElement.lang = 'fr';
      await showsCount(page, '2 commentaires');
      document.documentElement.lang = 'de';
      await showsCount(page, '2 Kommentare');
      expect(page.shadowRoot!.querySelector('[part=count]')!.getAttribute('lang')).to.equal('de');
      page.setAttribute('lang', 'es');
      await showsCount(page, '2 comentarios');
      expect(shown(japanese)).to.equal('2件のコメント');
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('shares the store of a widget with the same settings (one backend per configuration)', async () => {
    const herThread = await thread(HER);
    localStorage.setItem(
      `leave-a-reply:thread:${herThread.id}`,
      JSON.stringify([{...comment({}), createdAt: new Date().toISOString()}]),
    );
    const countComments = sinon.spy(LocalStore.prototype, 'countComments');
    try {
      const root = await fixture<HTMLElement>(html`<div>
        <leave-a-reply backend="local" loading="eager" page-url=${HER}></leave-a-reply>
        <leave-a-reply-count backend="local" page-url=${HER}></leave-a-reply-count>
      </div>`);
      const [el] = counts(root);
      await showsCount(el, '1 thought');
      const {section} = await ready(root.querySelector('leave-a-reply')!);
      await waitUntil(() => section.store);
      expect(countComments.firstCall.thisValue).to.equal(section.store);
    } finally {
      countComments.restore();
    }
  });

  it('keeps its own content and names the attribute when misconfigured', async () => {
    const consoleError = sinon.stub(console, 'error');
    try {
      const el = document.createElement('leave-a-reply-count');
      el.setAttribute('loading', 'eager');
      el.textContent = 'Comments';
      const failed = new Promise<CustomEvent>((resolve) =>
        el.addEventListener('lar-error', (e) => resolve(e as CustomEvent)),
      );
      (await fixture<HTMLElement>(html`<div></div>`)).append(el);
      const event = await failed;
      expect(event.detail.code).to.equal('invalid-config');
      expect(consoleError.args.map((a) => String(a[0])).join('\n')).to.contain('<leave-a-reply-count> api-key');
      expect(shown(el)).to.equal('Comments');
    } finally {
      consoleError.restore();
    }
  });

  it('says so when the count cannot be read, and keeps its own content', async () => {
    const store = await seeded();
    sinon.stub(store, 'countComments').rejects(new Error('Quota exceeded.'));
    const consoleError = sinon.stub(console, 'error');
    try {
      const root = await onStore(store, html`<leave-a-reply-count page-url=${HER}>Comments</leave-a-reply-count>`);
      const [el] = counts(root);
      const event = await new Promise<CustomEvent>((resolve) =>
        el.addEventListener('lar-error', (e) => resolve(e as CustomEvent)),
      );
      expect(event.detail).to.deep.equal({code: 'count-failed', message: 'Quota exceeded.'});
      expect(shown(el)).to.equal('Comments');
    } finally {
      consoleError.restore();
    }
  });
});
