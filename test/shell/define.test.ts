/**
 * Two copies of the library on one page (an old version bundled by a plugin, a new one from the
 * site): each must keep its own internal views. Here another "copy" registers the internal names
 * first, with classes of its own, before this copy's widget loads.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {waitUntil} from '../helpers/wait-until.js';
import {defineInternal} from '../../src/shell/define.js';

class OtherCopyView extends HTMLElement {
  connectedCallback() {
    this.textContent = 'another copy';
  }
}

describe('defineInternal', () => {
  it('takes the next free name when another class holds the name, and keeps its own on a second call', () => {
    class Mine extends HTMLElement {}
    customElements.define('lar-test-taken', class extends HTMLElement {});
    expect(defineInternal('lar-test-taken', Mine)).to.equal('lar-test-taken-2');
    expect(defineInternal('lar-test-taken', Mine)).to.equal('lar-test-taken-2');
    expect(customElements.get('lar-test-taken-2')).to.equal(Mine);
  });

  it("keeps this copy's views when another copy took the internal names first", async () => {
    for (const name of ['lar-comment-section', 'lar-reply-form', 'lar-sign-in-area']) {
      customElements.define(name, class extends OtherCopyView {});
    }
    await import('../../src/leave-a-reply.js');
    const el = await fixture<HTMLElement & {boot(): Promise<void>}>(
      html`<leave-a-reply backend="local" loading="eager" page-id="two-copies" page-title="Two copies"></leave-a-reply>`,
    );
    await el.boot();
    const view = () => el.shadowRoot!.querySelector('[exportparts]');
    await waitUntil(() => view()?.shadowRoot?.querySelector('h2'), 'the widget did not render its own view');
    const section = view()!;
    expect(section.localName).to.equal('lar-comment-section-2');
    expect(section.shadowRoot!.querySelector('h2')!.textContent).to.contain('Two copies');
    // The form and its sign-in area are this copy's too: a real form, not the other copy's text.
    await waitUntil(
      () => section.shadowRoot!.querySelector('[exportparts*=form]')?.shadowRoot?.querySelector('textarea'),
      'the form did not render',
    );
    const form = section.shadowRoot!.querySelector('[exportparts*=form]')!;
    expect(form.localName).to.equal('lar-reply-form-2');
    expect(form.shadowRoot!.querySelector('legend')!.textContent).to.contain('Fill in your details');
    expect(document.body.textContent).not.to.contain('another copy');
  });
});
