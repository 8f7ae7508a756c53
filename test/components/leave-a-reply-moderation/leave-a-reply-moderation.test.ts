/**
 * `<leave-a-reply-moderation>` without a backend to talk to: what a site owner sees when the
 * configuration is wrong, and what a moderator sees before signing in (nothing here reaches a
 * network). The queue itself, against the emulators: moderation-queue.test.ts.
 */
import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import {waitUntil} from '../../helpers/wait-until.js';
import '../../../src/leave-a-reply-moderation.js';
import type {LeaveAReplyModerationElement} from '../../../src/components/leave-a-reply-moderation/leave-a-reply-moderation.js';
import {commentLink} from '../../../src/components/leave-a-reply-moderation/internal/queue-item.js';
import type {LarErrorEvent} from '../../../src/events/error-event.js';
import type {QueueItem} from '../../../src/store/moderation-queue.js';

let appCounter = 0;

/** The text the moderator sees inside the element. */
function seen(el: LeaveAReplyModerationElement): string {
  const view = el.shadowRoot?.querySelector('lar-moderation-view');
  return (view?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function buttons(el: LeaveAReplyModerationElement): string[] {
  const view = el.shadowRoot!.querySelector('lar-moderation-view')!;
  return [...view.shadowRoot!.querySelectorAll('button')].map((b) => (b.textContent ?? '').trim());
}

describe('<leave-a-reply-moderation>', () => {
  let errors: sinon.SinonStub;
  beforeEach(() => (errors = sinon.stub(console, 'error')));
  afterEach(() => errors.restore());

  it('offers a moderator the sign-in providers the page names, and is accessible', async () => {
    const el = await fixture<LeaveAReplyModerationElement>(
      html`<leave-a-reply-moderation
        api-key="demo-key"
        project-id="demo-lar"
        app-id=${`moderation-${appCounter++}`}
        firestore-emulator="127.0.0.1:1"
        providers="google github"
      ></leave-a-reply-moderation>`,
    );
    await waitUntil(() => seen(el).includes('Sign in with your moderator account'), 'no sign-in prompt');
    expect(buttons(el)).to.deep.equal(['Sign in with Google', 'Sign in with GitHub']);
    await expect(el).to.be.accessible();
  });

  it('names a missing attribute in the element and in a lar-error event', async () => {
    const failed = new Promise<LarErrorEvent>((resolve) =>
      document.addEventListener('lar-error', (e) => resolve(e), {once: true}),
    );
    const el = await fixture<LeaveAReplyModerationElement>(
      html`<leave-a-reply-moderation project-id="demo-lar"></leave-a-reply-moderation>`,
    );
    await waitUntil(() => seen(el).includes('api-key is missing'), 'the problem is not shown');
    expect(seen(el)).to.include('The moderation queue is not set up');
    expect((await failed).detail.code).to.equal('invalid-config');
    expect(errors.calledWithMatch(/api-key/)).to.equal(true);
  });

  it('says the queue needs the Firebase backend when given backend="local"', async () => {
    const el = await fixture<LeaveAReplyModerationElement>(
      html`<leave-a-reply-moderation backend="local"></leave-a-reply-moderation>`,
    );
    await waitUntil(() => seen(el).includes('works with the Firebase backend only'), 'no backend message');
  });

  it('takes its Firebase settings from an enclosing <leave-a-reply-config>', async () => {
    const wrapper = await fixture(
      html`<leave-a-reply-config
        api-key="demo-key"
        project-id="demo-lar"
        app-id=${`moderation-${appCounter++}`}
        firestore-emulator="127.0.0.1:1"
      >
        <leave-a-reply-moderation></leave-a-reply-moderation>
      </leave-a-reply-config>`,
    );
    const el = wrapper.querySelector('leave-a-reply-moderation')!;
    await waitUntil(() => seen(el).includes('Sign in with your moderator account'), 'no sign-in prompt');
    expect(buttons(el)).to.deep.equal(['Sign in with Google']);
  });
});

describe('the queue’s link to a comment on its page', () => {
  const item = (url: string): QueueItem => ({
    thread: {id: 't1', url, title: 'Her'},
    comment: {
      id: 'c1',
      parentId: null,
      body: 'x',
      author: {uid: 'u', name: 'Sam', provider: 'guest'},
      createdAt: new Date(),
      status: 'pending',
    },
  });

  it('points at the comment’s permalink on its page, as the widget writes them', () => {
    expect(commentLink(item('https://blog.example/her-review/'))).to.equal(
      'https://blog.example/her-review/#comment-c1',
    );
    expect(commentLink(item('https://blog.example/her-review/#old'))).to.equal(
      'https://blog.example/her-review/#comment-c1',
    );
  });

  it('never links a thread url that is not a web page (readers write it)', () => {
    expect(commentLink(item('javascript:alert(1)'))).to.equal(undefined);
    expect(commentLink(item('data:text/html,hi'))).to.equal(undefined);
    expect(commentLink(item(''))).to.equal(undefined);
  });
});
