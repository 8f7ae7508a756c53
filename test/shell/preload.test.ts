import {expect, fixture, html} from '@open-wc/testing';
import '../../src/leave-a-reply.js';
import {preconnectFirestore} from '../../src/shell/preload.js';
import {FIRESTORE_ORIGIN} from '../../src/store/firestore/firestore-origin.js';

const preconnects = () =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].filter(
    (link) => link.href.replace(/\/$/, '') === FIRESTORE_ORIGIN,
  );

// One page for the whole file: the head keeps what earlier tests added, so the cases that add
// nothing come first.
describe('preconnecting to Firestore', () => {
  it('is not done for backend="local", a Firestore emulator, or a config that says either', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <leave-a-reply id="local" backend=" local " loading="lazy" style="margin-top: 300vh"></leave-a-reply>
      <leave-a-reply id="emulated" firestore-emulator="127.0.0.1:8080" style="margin-top: 300vh"></leave-a-reply>
      <leave-a-reply-config backend="local"><span id="in-local-config"></span></leave-a-reply-config>
      <leave-a-reply-config firestore-emulator="127.0.0.1:8080"><span id="in-emulated-config"></span></leave-a-reply-config>
    </div>`);
    for (const id of ['local', 'emulated', 'in-local-config', 'in-emulated-config'])
      preconnectFirestore(page.querySelector(`#${id}`)!);
    expect(preconnects()).to.have.length(0);
  });

  it('is not done by a widget that has not come near the viewport', async () => {
    await fixture(html`<div style="height: 400vh">
      <leave-a-reply api-key="k" project-id="p" page-id="far" style="margin-top: 350vh"></leave-a-reply>
      <leave-a-reply-count api-key="k" project-id="p" page-id="far" style="margin-top: 350vh"></leave-a-reply-count>
    </div>`);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(preconnects()).to.have.length(0);
  });

  it('is done once, anonymous (as the reads fetch), when a Firebase widget starts loading (an empty emulator address is none)', async () => {
    const page = await fixture<HTMLElement>(html`<div style="height: 400vh">
      <leave-a-reply
        api-key="k"
        project-id="p"
        page-id="far"
        firestore-emulator=""
        style="display: block; margin-top: 350vh"
      ></leave-a-reply>
    </div>`);
    const widget = page.querySelector('leave-a-reply')!;
    // boot() starts what nearing the viewport would; the preconnect goes out in that same task,
    // before any chunk has loaded.
    void widget.boot().catch(() => {});
    const [link] = preconnects();
    expect(link, 'a preconnect to Firestore').to.exist;
    expect(link.crossOrigin).to.equal('anonymous');
    preconnectFirestore(widget);
    expect(preconnects()).to.have.length(1);
    widget.remove(); // its view would read a Firestore this machine cannot reach
  });
});
