import {expect} from '@open-wc/testing';
import {LIMITS} from '../../src/model/limits.js';
import {cleanField, isEmail, isHttpUrl, normalizeWebsite, validateDraft} from '../../src/model/validation.js';

const guest = {name: 'Ada', email: 'ada@example.com', url: ''};
const codes = (body: string, g?: Partial<typeof guest>) =>
  validateDraft({body, ...(g ? {guest: {...guest, ...g}} : {})}).map((p) => `${p.field}:${p.code}`);

describe('validation', () => {
  it('accepts a plain comment, and a guest with the details filled in', () => {
    expect(codes('Hello')).to.deep.equal([]);
    expect(codes('Hello', {})).to.deep.equal([]);
  });

  it('names each problem in the order of the form', () => {
    expect(codes('', {name: '', email: ''})).to.deep.equal(['body:required', 'email:required', 'name:required']);
    expect(codes('x'.repeat(LIMITS.bodyMax + 1))).to.deep.equal(['body:tooLong']);
    const links = Array.from({length: LIMITS.linksMax + 1}, (_, i) => `https://l${i}.example`).join(' ');
    expect(codes(links)).to.deep.equal(['body:tooManyLinks']);
    expect(codes('Hi', {email: 'ada@example'})).to.deep.equal(['email:invalidEmail']);
    expect(codes('Hi', {email: `${'a'.repeat(LIMITS.emailMax)}@x.io`})).to.deep.equal(['email:tooLong']);
    expect(codes('Hi', {name: 'n'.repeat(LIMITS.nameMax + 1)})).to.deep.equal(['name:tooLong']);
    expect(codes('Hi', {url: 'javascript:alert(1)'})).to.deep.equal(['url:invalidUrl']);
    expect(codes('Hi', {url: `https://${'a'.repeat(LIMITS.urlMax)}.example`})).to.deep.equal(['url:tooLong']);
  });

  it('counts as empty what shows nothing, and judges text without reordering characters', () => {
    expect(codes('\u200B \u2800', {name: '\u3164'})).to.deep.equal(['body:required', 'name:required']);
    expect(cleanField('  \u202Enimda\u202C  ')).to.equal('nimda');
    expect(codes(`${'x'.repeat(LIMITS.bodyMax)}\u202E`)).to.deep.equal([]);
  });

  it('checks emails and web addresses as the form does', () => {
    expect(isEmail('a@b.co')).to.equal(true);
    expect(isEmail('a@b')).to.equal(false);
    expect(isEmail('a b@c.de')).to.equal(false);
    expect(normalizeWebsite(' ada.example ')).to.equal('https://ada.example');
    expect(normalizeWebsite('http://ada.example')).to.equal('http://ada.example');
    expect(normalizeWebsite('')).to.equal('');
    expect(isHttpUrl('https://ada.example/x')).to.equal(true);
    expect(isHttpUrl('ftp://ada.example')).to.equal(false);
    expect(isHttpUrl('not a url')).to.equal(false);
  });
});
