import {expect} from '@open-wc/testing';
import {isValidPageId, normalizePageUrl, resolveThread, threadIdForUrl} from '../../src/model/page-identity.js';
import {sha256Bytes} from '../../src/model/sha256-bytes.js';
import {toBase64Url} from '../../src/model/sha256.js';

const SAME_ARTICLE: Array<[string, string]> = [
  ['https://blog.example/her-review/', 'plain'],
  ['https://blog.example/her-review', 'no trailing slash'],
  ['https://blog.example/her-review/index.html', 'index.html'],
  ['https://blog.example/her-review/#comments', 'fragment'],
  ['https://blog.example/her-review/#respond', 'another fragment'],
  ['HTTPS://Blog.Example/her-review/', 'upper-case scheme and host'],
  ['https://blog.example:443/her-review/', 'default https port'],
  ['https://blog.example/her-review/?utm_source=newsletter&utm_medium=email&utm_campaign=nov', 'utm_*'],
  ['https://blog.example/her-review/?fbclid=IwAR0abc', 'fbclid'],
  ['https://blog.example/her-review/?gclid=Cj0KCQ', 'gclid'],
  ['https://blog.example/her-review?mc_cid=1&mc_eid=2#comment-12', 'mailchimp + fragment'],
  ['https://user:pw@blog.example/her-review/', 'credentials'],
];

describe('page identity', () => {
  for (const [variant, why] of SAME_ARTICLE) {
    it(`treats ${why} as the same page`, () => {
      expect(normalizePageUrl(variant)).to.equal('https://blog.example/her-review');
    });
  }

  it('keeps parameters that pick content, sorted', () => {
    expect(normalizePageUrl('https://shop.example/p?b=2&a=1&utm_source=x')).to.equal('https://shop.example/p?a=1&b=2');
    expect(normalizePageUrl('https://forum.example/view?id=7')).not.to.equal(
      normalizePageUrl('https://forum.example/view?id=8'),
    );
  });

  it('keeps the root path and non-default ports', () => {
    expect(normalizePageUrl('http://localhost:8000/')).to.equal('http://localhost:8000/');
    expect(normalizePageUrl('http://blog.example:80/index.html')).to.equal('http://blog.example/');
    expect(normalizePageUrl('https://blog.example:8443/a/')).to.equal('https://blog.example:8443/a');
  });

  it('keeps the path case, which servers may treat as different pages', () => {
    expect(normalizePageUrl('https://blog.example/Her-Review')).to.equal('https://blog.example/Her-Review');
  });

  it('resolves relative page-url against the document', () => {
    expect(normalizePageUrl('/reviews/her/', 'https://blog.example/index.html')).to.equal(
      'https://blog.example/reviews/her',
    );
  });

  it('derives the thread id as base64url(SHA-256(normalized URL))', async () => {
    const id = await threadIdForUrl('https://blog.example/her-review');
    expect(id).to.match(/^[A-Za-z0-9_-]{43}$/);
    const expected = toBase64Url(sha256Bytes(new TextEncoder().encode('https://blog.example/her-review')));
    expect(id).to.equal(expected);
  });

  it('has a pure SHA-256 for pages without Web Crypto that matches the standard vectors', () => {
    const hex = (text: string) =>
      [...sha256Bytes(new TextEncoder().encode(text))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(hex('')).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('a'.repeat(1000))).to.equal('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });

  it('gives the same thread id on a plain-HTTP page, where there is no Web Crypto', async () => {
    const secure = await threadIdForUrl('https://blog.example/her-review');
    // Stand-in for an insecure origin: the test page is served from localhost, which browsers
    // count as secure, so crypto.subtle is hidden here as a plain-HTTP page would lack it.
    Object.defineProperty(crypto, 'subtle', {value: undefined, configurable: true});
    try {
      expect(await threadIdForUrl('https://blog.example/her-review')).to.equal(secure);
    } finally {
      delete (crypto as {subtle?: unknown}).subtle;
    }
    expect(crypto.subtle, 'restored').to.exist;
  });

  it('accepts page ids Firestore can store and refuses the others', () => {
    for (const ok of ['her-review', 'post:42', 'a', '2024.11.film']) expect(isValidPageId(ok), ok).to.be.true;
    for (const bad of ['', 'a/b', '.', '..', '__name__', '-x', 'x'.repeat(201), 'has space']) {
      expect(isValidPageId(bad), bad).to.be.false;
    }
  });

  describe('resolveThread', () => {
    function docWith(head: string, title = 'Doc title'): Document {
      const doc = document.implementation.createHTMLDocument(title);
      doc.head.insertAdjacentHTML('beforeend', head);
      return doc;
    }

    it('prefers page-id, then page-url', async () => {
      const doc = docWith('<link rel="canonical" href="https://blog.example/canonical/">');
      expect((await resolveThread({pageId: 'film-42'}, doc)).id).to.equal('film-42');
      const byUrl = await resolveThread({pageUrl: 'https://blog.example/other/?utm_source=x'}, doc);
      expect(byUrl.url).to.equal('https://blog.example/other');
    });

    it('falls back to the canonical link, then og:url', async () => {
      const canonical = docWith(
        '<meta property="og:url" content="https://blog.example/og/"><link rel="canonical" href="https://blog.example/canonical/">',
      );
      expect((await resolveThread({}, canonical)).url).to.equal('https://blog.example/canonical');
      const og = docWith('<meta property="og:url" content="https://blog.example/og/">');
      expect((await resolveThread({}, og)).url).to.equal('https://blog.example/og');
    });

    it('takes the title from page-title, then og:title, then document.title', async () => {
      const doc = docWith('<meta property="og:title" content="Film Review for Her">', 'Her – My Blog');
      expect((await resolveThread({pageUrl: 'https://a.example/'}, doc)).title).to.equal('Film Review for Her');
      expect((await resolveThread({pageUrl: 'https://a.example/', pageTitle: 'Given'}, doc)).title).to.equal('Given');
      const plain = docWith('', 'Her – My Blog');
      expect((await resolveThread({pageUrl: 'https://a.example/'}, plain)).title).to.equal('Her – My Blog');
    });

    it('names the attribute when page-id is invalid', async () => {
      let error: unknown;
      try {
        await resolveThread({pageId: 'a/b'}, docWith(''));
      } catch (e) {
        error = e;
      }
      expect((error as {attribute: string}).attribute).to.equal('page-id');
    });
  });
});
