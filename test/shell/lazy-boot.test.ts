import {expect, fixture, html} from '@open-wc/testing';
import {waitUntil} from '../helpers/wait-until.js';
import {sessionContext} from '../../src/auth/session.js';
import {SESSION_CONTEXT, STORE_CONTEXT, whenNearViewport} from '../../src/shell/lazy-boot.js';
import {commentStoreContext} from '../../src/store/comment-store.js';

describe('lazy boot', () => {
  it('spells the context keys exactly as the Lit views create them', () => {
    // The entry repeats the keys so it shares no module with the lazy chunks: they must stay equal.
    expect(STORE_CONTEXT).to.equal(commentStoreContext);
    expect(SESSION_CONTEXT).to.equal(sessionContext);
  });

  it('boots an element once it comes near the viewport, not before', async () => {
    const page = await fixture<HTMLElement>(
      html`<div style="height: 300vh"><p style="margin-top: 250vh">far</p></div>`,
    );
    const far = page.querySelector('p')!;
    let booted = 0;
    whenNearViewport(far, () => booted++);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(booted).to.equal(0);
    far.scrollIntoView();
    await waitUntil(() => booted === 1, 'the element did not boot when scrolled into view', {timeout: 10_000});
  });

  it('stops waiting when asked', async () => {
    const page = await fixture<HTMLElement>(
      html`<div style="height: 300vh"><p style="margin-top: 250vh">far</p></div>`,
    );
    const far = page.querySelector('p')!;
    let booted = 0;
    const stop = whenNearViewport(far, () => booted++);
    stop();
    far.scrollIntoView();
    // A negative assertion needs some time to pass: two frames let the observer report.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(booted).to.equal(0);
  });
});
