import {expect} from '@open-wc/testing';
import {LIMITS} from '../../src/model/limits.js';
import {isEmail, isHttpUrl, normalizeWebsite, validateDraft} from '../../src/model/validation.js';

const guest = {name: 'Ada', email: 'ada@example.com', url: ''};
const codes = (body: string, g?: Partial<typeof guest>) =>
  validateDraft({body, ...(g ? {guest: {...guest, ...g}} : {})}).map((p) => `${p.field}:${p.code}`);
const links = (n: number) => Array.from({length: n}, (_, i) => `https://l${i}.example`).join(' ');

describe('validation, limits and edge cases', () => {
  it('accepts every field at exactly its limit, and refuses one character more', () => {
    expect(codes('x'.repeat(LIMITS.bodyMax))).to.deep.equal([]);
    expect(codes('x'.repeat(LIMITS.bodyMax + 1))).to.deep.equal(['body:tooLong']);
    expect(codes('Hi', {name: 'n'.repeat(LIMITS.nameMax)})).to.deep.equal([]);
    const email = (length: number) => `${'a'.repeat(length - '@x.io'.length)}@x.io`;
    expect(codes('Hi', {email: email(LIMITS.emailMax)})).to.deep.equal([]);
    expect(codes('Hi', {email: email(LIMITS.emailMax + 1)})).to.deep.equal(['email:tooLong']);
    const url = (length: number) => `https://${'a'.repeat(length - 'https://.io'.length)}.io`;
    expect(codes('Hi', {url: url(LIMITS.urlMax)})).to.deep.equal([]);
    expect(codes('Hi', {url: url(LIMITS.urlMax + 1)})).to.deep.equal(['url:tooLong']);
  });

  it('reports the limit it applied', () => {
    expect(validateDraft({body: 'x'.repeat(LIMITS.bodyMax + 1)})).to.deep.equal([
      {field: 'body', code: 'tooLong', limit: LIMITS.bodyMax},
    ]);
    expect(validateDraft({body: links(LIMITS.linksMax + 1)})).to.deep.equal([
      {field: 'body', code: 'tooManyLinks', limit: LIMITS.linksMax},
    ]);
    expect(validateDraft({body: 'Hi', guest: {...guest, name: 'n'.repeat(LIMITS.nameMax + 1)}})).to.deep.equal([
      {field: 'name', code: 'tooLong', limit: LIMITS.nameMax},
    ]);
  });

  it('allows exactly linksMax links, counting every http(s):// even inside words', () => {
    expect(codes(links(LIMITS.linksMax))).to.deep.equal([]);
    const hidden = `${links(LIMITS.linksMax)} seehttp://sneaky.example`;
    expect(codes(hidden)).to.deep.equal(['body:tooManyLinks']);
  });

  it('judges the trimmed text: surrounding spaces neither fill nor overflow a field', () => {
    expect(codes('   \n\t  ')).to.deep.equal(['body:required']);
    expect(codes(`  ${'x'.repeat(LIMITS.bodyMax)}  \n`)).to.deep.equal([]);
    expect(codes('Hi', {name: `  ${'n'.repeat(LIMITS.nameMax)}  `})).to.deep.equal([]);
    expect(codes('Hi', {email: '  ada@example.com  '})).to.deep.equal([]);
    expect(codes('Hi', {email: '   '})).to.deep.equal(['email:required']);
  });

  it('reports one problem per field: the first that applies', () => {
    const longWithLinks = `${links(LIMITS.linksMax + 1)} ${'x'.repeat(LIMITS.bodyMax)}`;
    expect(codes(longWithLinks)).to.deep.equal(['body:tooLong']);
    expect(codes('Hi', {email: `${'a b'.repeat(100)}@x`})).to.deep.equal(['email:tooLong']);
  });

  it('ignores the guest fields for a reader signed in with a provider', () => {
    expect(validateDraft({body: 'Hello'})).to.deep.equal([]);
    expect(codes('')).to.deep.equal(['body:required']);
  });

  it('lets the website stay empty, adds https:// when it has no scheme, and refuses other schemes', () => {
    expect(codes('Hi', {url: '   '})).to.deep.equal([]);
    expect(codes('Hi', {url: 'ada.example/about'})).to.deep.equal([]);
    expect(codes('Hi', {url: 'http://ada.example'})).to.deep.equal([]);
    for (const url of ['mailto:ada@example.com', 'data:text/html,hi', 'JavaScript:alert(1)', 'http://']) {
      expect(codes('Hi', {url}), url).to.deep.equal(['url:invalidUrl']);
    }
    // The added scheme counts: the stored value is what firestore.rules measures.
    const bare = 'a'.repeat(LIMITS.urlMax - 'https://'.length + 1);
    expect(codes('Hi', {url: bare})).to.deep.equal(['url:tooLong']);
  });

  it('keeps a website’s own scheme, whatever its case', () => {
    expect(normalizeWebsite('HTTPS://Ada.example')).to.equal('HTTPS://Ada.example');
    expect(normalizeWebsite('mailto:ada@example.com')).to.equal('mailto:ada@example.com');
    expect(normalizeWebsite('localhost:8080')).to.equal('localhost:8080');
    expect(isHttpUrl('HTTP://ADA.EXAMPLE')).to.equal(true);
    expect(isHttpUrl('')).to.equal(false);
  });

  it('asks of an email one @ with text on each side, a dot after it, and no spaces', () => {
    for (const good of ['a@b.co', 'first.last+tag@sub.example.org', 'ünï@cödé.example']) {
      expect(isEmail(good), good).to.equal(true);
    }
    for (const bad of ['', '@b.co', 'a@.', 'a@b.', 'a@@b.co', 'a@b@c.co', 'a@b .co', 'a\t@b.co', 'plain']) {
      expect(isEmail(bad), JSON.stringify(bad)).to.equal(false);
    }
  });
});
