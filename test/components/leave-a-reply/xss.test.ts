import {expect} from '@open-wc/testing';
import {waitUntil} from '../../helpers/wait-until.js';
import {PAGE_SIZE} from '../../../src/model/limits.js';
import {comment, mount, settle, threadOf} from '../../helpers/mount.js';

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

/** What a Markdown renderer invites: script URLs in links, markup inside formatting, attribute breaks. */
const FORMATTED_PAYLOADS = [
  '[x](javascript:window.__xss=21)',
  '[x](JaVaScRiPt:window.__xss=22)',
  '[x](javascript&colon;window.__xss=23)',
  '[x](data:text/html,<script>window.__xss=24</script>)',
  '[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MjU8L3NjcmlwdD4=)',
  '[x](vbscript:window.__xss=26) [y](//evil.example/) [z](  https://ok.example/  )',
  '**<img src=x onerror=window.__xss=27>**',
  '*<svg onload=window.__xss=28>*',
  '`<script>window.__xss=29</script>`',
  '```\n<img src=x onerror=window.__xss=30>\n```',
  '> <iframe src="javascript:window.__xss=31"></iframe>',
  '- <details open ontoggle=window.__xss=32>\n- <input autofocus onfocus=window.__xss=33>',
  '[<img src=x onerror=window.__xss=34>](https://ok.example/)',
  '[x](https://ok.example/" onmouseover="window.__xss=35)',
  "[x](https://ok.example/'onmouseover='window.__xss=36')",
  '[x](https://ok.example/"><img src=x onerror=window.__xss=37>)',
  '[x](https://ok.example/ "title" onclick="window.__xss=38")',
  '[x"onmouseover="window.__xss=39](https://ok.example/)',
  '**https://ok.example/"onmouseover="window.__xss=40"**',
  '[a](https://ok.example/)](javascript:window.__xss=41)',
  '[[x](javascript:window.__xss=42)](https://ok.example/)',
  '![x](https://ok.example/x.png" onerror="window.__xss=43)',
  '_<a href="javascript:window.__xss=44">x</a>_ \\<b>\\</b>',
];

/** Bodies that would cost a naive renderer quadratic time or an unbounded tree. */
const BLOW_UPS = [
  '`'.repeat(5000),
  `a${'`'.repeat(5000)}b${'`'.repeat(4999)}c`,
  `${'*'.repeat(5000)}a${'*'.repeat(5000)}`,
  `${'*a _b '.repeat(2000)}c${'_ d*'.repeat(2000)}`,
  '**a'.repeat(5000),
  '[a]('.repeat(5000),
  `${'['.repeat(5000)}x${'](https://ok.example/)'.repeat(5000)}`,
  `${'> '.repeat(2000)}deep`,
  Array.from({length: 2000}, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
];

/** Every element and attribute a formatted body may hold. */
const FORMATTED_ELEMENTS = new Set(['P', 'BR', 'A', 'STRONG', 'EM', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI']);
const FORMATTED_ATTRIBUTES = new Set(['href', 'rel', 'target', 'dir', 'start']);

/** Asserts that a body's subtree holds only the allowed elements and attributes; returns its depth. */
function checkBody(body: Element, label: string): number {
  let deepest = 0;
  const walk = (el: Element, depth: number) => {
    deepest = Math.max(deepest, depth);
    for (const child of el.children) {
      expect(FORMATTED_ELEMENTS.has(child.tagName), `${label}: <${child.tagName.toLowerCase()}>`).to.be.true;
      for (const attr of child.attributes) {
        expect(FORMATTED_ATTRIBUTES.has(attr.name), `${label}: attribute ${attr.name}`).to.be.true;
      }
      if (child instanceof HTMLAnchorElement) {
        expect(child.protocol, `${label}: ${child.href}`).to.match(/^https?:$/);
        expect(child.rel, label).to.equal('nofollow ugc noopener');
        expect(child.target, label).to.equal('_blank');
      }
      if (child instanceof HTMLOListElement) expect(child.getAttribute('start') ?? '1', label).to.match(/^\d+$/);
      walk(child, depth + 1);
    }
  };
  walk(body, 0);
  return deepest;
}

describe('formatted comment text can never become markup either', () => {
  beforeEach(() => {
    localStorage.clear();
    delete (window as {__xss?: number}).__xss;
  });

  /** Seeds the bodies, then one marked body last: once that one is formatted, all are. */
  async function rendered(bodies: string[]) {
    expect(bodies.length, 'one page of comments').to.be.below(PAGE_SIZE);
    const m = await mount();
    const seeded = [...bodies, '**last**'].map((body, i) =>
      comment({id: `f${i}`, body, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i))}),
    );
    m.store.seed(await threadOf(m.el), seeded);
    await waitUntil(() => m.$(`#comment-f${bodies.length} [part=body] strong`), 'the bodies were not formatted');
    await settle(m);
    return {m, items: bodies.map((_, i) => m.$(`#comment-f${i}`)!)};
  }

  it('renders links only to http(s), and markup inside formatting as text', async () => {
    const first = await rendered(FORMATTED_PAYLOADS.slice(0, 12));
    const second = await rendered(FORMATTED_PAYLOADS.slice(12));
    const items = [...first.items, ...second.items];
    await new Promise((r) => setTimeout(r, 300)); // handlers (onerror, onload, autofocus) would have fired
    expect((window as {__xss?: number}).__xss).to.equal(undefined);
    for (const [i, item] of items.entries()) checkBody(item.querySelector('[part=body]')!, FORMATTED_PAYLOADS[i]);
    const body = (i: number) => items[i].querySelector('[part=body]')!;
    const text = (i: number) => body(i).textContent!.trim();
    // Kept as typed, as text: no link made of a script URL, markup shown as written.
    expect(text(0)).to.equal('[x](javascript:window.__xss=21)');
    expect(text(3)).to.equal('[x](data:text/html,<script>window.__xss=24</script>)');
    expect(text(6)).to.equal('<img src=x onerror=window.__xss=27>');
    expect(body(6).querySelector('strong')!.textContent).to.equal('<img src=x onerror=window.__xss=27>');
    expect(body(8).querySelector('code')!.textContent).to.equal('<script>window.__xss=29</script>');
    expect(body(9).querySelector('pre > code')!.textContent).to.equal('<img src=x onerror=window.__xss=30>');
    expect(body(10).querySelector('blockquote')!.textContent).to.contain('<iframe');
    expect(body(12).querySelector('a')!.textContent).to.equal('<img src=x onerror=window.__xss=34>');
    // Where a link was made, its address is the http(s) URL alone: a quote in it is a character of
    // the attribute's value (set through the DOM), which can end nothing.
    const hrefs = items.flatMap((_, i) => [...body(i).querySelectorAll('a')].map((a) => a.getAttribute('href')));
    expect(hrefs.length, 'some payloads do make links').to.be.greaterThan(3);
    for (const href of hrefs) expect(href).to.match(/^https?:\/\/[^\s"<>]+$/);
    for (const {m} of [first, second]) {
      expect(
        m.section.shadowRoot!.querySelectorAll('[part=body] :is(script, iframe, img, svg, input, details, object)'),
      ).to.have.length(0);
    }
  });

  it('renders blow-up bodies (5,000 backticks, deep nesting) completely, into a shallow tree of allowed elements', async () => {
    const {items} = await rendered(BLOW_UPS);
    for (const [i, item] of items.entries()) {
      const body = item.querySelector('[part=body]')!;
      const label = `blow-up ${i}`;
      // Quotes and lists 4 levels each, a paragraph or item, emphasis 8, a link: nothing deeper.
      expect(checkBody(body, label), label).to.be.at.most(4 + 2 * 4 + 1 + 8 + 1);
    }
    // A line of backticks opens a code block (unclosed: it runs to the end); unmatched runs stay, every one.
    expect(items[0].querySelector('pre > code')).to.exist;
    expect(items[1].querySelector('[part=body]')!.textContent!.trim()).to.equal(BLOW_UPS[1]);
  });
});
