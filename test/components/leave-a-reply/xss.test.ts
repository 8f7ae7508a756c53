import {expect} from '@open-wc/testing';
import {waitUntil} from '../../helpers/wait-until.js';
import {mount, settle} from '../../helpers/mount.js';

/** Payloads from the usual XSS cheat sheets, each as a comment body. */
const PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload="window.__xss=3"></svg>',
  '<a href="javascript:window.__xss=4">click</a>',
  '"><script>window.__xss=5</script>',
  "'><img src=x onerror=window.__xss=6>",
  '<iframe src="javascript:window.__xss=7"></iframe>',
  '<details open ontoggle="window.__xss=8">',
  '<math><mi xlink:href="javascript:window.__xss=9">x</mi></math>',
  '${window.__xss=10}',
  '{{constructor.constructor("window.__xss=11")()}}',
  '<style>@import "javascript:window.__xss=12";</style>',
  '<body onload=window.__xss=13>',
  'https://example.com/"onmouseover="window.__xss=14"',
  'https://example.com/<script>window.__xss=15</script>',
  'javascript:window.__xss=16',
  '<!--<img src="--><img src=x onerror=window.__xss=17//">',
  '<input autofocus onfocus=window.__xss=18>',
  '<object data="data:text/html,<script>parent.__xss=19</script>"></object>',
  '&lt;script&gt;window.__xss=20&lt;/script&gt;',
];

const ALLOWED_IN_BODY = new Set(['P', 'BR', 'A']);

describe('comment text can never become markup', () => {
  beforeEach(() => {
    localStorage.clear();
    delete (window as {__xss?: number}).__xss;
  });

  it('renders every payload posted through the form as inert text', async () => {
    const m = await mount();
    m.store.setSiteConfig({postIntervalSeconds: 0}); // twenty posts in a row: no rate limit here
    for (const [i, payload] of PAYLOADS.entries()) {
      const textarea = m.f<HTMLTextAreaElement>('#body');
      textarea.value = payload;
      textarea.dispatchEvent(new Event('input'));
      for (const [field, value] of [
        ['#email', 'x@example.com'],
        ['#name', payload.slice(0, 80)],
        ['#url', 'javascript:alert(1)'],
      ]) {
        const input = m.f<HTMLInputElement>(field);
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      // A javascript: website is refused by the form; clear it so the payload itself is posted.
      const url = m.f<HTMLInputElement>('#url');
      url.value = '';
      url.dispatchEvent(new Event('input'));
      m.f<HTMLButtonElement>('.submit').click();
      await waitUntil(() => m.$$('[part=comment]').length === i + 1, `payload ${i} was not posted`);
    }
    await settle(m);
    // Give event handlers (onerror, onload, autofocus) a moment to fire, were any injected.
    await new Promise((r) => setTimeout(r, 300));

    expect((window as {__xss?: number}).__xss).to.equal(undefined);
    const items = m.$$('[part=comment]');
    expect(items).to.have.length(PAYLOADS.length);
    for (const item of items) {
      const body = item.querySelector('[part=body]')!;
      for (const el of body.querySelectorAll('*')) {
        expect(ALLOWED_IN_BODY.has(el.tagName), `unexpected <${el.tagName.toLowerCase()}> in a body`).to.be.true;
        for (const attr of el.attributes) {
          expect(attr.name.startsWith('on'), `event handler attribute ${attr.name}`).to.be.false;
        }
        if (el instanceof HTMLAnchorElement) expect(el.protocol).to.match(/^https?:$/);
      }
      const author = item.querySelector('[part=author]')!;
      expect(author.children).to.have.length(0);
    }
    // The text itself is kept exactly as typed.
    const bodies = items.map((item) => item.querySelector('[part=body]')!.textContent!.replace(/\s+/g, ' ').trim());
    expect(bodies).to.include('<script>window.__xss = 1</script>');
    expect(bodies).to.include('<img src=x onerror="window.__xss=2">');
    expect(
      m.section.shadowRoot!.querySelectorAll(
        'script, iframe, object, embed, svg, math, style, input:not([type=checkbox])',
      ),
    ).to.have.length(0);
  });
});
