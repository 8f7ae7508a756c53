import {expect, fixture, html} from '@open-wc/testing';
import '../../src/leave-a-reply.js';
import {FIRESTORE_ORIGIN} from '../../src/store/firestore/firestore-origin.js';

// A page of its own (preload.test.ts covers the widget): the badge's link is the first in the head.
describe('a count badge on the Firebase path', () => {
  it('preconnects to Firestore when it starts loading', async () => {
    const page = await fixture<HTMLElement>(html`<div style="height: 400vh">
      <leave-a-reply-count api-key="k" project-id="p" page-id="far" style="margin-top: 350vh"></leave-a-reply-count>
    </div>`);
    const badge = page.querySelector('leave-a-reply-count')!;
    const preconnected = () => !!document.head.querySelector(`link[rel="preconnect"][href^="${FIRESTORE_ORIGIN}"]`);
    expect(preconnected(), 'not before it nears the viewport').to.equal(false);
    void badge.boot().catch(() => {});
    expect(preconnected()).to.equal(true);
    badge.remove(); // its view would read a Firestore this machine cannot reach
  });
});
