import {expect} from '@open-wc/testing';
import {countLinks, parseBody, type TextRun} from '../../src/model/body-text.js';

/** The single line of a one-line body. */
const line = (body: string): TextRun[] => {
  const paragraphs = parseBody(body);
  expect(paragraphs, 'one paragraph').to.have.length(1);
  expect(paragraphs[0], 'one line').to.have.length(1);
  return paragraphs[0][0];
};
const hrefs = (body: string) => line(body).flatMap((r) => (r.kind === 'link' ? [r.href] : []));

describe('body text, edge cases', () => {
  it('gives an empty or blank body one empty line, and trims the body’s outer blank lines', () => {
    expect(parseBody('')).to.deep.equal([[[]]]);
    expect(parseBody(' \n\n \n')).to.deep.equal([[[]]]);
    expect(parseBody('\n\nHi\n\n')).to.deep.equal([[[{kind: 'text', text: 'Hi'}]]]);
  });

  it('treats a line of spaces as a blank line, and an old Mac line end (\\r) as a line end', () => {
    expect(parseBody('a\n  \t \nb').map((p) => p.length)).to.deep.equal([1, 1]);
    expect(parseBody('a\rb\r\rc').map((p) => p.map((l) => l.map((r) => r.text).join('')))).to.deep.equal([
      ['a', 'b'],
      ['c'],
    ]);
  });

  it('loses no character: the runs of each line spell the line again', () => {
    const body = [
      'Plain words, “quotes” & <b>tags</b> &amp; entities',
      'http://a.example/x?y=1&z=2#frag. Then https://b.example/(c) and (https://c.example/d)!',
      'Ends with a link https://d.example/e/',
    ].join('\n');
    const lines = parseBody(body)[0].map((runs) => runs.map((r) => r.text).join(''));
    expect(lines).to.deep.equal(body.split('\n'));
  });

  it('produces only text and http(s) link runs, with the link text exactly its href', () => {
    const body = '<img src=x onerror=alert(1)> https://x.example/"><script>alert(1)</script> data:text/html,hi';
    for (const run of line(body)) {
      expect(['text', 'link']).to.include(run.kind);
      if (run.kind === 'link') {
        expect(run.href).to.match(/^https?:\/\//i);
        expect(run.text).to.equal(run.href);
        expect(run.href, 'stops before markup').not.to.match(/[<>"\s]/);
      } else {
        expect(Object.keys(run)).to.deep.equal(['kind', 'text']);
      }
    }
    expect(hrefs(body)).to.deep.equal(['https://x.example/']);
  });

  it('leaves sentence punctuation after a URL outside the link', () => {
    for (const tail of ['.', ',', ';', ':', '!', '?', "'", '"', ')', ']', '...', '?!', ').']) {
      expect(hrefs(`Look: https://x.example/page${tail}`), tail).to.deep.equal(['https://x.example/page']);
    }
    expect(hrefs('(see https://x.example)')).to.deep.equal(['https://x.example']);
    expect(hrefs('https://x.example/a_(b)_(c)')).to.deep.equal(['https://x.example/a_(b)_(c)']);
  });

  it('keeps punctuation inside a URL', () => {
    expect(hrefs('https://x.example/a.b,c;d:e!f?g=h')).to.deep.equal(['https://x.example/a.b,c;d:e!f?g=h']);
    expect(hrefs('http://localhost:8080/')).to.deep.equal(['http://localhost:8080/']);
  });

  it('finds several links in a line, in either case, and only where a word starts', () => {
    expect(hrefs('HTTPS://A.example and https://b.example, http://c.example')).to.deep.equal([
      'HTTPS://A.example',
      'https://b.example',
      'http://c.example',
    ]);
    expect(hrefs('xhttps://glued.example')).to.deep.equal([]);
    expect(hrefs('ftp://f.example www.w.example mailto:a@b.example')).to.deep.equal([]);
    expect(line('https://x.example')).to.deep.equal([
      {kind: 'link', text: 'https://x.example', href: 'https://x.example'},
    ]);
  });

  it('keeps links on their own line of a multi-line body', () => {
    const [[first, second]] = parseBody('one https://a.example\nhttps://b.example two');
    expect(first.map((r) => r.kind)).to.deep.equal(['text', 'link']);
    expect(second.map((r) => r.kind)).to.deep.equal(['link', 'text']);
  });

  it('counts links for the limit even where no link is drawn', () => {
    expect(countLinks('')).to.equal(0);
    expect(countLinks('xhttps://glued.example')).to.equal(1);
    expect(countLinks('https://a.example https://a.example')).to.equal(2);
    expect(countLinks('http:/ https:/x hxxp://y')).to.equal(0);
    expect(countLinks('https://https://')).to.equal(2);
  });
});
