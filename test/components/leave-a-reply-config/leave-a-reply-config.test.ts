import {expect, fixture, html} from '@open-wc/testing';
import {waitUntil} from '../../helpers/wait-until.js';
import {LitElement} from 'lit';
import {consume} from '@lit/context';
import sinon from 'sinon';
import {sessionContext, type Session} from '../../../src/auth/session.js';
import type {LeaveAReplyConfigElement} from '../../../src/components/leave-a-reply-config/leave-a-reply-config.js';
import type {LeaveAReplyCountElement} from '../../../src/components/leave-a-reply-count/leave-a-reply-count.js';
import {SESSION_CONTEXT, STORE_CONTEXT} from '../../../src/shell/lazy-boot.js';
import {commentStoreContext, type CommentStore} from '../../../src/store/comment-store.js';
import {LocalStore} from '../../../src/store/memory/local-store.js';
import '../../../src/leave-a-reply.js';
import {ready} from '../../helpers/mount.js';

const HER = 'https://the-long-take.example/2014/01/film-review-for-her/';
const ARRIVAL = 'https://the-long-take.example/2016/11/arrival/';

/** A developer's own Lit element that consumes the config's services. */
class StoreProbe extends LitElement {
  @consume({context: commentStoreContext, subscribe: true}) store: CommentStore | undefined;
  @consume({context: sessionContext, subscribe: true}) session: Session | undefined;
}
customElements.define('lar-store-probe', StoreProbe);

const countText = (el: LeaveAReplyCountElement) =>
  (el.shadowRoot?.querySelector('[part=count]')?.textContent ?? '').trim();

describe('<leave-a-reply-config>', () => {
  beforeEach(() => localStorage.clear());

  it('answers with the same context keys as the @lit/context contexts', () => {
    expect(STORE_CONTEXT).to.equal(commentStoreContext);
    expect(SESSION_CONTEXT).to.equal(sessionContext);
  });

  it('configures every widget and count inside it once: one store, no config repeated', async () => {
    const config = await fixture<LeaveAReplyConfigElement>(html`
      <leave-a-reply-config backend="local">
        <article>
          <h2>Her</h2>
          <leave-a-reply-count page-url=${HER}>Comments</leave-a-reply-count>
          <leave-a-reply loading="eager" page-url=${HER} page-title="Her"></leave-a-reply>
        </article>
        <leave-a-reply-count page-url=${ARRIVAL}></leave-a-reply-count>
      </leave-a-reply-config>
    `);
    const countComments = sinon.spy(LocalStore.prototype, 'countComments');
    try {
      const widget = await ready(config.querySelector('leave-a-reply')!);
      await waitUntil(() => widget.section.store, 'the widget got no store');
      expect(widget.$('.config-error'), 'a widget without backend attributes is configured').to.equal(null);
      expect(widget.$('[part=title]')!.textContent!.trim()).to.equal('No thoughts yet on “Her”');
      expect(widget.section.inheritedStore).to.equal(widget.section.store);

      const [her, arrival] = config.querySelectorAll('leave-a-reply-count');
      await waitUntil(() => countText(her) && countText(arrival), 'the counts did not show');
      expect(countText(her)).to.equal('No thoughts yet');
      for (const call of countComments.getCalls()) expect(call.thisValue).to.equal(widget.section.store);
      await expect(config).to.be.accessible();
    } finally {
      countComments.restore();
    }
  });

  it('gives a reader’s comment, posted through it, to the counts', async () => {
    const config = await fixture<LeaveAReplyConfigElement>(html`
      <leave-a-reply-config backend="local">
        <leave-a-reply loading="eager" page-url=${HER} page-title="Her"></leave-a-reply>
      </leave-a-reply-config>
    `);
    const widget = await ready(config.querySelector('leave-a-reply')!);
    await waitUntil(() => widget.section.store);
    const {threadOf} = await import('../../helpers/mount.js');
    await widget.section.store!.post(await threadOf(widget.el), {
      parentId: null,
      body: 'Posted through the config’s store.',
      author: {uid: 'reader', name: 'Theodore', provider: 'guest'},
    });
    const count = document.createElement('leave-a-reply-count');
    count.setAttribute('page-url', HER);
    config.append(count);
    await waitUntil(() => countText(count) === '1 thought', `saw “${countText(count)}”`);
  });

  it('provides to any @lit/context consumer inside it, once its backend has loaded', async () => {
    const config = await fixture<LeaveAReplyConfigElement>(
      html`<leave-a-reply-config backend="local"><lar-store-probe></lar-store-probe></leave-a-reply-config>`,
    );
    const probe = config.querySelector<StoreProbe>('lar-store-probe')!;
    await waitUntil(() => probe.store && probe.session, 'the probe got nothing');
    expect(probe.store).to.be.instanceOf(LocalStore);
    expect(typeof probe.session!.guest).to.equal('function');
  });

  it('names the broken attribute and steps aside, so its widgets show the problem themselves', async () => {
    const consoleError = sinon.stub(console, 'error');
    try {
      const config = document.createElement('leave-a-reply-config');
      config.setAttribute('backend', 'sideways');
      const failed = new Promise<CustomEvent>((resolve) =>
        config.addEventListener('lar-error', (e) => resolve(e as CustomEvent)),
      );
      const widget = document.createElement('leave-a-reply');
      widget.setAttribute('loading', 'eager');
      widget.setAttribute('page-url', HER);
      config.append(widget);
      (await fixture<HTMLElement>(html`<div></div>`)).append(config);

      expect((await failed).detail.code).to.equal('invalid-config');
      expect(consoleError.args.map((a) => String(a[0])).join('\n')).to.contain('<leave-a-reply-config> backend');
      const view = await ready(widget);
      expect(view.$('[part=error]')?.textContent).to.contain('api-key');
    } finally {
      consoleError.restore();
    }
  });

  it('renders nothing of its own', async () => {
    const config = await fixture<LeaveAReplyConfigElement>(
      html`<leave-a-reply-config backend="local"><p>Text</p></leave-a-reply-config>`,
    );
    expect(getComputedStyle(config).display).to.equal('contents');
  });
});
