/**
 * Simple formatting as readers see it: each construct as its element, built as DOM (never from an
 * HTML string), and Preview in the form. The payloads a Markdown renderer invites are in xss.test.ts.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {loadMessages, SUPPORTED_LANGUAGES} from '../../../src/i18n/catalogs.js';
import {parseFormatted} from '../../../src/model/body-format.js';
import {comment, mount, settle, threadOf, type Mounted} from '../../helpers/mount.js';
import {waitUntil} from '../../helpers/wait-until.js';

/** The element that has focus, looking through shadow roots (compared with ===: chai's diff of two elements can take minutes). */
function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** An element's subtree as compact markup: tags, the attributes named, and text. */
function shape(node: Node, attributes = ['href', 'start']): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent!;
  if (!(node instanceof Element)) return '';
  const attrs = attributes
    .filter((a) => node.hasAttribute(a))
    .map((a) => ` ${a}="${node.getAttribute(a)}"`)
    .join('');
  const inner = [...node.childNodes].map((child) => shape(child, attributes)).join('');
  const tag = node.tagName.toLowerCase();
  return tag === 'br' ? '<br>' : `<${tag}${attrs}>${inner}</${tag}>`;
}

const bodyOf = (m: Mounted, id: string) => m.$(`#comment-${id} [part=body]`)!;
const bodyShape = (m: Mounted, id: string) =>
  [...bodyOf(m, id).childNodes]
    .map((n) => shape(n))
    .join('')
    .trim();

/** Mounts a thread with these comments (id → body), and waits until the formatter has rendered them. */
async function mountBodies(bodies: Record<string, string>): Promise<Mounted> {
  const m = await mount();
  const ids = Object.keys(bodies);
  m.store.seed(
    await threadOf(m.el),
    ids.map((id) => comment({id, body: bodies[id]})),
  );
  await waitUntil(() => m.$$('[part=comment]').length === ids.length, 'the comments did not render');
  return m;
}

describe('formatted comments', () => {
  beforeEach(() => localStorage.clear());

  it('render each construct as its own element', async () => {
    const m = await mountBodies({
      inline: 'Some **bold**, *italic*, _also_, `a < b` and ***both***.\nNext line.',
      link: 'Read [the *review*](https://blog.example/her?x=1&y=2) or https://x.example/a_b.',
      fence: '```js\nif (a < b) {\n  **not bold**\n}\n```',
      quote: '> Quoted with *style*\n>\n> > nested\n\nAfter.',
      lists: '- one\n- **two**\n\n3. three\n4. four',
      loose: '- first\n\n  more of it\n- second',
    });
    await waitUntil(() => bodyOf(m, 'lists').querySelector('ol'), 'the formatter did not render');
    expect(bodyShape(m, 'inline')).to.equal(
      '<p>Some <strong>bold</strong>, <em>italic</em>, <em>also</em>, <code>a < b</code> and <em><strong>both</strong></em>.<br>Next line.</p>',
    );
    expect(bodyShape(m, 'link')).to.equal(
      '<p>Read <a href="https://blog.example/her?x=1&y=2">the <em>review</em></a> or <a href="https://x.example/a_b">https://x.example/a_b</a>.</p>',
    );
    expect(bodyShape(m, 'fence')).to.equal('<pre><code>if (a < b) {\n  **not bold**\n}</code></pre>');
    expect(bodyShape(m, 'quote')).to.equal(
      '<blockquote><p>Quoted with <em>style</em></p><blockquote><p>nested</p></blockquote></blockquote><p>After.</p>',
    );
    expect(bodyShape(m, 'lists')).to.equal(
      '<ul><li>one</li><li><strong>two</strong></li></ul><ol start="3"><li>three</li><li>four</li></ol>',
    );
    expect(bodyShape(m, 'loose')).to.equal('<ul><li><p>first</p><p>more of it</p></li><li>second</li></ul>');
  });

  it('gives links in formatted text the same checks, rel and target as plain ones', async () => {
    const m = await mountBodies({a: '*Hi* [there](https://x.example/p) and http://y.example/q'});
    await waitUntil(() => bodyOf(m, 'a').querySelector('em'), 'the formatter did not render');
    const links = [...bodyOf(m, 'a').querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://x.example/p', 'http://y.example/q']);
    for (const a of links) {
      expect(a.rel).to.equal('nofollow ugc noopener');
      expect(a.target).to.equal('_blank');
    }
  });

  it('renders an imported WordPress or Disqus comment (quote lines and URLs) through the same path', async () => {
    const m = await mountBodies({
      wp: '> Samantha is the most human character in it.\n\nAgreed, see https://blog.example/her-review/.',
    });
    await waitUntil(() => bodyOf(m, 'wp').querySelector('blockquote'), 'the quote did not render');
    expect(bodyShape(m, 'wp')).to.equal(
      '<blockquote><p>Samantha is the most human character in it.</p></blockquote><p>Agreed, see <a href="https://blog.example/her-review/">https://blog.example/her-review/</a>.</p>',
    );
  });

  it('keeps a body without markers on the plain path: paragraphs, breaks and links only', async () => {
    const m = await mountBodies({plain: 'Plain words.\nhttps://x.example/a.\n\nTwo (2) - three > four # 1984.'});
    await settle(m);
    expect(bodyShape(m, 'plain')).to.equal(
      '<p>Plain words.<br><a href="https://x.example/a">https://x.example/a</a>.</p><p>Two (2) - three > four # 1984.</p>',
    );
  });

  it('shows a formatted body once (no plain copy left beside it), and again once after an edit', async () => {
    const m = await mount();
    const thread = await threadOf(m.el);
    const author = {uid: 'bea', name: 'Bea', provider: 'guest'} as const;
    const first = comment({id: 'p', body: 'Is it **bold**?', author, createdAt: new Date()});
    m.store.seed(thread, [first, comment({id: 'r', parentId: 'p', body: 'Reply'})]);
    await waitUntil(() => bodyOf(m, 'p')?.querySelector('strong'), 'the formatter did not render');
    expect(bodyShape(m, 'p')).to.equal('<p>Is it <strong>bold</strong>?</p>');
    expect(bodyOf(m, 'r').textContent!.trim()).to.equal('Reply');
    // An edit re-renders it through Lit as usual: one body, not the old one beside the new.
    await m.store.edit(thread, first, 'Now *em* instead', author);
    await waitUntil(() => bodyOf(m, 'p').querySelector('em'), 'the edit did not render');
    expect(bodyShape(m, 'p')).to.equal('<p>Now <em>em</em> instead</p>');
  });

  it('styles formatted text from its own sheet, adopted by the thread’s shadow root', async () => {
    const m = await mountBodies({q: '> quoted\n\n```\ncode\n```'});
    await waitUntil(() => bodyOf(m, 'q').querySelector('pre'), 'the formatter did not render');
    await settle(m);
    const quote = getComputedStyle(bodyOf(m, 'q').querySelector('blockquote')!);
    expect(quote.borderInlineStartStyle).to.equal('solid');
    expect(getComputedStyle(bodyOf(m, 'q').querySelector('pre')!).overflowX).to.equal('auto');
  });
});

describe('Preview', () => {
  beforeEach(() => localStorage.clear());

  async function typed(text: string): Promise<Mounted> {
    const m = await mount();
    const box = m.f<HTMLTextAreaElement>('#body');
    box.focus();
    await sendKeys({type: text});
    return m;
  }

  it('is reached by Tab from the comment box and toggles by keyboard, keeping the text', async () => {
    const m = await typed('A **bold** claim');
    await sendKeys({press: 'Tab'});
    const toggle = m.f<HTMLButtonElement>('button[aria-pressed]');
    expect(focused() === toggle, 'focus on Preview').to.equal(true);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');

    await sendKeys({press: 'Enter'});
    await waitUntil(() => m.f('.preview'), 'Preview did not open');
    await m.form.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(m.f<HTMLTextAreaElement>('#body').hidden).to.equal(true);
    expect(shape(m.f('.preview'))).to.equal('<div><p>A <strong>bold</strong> claim</p></div>');
    expect(focused() === toggle, 'focus stays on the toggle').to.equal(true);

    await sendKeys({press: 'Space'});
    await m.form.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(!!m.f('.preview'), 'Preview is closed').to.equal(false);
    const box = m.f<HTMLTextAreaElement>('#body');
    expect(box.hidden).to.equal(false);
    expect(box.value).to.equal('A **bold** claim');
    expect(focused() === box, 'back in the box, to write on').to.equal(true);
    await sendKeys({type: '!'});
    expect(box.value).to.equal('A **bold** claim!');
  });

  it('passes axe with Preview on and off, and names the hint as the box’s description', async () => {
    const m = await typed('> quoted\n\n- a\n- b\n\n`code`');
    const box = m.f<HTMLTextAreaElement>('#body');
    expect(box.getAttribute('aria-describedby')).to.equal('body-hint');
    expect(m.f('#body-hint').textContent).to.equal('**bold**, *italic*, `code`, > quote, - list');
    await expect(m.el).to.be.accessible();
    m.f<HTMLButtonElement>('button[aria-pressed]').click();
    await waitUntil(() => m.f('.preview blockquote'), 'Preview did not open');
    await m.form.updateComplete;
    await expect(m.el).to.be.accessible();
  });

  it('goes back to the box when the reader posts from it, or Reply asks for the box', async () => {
    const m = await typed('*x*');
    m.f<HTMLButtonElement>('button[aria-pressed]').click();
    await waitUntil(() => m.f('.preview em'), 'Preview did not open');
    // Post Comment with the guest fields empty: the problems show, with the box back to fix them.
    m.f<HTMLButtonElement>('.submit').click();
    await settle(m);
    expect(!!m.f('.preview'), 'Preview is closed').to.equal(false);
    expect(m.f<HTMLTextAreaElement>('#body').hidden).to.equal(false);

    m.f<HTMLButtonElement>('button[aria-pressed]').click();
    await waitUntil(() => m.f('.preview em'), 'Preview did not open again');
    m.form.focusComment();
    await m.form.updateComplete;
    expect(focused() === m.f('#body'), 'focus in the box').to.equal(true);
  });

  it('shows plain text as the thread would, links included', async () => {
    const m = await typed('Just words, https://x.example/.');
    m.f<HTMLButtonElement>('button[aria-pressed]').click();
    await waitUntil(() => m.f('.preview'), 'Preview did not open');
    expect(shape(m.f('.preview'))).to.equal(
      '<div><p>Just words, <a href="https://x.example/">https://x.example/</a>.</p></div>',
    );
  });
});

describe('the formatting hint', () => {
  for (const lang of SUPPORTED_LANGUAGES) {
    it(`${lang}: shows bold, italic and code the way it says to write them`, async () => {
      const {formattingHint} = await loadMessages(lang);
      const [block] = parseFormatted(formattingHint);
      expect(block.kind).to.equal('paragraph');
      const kinds = block.kind === 'paragraph' ? block.inlines.map((x) => x.kind) : [];
      expect(kinds).to.include.members(['strong', 'em', 'code']);
    });
  }
});
