import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import {LocalSession} from '../../../src/auth/local-session.js';
import type {CommentSection} from '../../../src/components/leave-a-reply/internal/comment-section.js';
import type {LeaveAReplyElement} from '../../../src/components/leave-a-reply/leave-a-reply.js';
import {en} from '../../../src/i18n/en.js';
import type {Comment} from '../../../src/model/comment.js';
import {PAGE_SIZE} from '../../../src/model/limits.js';
import {MemoryStore} from '../../../src/store/memory/memory-store.js';
import {comment, mount, PAGE, pageThread, TITLE} from '../../helpers/mount.js';
import {waitUntil} from '../../helpers/wait-until.js';

const clearHash = () => history.replaceState(null, '', location.pathname + location.search);
const linkTo = (id: string) => history.replaceState(null, '', `#comment-${id}`);

/** A thread of PAGE_SIZE + 5 top-level comments; the last of them has a reply with a reply. */
async function longThread(): Promise<{store: MemoryStore; late: Comment; reply: Comment; deep: Comment}> {
  const store = new MemoryStore();
  const tops = Array.from({length: PAGE_SIZE + 5}, () => comment({}));
  const late = tops.at(-1)!;
  const reply = comment({parentId: late.id, rootId: late.id, body: 'The reply'});
  const deep = comment({parentId: reply.id, rootId: late.id, body: 'The answer to the reply'});
  store.seed(await pageThread(), [...tops, reply, deep]);
  return {store, late, reply, deep};
}

/** A lazy widget far below the fold, as on a long review: nothing makes it boot but the link. */
async function farBelow(store: MemoryStore): Promise<LeaveAReplyElement> {
  const root = await fixture<HTMLElement>(html`<lar-test-backend .store=${store} .session=${new LocalSession()}>
    <div style="height: 4000px">The review.</div>
    <leave-a-reply page-url=${PAGE} page-title=${TITLE}></leave-a-reply>
  </lar-test-backend>`);
  return root.querySelector('leave-a-reply')!;
}

const sectionOf = (el: LeaveAReplyElement) => el.shadowRoot?.querySelector<CommentSection>('lar-comment-section');
const itemIn = (el: LeaveAReplyElement, id: string) =>
  sectionOf(el)?.shadowRoot?.querySelector<HTMLElement>(`#comment-${id}`) ?? null;
const inView = (item: Element) => {
  const box = item.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight;
};

describe('links to a comment', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    clearHash();
    sinon.restore();
  });

  it('page#comment-ID boots the widget at once and brings that reply, with the comments it answers, into view and focus', async () => {
    const {store, late, reply, deep} = await longThread();
    linkTo(deep.id);
    const el = await farBelow(store);
    await waitUntil(() => itemIn(el, deep.id)?.classList.contains('linked'), 'the linked reply was not shown');
    const item = itemIn(el, deep.id)!;
    const root = sectionOf(el)!.shadowRoot!;
    expect(root.activeElement, 'focus is on the linked comment').to.equal(item.querySelector('article'));
    await waitUntil(() => inView(item), 'scrolled to it');
    // It sits in its place: under the reply it answers, under a comment from the second page.
    expect(item.parentElement?.closest('li')?.id).to.equal(`comment-${reply.id}`);
    expect(itemIn(el, reply.id)!.parentElement?.closest('li')?.id).to.equal(`comment-${late.id}`);
    expect(root.querySelector('[part=load-more]'), 'the rest of page 2 still waits behind Load more').to.exist;
  });

  it('follows a link clicked later (hashchange), and says so when the comment is not there', async () => {
    const {store, late} = await longThread();
    const m = await mount({}, store);
    const notice = () => m.$('.link-notice')?.textContent?.trim() ?? '';

    location.hash = 'comment-no-such-comment';
    await waitUntil(() => notice() === en.linkedCommentMissing, `saw “${notice()}”`);

    location.hash = `comment-${late.id}`;
    await waitUntil(() => m.$(`#comment-${late.id}`)?.classList.contains('linked'), 'the linked comment was not shown');
    expect(notice(), 'the notice is gone').to.equal('');
    expect(m.section.shadowRoot!.activeElement).to.equal(m.$(`#comment-${late.id} > article`));
  });

  it('a link to a deleted comment gets the notice, not an empty placeholder', async () => {
    const store = new MemoryStore();
    const gone = comment({status: 'deleted', body: ''});
    store.seed(await pageThread(), [comment({}), gone]);
    linkTo(gone.id);
    const m = await mount({}, store);
    await waitUntil(() => m.$('.link-notice'), 'no notice');
  });

  it('Copy link puts the comment’s own URL on the clipboard, or in the address bar when there is none', async () => {
    const store = new MemoryStore();
    const her = comment({body: 'Samantha’s voice carries the film.'});
    store.seed(await pageThread(), [her]);
    const m = await mount({}, store);
    // Stand-in for the clipboard: a page in headless Chromium cannot grant itself the permission
    // (test/e2e/demo-configurator.test.mjs uses the real one, granted through Playwright).
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const button = () => m.$<HTMLButtonElement>(`#comment-${her.id} .copy-link`)!;
    expect(button().textContent?.trim()).to.equal('Copy link');
    button().click();
    await waitUntil(() => m.$('[aria-live=polite]')?.textContent?.includes('Link copied.'), 'not announced');
    expect(write.firstCall.args[0]).to.equal(`${PAGE}#comment-${her.id}`);

    write.rejects(new DOMException('Write permission denied.', 'NotAllowedError'));
    button().click();
    await waitUntil(() => location.hash === `#comment-${her.id}`, 'the address bar has no link');
    await waitUntil(
      () => m.$('[aria-live=polite]')?.textContent?.includes(en.actions.linkInAddressBar),
      'not announced',
    );
  });
});
