import {expect, fixture, html} from '@open-wc/testing';
import {waitUntil} from '../../helpers/wait-until.js';
import {LocalSession} from '../../../src/auth/local-session.js';
import type {LeaveAReplyElement} from '../../../src/components/leave-a-reply/leave-a-reply.js';
import {MemoryStore} from '../../../src/store/memory/memory-store.js';
import {comment, PAGE, threadOf, TITLE} from '../../helpers/mount.js';

/** The element that has focus, looking through shadow roots. */
function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * Mounts a widget on a thread with one comment by Bea, and calls `onThread` in the task that
 * first renders the thread, before the browser has painted it.
 */
async function mountWatchingFirstRender(onThread: (root: ShadowRoot, el: LeaveAReplyElement) => void) {
  const store = new MemoryStore();
  const el = document.createElement('leave-a-reply');
  for (const [name, value] of Object.entries({loading: 'eager', 'page-url': PAGE, 'page-title': TITLE}))
    el.setAttribute(name, value);
  store.seed(await threadOf(el), [comment({id: 'first', name: 'Bea'})]);
  const wrapper = await fixture(
    html`<lar-test-backend .store=${store} .session=${new LocalSession()}></lar-test-backend>`,
  );
  wrapper.append(el);
  await el.boot();
  const root = el.shadowRoot!.querySelector('lar-comment-section')!.shadowRoot!;
  expect(!!root.querySelector('[part=comment]'), 'rendered before it could be watched').to.equal(false);
  await new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!root.querySelector('[part=comment]')) return;
      observer.disconnect();
      onThread(root, el);
      resolve();
    });
    observer.observe(root, {childList: true, subtree: true});
  });
  return {el, root, wrapper};
}

const formIn = (root: ShadowRoot) => root.querySelector('lar-reply-form');

describe('first render', () => {
  beforeEach(() => localStorage.clear());

  it('shows the thread without the form; the form follows by itself', async () => {
    let formAtFirstRender: boolean | undefined;
    const {root} = await mountWatchingFirstRender((r) => (formAtFirstRender = !!formIn(r)));
    expect(formAtFirstRender, 'the form is in the first render').to.equal(false);
    await waitUntil(() => formIn(root)?.shadowRoot?.querySelector('textarea'), 'the form did not follow the thread');
  });

  it('Reply pressed before the form has loaded moves focus into it once it is there', async () => {
    const {root} = await mountWatchingFirstRender((r) => r.querySelector<HTMLElement>('[part=reply-button]')!.click());
    await waitUntil(() => focused()?.id === 'body', 'the comment box did not take focus');
    expect(formIn(root)!.shadowRoot!.querySelector('[part=form-title]')!.textContent).to.contain(
      'Leave a Reply to Bea',
    );
    expect(root.querySelector('[part=reply-button]')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('takes a dark page’s scheme in the first frame it paints', async () => {
    const dark = Object.assign(document.createElement('style'), {
      textContent: 'body { color: #f1f1f1; background: #121212; }',
    });
    document.head.append(dark);
    try {
      const {el} = await mountWatchingFirstRender(() => {});
      const section = el.shadowRoot!.querySelector('lar-comment-section')!;
      // Asked for after the view connected, so it runs after the view's own frame callback.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(section.getAttribute('scheme')).to.equal('dark');
    } finally {
      dark.remove();
    }
  });

  it('loads nothing more for a widget taken out before its thread was painted, and everything once it is back', async () => {
    const {el, root, wrapper} = await mountWatchingFirstRender((_, widget) => widget.remove());
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    expect(!!formIn(root), 'a form for a widget no longer on the page').to.equal(false);
    expect(
      !!el.querySelector('script[type="application/ld+json"]'),
      'JSON-LD for a widget no longer on the page',
    ).to.equal(false);
    wrapper.append(el);
    await waitUntil(() => formIn(root)?.shadowRoot?.querySelector('textarea'), 'the form did not come back');
    await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'the JSON-LD did not come back');
  });
});
