import {expect} from '@open-wc/testing';
import {waitUntil} from '../helpers/wait-until.js';
import {jsonForScript} from '../../src/controllers/json-ld-controller.js';
import {comment, mount, settle, threadOf, TITLE, PAGE, type Mounted} from '../helpers/mount.js';

const ATTACK = '</script><script>alert(1)</script><!-- <b>bold</b> & done';

function script(m: Mounted): HTMLScriptElement | null {
  return m.el.querySelector(':scope > script[type="application/ld+json"]');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function data(m: Mounted): any {
  return JSON.parse(script(m)!.textContent!);
}

describe('search engines: comments as schema.org JSON-LD', () => {
  beforeEach(() => localStorage.clear());

  it('puts the published comments in the host page’s light DOM, with authors, dates, links and replies', async () => {
    const m = await mount();
    expect(script(m), 'nothing to say about an empty thread').to.equal(null);
    const thread = await threadOf(m.el);
    const first = comment({
      id: 'c-first',
      name: 'Bea',
      body: 'Quietly devastating.',
      createdAt: new Date('2026-01-02T10:00:00Z'),
    });
    const reply = comment({
      id: 'c-reply',
      parentId: 'c-first',
      name: 'Cal',
      body: 'Agreed.',
      createdAt: new Date('2026-01-02T11:00:00Z'),
    });
    first.author.url = 'https://bea.example/';
    m.store.seed(thread, [first, reply, comment({id: 'c-hidden', status: 'hidden', body: 'Spam'})]);
    await settle(m);

    const el = script(m)!;
    expect(el.parentElement).to.equal(m.el);
    expect(document.querySelectorAll('script[type="application/ld+json"]')).to.have.length(1);
    expect(data(m)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      url: PAGE,
      name: TITLE,
      commentCount: 2,
      comment: [
        {
          '@type': 'Comment',
          '@id': `${PAGE}#comment-c-first`,
          url: `${PAGE}#comment-c-first`,
          text: 'Quietly devastating.',
          dateCreated: '2026-01-02T10:00:00.000Z',
          author: {'@type': 'Person', name: 'Bea', url: 'https://bea.example/'},
        },
        {
          '@type': 'Comment',
          '@id': `${PAGE}#comment-c-reply`,
          url: `${PAGE}#comment-c-reply`,
          text: 'Agreed.',
          dateCreated: '2026-01-02T11:00:00.000Z',
          author: {'@type': 'Person', name: 'Cal'},
          parentItem: {'@id': `${PAGE}#comment-c-first`},
        },
      ],
    });
  });

  it('keeps a body with </script> inside its script, escaped, even after the page is serialized', async () => {
    const m = await mount();
    m.store.seed(await threadOf(m.el), [comment({body: ATTACK})]);
    await settle(m);

    const raw = script(m)!.textContent!;
    expect(raw).not.to.contain('<');
    expect(raw).not.to.contain('>');
    expect(raw).to.contain('\\u003c/script\\u003e');
    expect(data(m).comment[0].text).to.equal(ATTACK);

    // What a prerenderer or a crawler's snapshot does: serialize the page and parse it again.
    // Plain JSON.stringify would break out there:
    const naive = `<script type="application/ld+json">${JSON.stringify({text: ATTACK})}</script>`;
    expect(new DOMParser().parseFromString(naive, 'text/html').querySelectorAll('script')).to.have.length(2);
    const reparsed = new DOMParser().parseFromString(`<!doctype html><body>${m.el.outerHTML}</body>`, 'text/html');
    const scripts = reparsed.querySelectorAll('script');
    expect(scripts).to.have.length(1);
    expect(scripts[0].type).to.equal('application/ld+json');
    expect(JSON.parse(scripts[0].textContent!).comment[0].text).to.equal(ATTACK);
  });

  it('escapes every character that could end or change a script', () => {
    expect(jsonForScript({t: '</script><!--&\u2028\u2029'})).to.equal(
      '{"t":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}',
    );
  });

  it('stays current: a new comment is added, and a thread switch replaces the data', async () => {
    const m = await mount();
    const thread = await threadOf(m.el);
    m.store.seed(thread, [comment({body: 'First.'})]);
    await settle(m);
    expect(data(m).comment.map((c: {text: string}) => c.text)).to.deep.equal(['First.']);

    m.store.seed(thread, [comment({body: 'Second.'})]);
    await settle(m);
    expect(data(m).comment.map((c: {text: string}) => c.text)).to.deep.equal(['First.', 'Second.']);
    expect(data(m).commentCount).to.equal(2);

    m.el.pageUrl = 'https://blog.example/arrival-review/';
    m.el.pageTitle = 'Arrival';
    await waitUntil(() => m.$('[part=title]')?.textContent?.includes('Arrival'));
    await settle(m);
    expect(script(m), 'the new thread is empty').to.equal(null);
  });

  it('leaves out comments still being sent, and goes away with the widget', async () => {
    const m = await mount();
    const thread = await threadOf(m.el);
    m.store.setOnline(false);
    void m.store.post(thread, {
      parentId: null,
      body: 'Not yet saved',
      author: {uid: 'u', name: 'Ada', provider: 'guest'},
    });
    await settle(m);
    expect(m.$$('[part=body]')).to.have.length(1);
    expect(script(m)).to.equal(null);
    m.store.setOnline(true);
    await settle(m);
    expect(data(m).comment[0].text).to.equal('Not yet saved');

    m.el.remove();
    expect(script(m)).to.equal(null);
  });
});
