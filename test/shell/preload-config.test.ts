import {expect, fixture, html} from '@open-wc/testing';
import '../../src/leave-a-reply.js';
import {preconnectFirestore} from '../../src/shell/preload.js';
import {FIRESTORE_ORIGIN} from '../../src/store/firestore/firestore-origin.js';

// A page of its own: a page asks for the preconnect once, so this link must be the first in the head.
describe('a widget inside <leave-a-reply-config>', () => {
  it('preconnects to Firestore when the config has Firebase settings, whatever its own attributes say', async () => {
    const config = await fixture<HTMLElement>(html`<leave-a-reply-config api-key="k" project-id="p">
      <leave-a-reply backend="local" firestore-emulator="127.0.0.1:8080" style="display: block; margin-top: 350vh"></leave-a-reply>
    </leave-a-reply-config>`);
    const preconnected = () => !!document.head.querySelector(`link[rel="preconnect"][href^="${FIRESTORE_ORIGIN}"]`);
    expect(preconnected(), 'not before anything starts loading').to.equal(false);
    preconnectFirestore(config.querySelector('leave-a-reply')!);
    expect(preconnected(), 'the config, not the widget, decides').to.equal(true);
  });
});
