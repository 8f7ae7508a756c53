import {expect} from '@open-wc/testing';
import {countLinks, parseBody} from '../../src/model/body-text.js';

describe('body text', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    const paragraphs = parseBody('First line\r\nsecond line\n\n\nNew paragraph');
    expect(paragraphs.map((p) => p.map((line) => line.map((r) => r.text).join('')))).to.deep.equal([
      ['First line', 'second line'],
      ['New paragraph'],
    ]);
  });

  it('makes bare http(s) URLs links, leaving sentence punctuation out and a wiki parenthesis in', () => {
    const [[line]] = parseBody('See https://example.com/a, and (https://en.wikipedia.org/wiki/Her_(film)).');
    expect(line).to.deep.equal([
      {kind: 'text', text: 'See '},
      {kind: 'link', text: 'https://example.com/a', href: 'https://example.com/a'},
      {kind: 'text', text: ', and ('},
      {
        kind: 'link',
        text: 'https://en.wikipedia.org/wiki/Her_(film)',
        href: 'https://en.wikipedia.org/wiki/Her_(film)',
      },
      {kind: 'text', text: ').'},
    ]);
  });

  it('never makes a link of another scheme, and keeps markup as text', () => {
    const [[line]] = parseBody('javascript:alert(1) <a href="https://x.example">x</a>');
    expect(line.filter((r) => r.kind === 'link').map((r) => r.text)).to.deep.equal(['https://x.example']);
    expect(line.map((r) => r.text).join('')).to.equal('javascript:alert(1) <a href="https://x.example">x</a>');
  });

  it('counts links as the rules do: every http:// or https://, in any case', () => {
    expect(countLinks('HTTPS://a.example http://b.example https://')).to.equal(3);
    expect(countLinks('no links, just ftp://c.example')).to.equal(0);
  });
});
