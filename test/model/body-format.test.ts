import {expect} from '@open-wc/testing';
import {parseBody, type TextRun} from '../../src/model/body-text.js';
import {hasFormatting, parseFormatted, type Block, type Inline} from '../../src/model/body-format.js';

/** Parses a body that uses formatting; every such body must also be flagged by hasFormatting. */
const parse = (body: string): Block[] => {
  expect(hasFormatting(body), `hasFormatting(${JSON.stringify(body)})`).to.equal(true);
  return parseFormatted(body);
};
/** The inlines of a body that is one paragraph; `formatted` is what hasFormatting must say. */
const inlines = (body: string, formatted = true): Inline[] => {
  expect(hasFormatting(body), `hasFormatting(${JSON.stringify(body)})`).to.equal(formatted);
  const blocks = parseFormatted(body);
  expect(blocks, 'one paragraph').to.have.length(1);
  expect(blocks[0].kind).to.equal('paragraph');
  return (blocks[0] as Extract<Block, {kind: 'paragraph'}>).inlines;
};
const text = (t: string): Inline => ({kind: 'text', text: t});
const em = (...children: Inline[]): Inline => ({kind: 'em', children});
const strong = (...children: Inline[]): Inline => ({kind: 'strong', children});
const code = (t: string): Inline => ({kind: 'code', text: t});
const link = (t: string, href = t): Inline => ({kind: 'link', text: t, href});
const paragraph = (...list: Inline[]): Block => ({kind: 'paragraph', inlines: list});
const BREAK: Inline = {kind: 'break'};

/** What a reader sees of some inlines: markers gone, escapes resolved, a break as a line end. */
const seen = (list: Inline[]): string =>
  list
    .map((x) => (x.kind === 'break' ? '\n' : x.kind === 'em' || x.kind === 'strong' ? seen(x.children) : x.text))
    .join('');

/** Every inline anywhere in the tree, link labels included. */
function* allInlines(blocks: Block[]): Generator<Inline> {
  function* walk(list: Inline[]): Generator<Inline> {
    for (const x of list) {
      yield x;
      if (x.kind === 'em' || x.kind === 'strong') yield* walk(x.children);
      if (x.kind === 'link' && x.children) yield* walk(x.children);
    }
  }
  for (const b of blocks) {
    if (b.kind === 'paragraph') yield* walk(b.inlines);
    if (b.kind === 'quote') yield* allInlines(b.blocks);
    if (b.kind === 'list') for (const item of b.items) yield* allInlines(item);
  }
}
const hrefs = (blocks: Block[]) => [...allInlines(blocks)].flatMap((x) => (x.kind === 'link' ? [x.href] : []));

/** The deepest nesting of blocks and inlines, counting each level. */
function depth(blocks: Block[]): number {
  const inline = (list: Inline[]): number =>
    Math.max(0, ...list.map((x) => ('children' in x && x.children ? 1 + inline(x.children) : 1)));
  return Math.max(
    0,
    ...blocks.map((b) => {
      if (b.kind === 'paragraph') return 1 + inline(b.inlines);
      if (b.kind === 'quote') return 1 + depth(b.blocks);
      if (b.kind === 'list') return 1 + Math.max(0, ...b.items.map(depth));
      return 1;
    }),
  );
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
const random = (seed: number) => () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

describe('body format', () => {
  describe('paragraphs', () => {
    it('splits paragraphs on blank lines, keeps single line ends as breaks and normalises CRLF and CR', () => {
      expect(parseFormatted('\n\n  First line\r\nsecond *line*\r\r \t\nNew\rparagraph \n\n')).to.deep.equal([
        paragraph(text('  First line'), BREAK, text('second '), em(text('line'))),
        paragraph(text('New'), BREAK, text('paragraph ')),
      ]);
      expect(parseFormatted('')).to.deep.equal([]);
      expect(parseFormatted(' \n\t\n')).to.deep.equal([]);
    });

    it('leaves headings, HTML, images, entities, tables, setext and reference links as text', () => {
      expect(inlines('# Title', false)).to.deep.equal([text('# Title')]);
      expect(inlines('<b>bold</b> &amp; <script>x</script>', false)).to.deep.equal([
        text('<b>bold</b> &amp; <script>x</script>'),
      ]);
      expect(inlines('![alt](https://x.example/a.png)')).to.deep.equal([
        text('!'),
        link('alt', 'https://x.example/a.png'),
      ]);
      expect(inlines('Title\n===', false)).to.deep.equal([text('Title'), BREAK, text('===')]);
      expect(inlines('| a | b |\n|---|---|', false)).to.deep.equal([text('| a | b |'), BREAK, text('|---|---|')]);
      expect(parse('[a][1]\n\n[1]: https://x.example')).to.deep.equal([
        paragraph(text('[a][1]')),
        paragraph(text('[1]: '), link('https://x.example')),
      ]);
    });
  });

  describe('emphasis', () => {
    it('makes ** and __ strong, * and _ emphasis', () => {
      expect(inlines('**bold** *it* __b__ _i_')).to.deep.equal([
        strong(text('bold')),
        text(' '),
        em(text('it')),
        text(' '),
        strong(text('b')),
        text(' '),
        em(text('i')),
      ]);
    });

    it('reads *** as emphasis around strong, for both characters', () => {
      expect(inlines('***x***')).to.deep.equal([em(strong(text('x')))]);
      expect(inlines('___x___')).to.deep.equal([em(strong(text('x')))]);
      expect(inlines('***a** b*')).to.deep.equal([em(strong(text('a')), text(' b'))]);
    });

    it('nests and mixes the characters, and lets emphasis cross a line end but not a paragraph', () => {
      expect(inlines('**a _b_ c**')).to.deep.equal([strong(text('a '), em(text('b')), text(' c'))]);
      expect(inlines('*a\nb*')).to.deep.equal([em(text('a'), BREAK, text('b'))]);
      expect(parse('*a\n\nb*')).to.deep.equal([paragraph(text('*a')), paragraph(text('b*'))]);
    });

    it('keeps intraword underscores as text, so snake_case_names survive', () => {
      expect(inlines('snake_case_names and a_b_c')).to.deep.equal([text('snake_case_names and a_b_c')]);
      expect(inlines('_snake_case_')).to.deep.equal([em(text('snake_case'))]);
      expect(inlines('__init__')).to.deep.equal([strong(text('init'))]);
      expect(inlines('a*b*c')).to.deep.equal([text('a'), em(text('b')), text('c')]);
    });

    it('leaves unmatched or space-flanked delimiters as literal text', () => {
      for (const body of ['**a', 'a*', '*a', '_a', '2 * 3 * 4', 'x* y *z', 'a ** b ** c', '__ x __']) {
        expect(inlines(body), body).to.deep.equal([text(body)]);
      }
      expect(inlines('**a*')).to.deep.equal([text('*'), em(text('a'))]);
      expect(inlines('*a**')).to.deep.equal([em(text('a')), text('*')]);
      expect(inlines('*a_')).to.deep.equal([text('*a_')]);
    });

    it('caps emphasis at 8 levels and leaves the delimiters beyond it as text', () => {
      const list = inlines(`${'*'.repeat(20)}a${'*'.repeat(20)}`);
      expect(depth([paragraph(...list)])).to.equal(1 + 8 + 1);
      expect(seen(list)).to.equal(`${'*'.repeat(4)}a${'*'.repeat(4)}`);
      const nested = inlines(`${'*a _b '.repeat(10)}c${'_ d*'.repeat(10)}`);
      expect(depth([paragraph(...nested)])).to.be.at.most(1 + 8 + 1);
      expect(depth([paragraph(...nested)])).to.be.at.least(1 + 8);
    });
  });

  describe('code', () => {
    it('makes inline code of backtick runs of equal length, with one padding space trimmed', () => {
      expect(inlines('`x` and ``x ` y`` and `` `tick` ``')).to.deep.equal([
        code('x'),
        text(' and '),
        code('x ` y'),
        text(' and '),
        code('`tick`'),
      ]);
      expect(inlines('a `b\nc` d')).to.deep.equal([text('a '), code('b c'), text(' d')]);
      expect(inlines('``a` b` c `d')).to.deep.equal([text('``a'), code(' b'), text(' c `d')]);
      expect(inlines('`unclosed *em*')).to.deep.equal([text('`unclosed '), em(text('em'))]);
    });

    it('gives code spans precedence over emphasis, links and escapes', () => {
      expect(inlines('*a `*` b*')).to.deep.equal([em(text('a '), code('*'), text(' b'))]);
      expect(inlines('`**x**` `[a](https://x.example)` `https://y.example` `\\*`')).to.deep.equal([
        code('**x**'),
        text(' '),
        code('[a](https://x.example)'),
        text(' '),
        code('https://y.example'),
        text(' '),
        code('\\*'),
      ]);
      expect(inlines('*a`*`')).to.deep.equal([text('*a'), code('*')]);
    });

    it('makes fenced code blocks of ``` and ~~~, ignoring the info string and parsing nothing inside', () => {
      expect(parse('before\n```js\n**x** [a](https://x.example)\n\n  <b>\n```\nafter')).to.deep.equal([
        paragraph(text('before')),
        {kind: 'code', text: '**x** [a](https://x.example)\n\n  <b>'},
        paragraph(text('after')),
      ]);
      expect(parse('~~~~\n~~~\n```\n~~~~~\nx')).to.deep.equal([{kind: 'code', text: '~~~\n```'}, paragraph(text('x'))]);
      expect(parse('```\nnever closed\n\n- still code\n\n \n')).to.deep.equal([
        {kind: 'code', text: 'never closed\n\n- still code'},
      ]);
      expect(inlines('```a`b\nc```')).to.deep.equal([code('a`b c')]);
    });
  });

  describe('quotes and lists', () => {
    it('makes quotes of "> " lines, with nesting, quoted blank lines and the body inside parsed', () => {
      expect(parse('> a *b*\n>\n> > c\n>> d\nafter')).to.deep.equal([
        {
          kind: 'quote',
          blocks: [
            paragraph(text('a '), em(text('b'))),
            {kind: 'quote', blocks: [paragraph(text('c'), BREAK, text('d'))]},
          ],
        },
        paragraph(text('after')),
      ]);
      expect(parse('>no space\n\\> escaped')).to.deep.equal([paragraph(text('>no space'), BREAK, text('> escaped'))]);
    });

    it('caps quotes at 4 levels; deeper ">" stay text', () => {
      let blocks = parse('> > > > > > x');
      for (let level = 0; level < 4; level++) {
        expect(blocks).to.have.length(1);
        expect(blocks[0].kind).to.equal('quote');
        blocks = (blocks[0] as Extract<Block, {kind: 'quote'}>).blocks;
      }
      expect(blocks).to.deep.equal([paragraph(text('> > x'))]);
    });

    it('makes bullet and numbered lists, keeping the start number', () => {
      const item = (t: string): Block[] => [paragraph(text(t))];
      expect(parse('- a\n- b\n\n- c\n\n* d\n+ e\n3. f\n4. g\n1) h')).to.deep.equal([
        {kind: 'list', ordered: false, start: 1, items: [item('a'), item('b'), item('c')]},
        {kind: 'list', ordered: false, start: 1, items: [item('d')]},
        {kind: 'list', ordered: false, start: 1, items: [item('e')]},
        {kind: 'list', ordered: true, start: 3, items: [item('f'), item('g')]},
        {kind: 'list', ordered: true, start: 1, items: [item('h')]},
      ]);
    });

    it('continues an item with indented lines, which may hold a nested list or code', () => {
      expect(
        parse('1. first\n   more\n\n   second para\n   - nested `code`\n   ```\n   *x*\n   ```\n2. next'),
      ).to.deep.equal([
        {
          kind: 'list',
          ordered: true,
          start: 1,
          items: [
            [
              paragraph(text('first'), BREAK, text('more')),
              paragraph(text('second para')),
              {kind: 'list', ordered: false, start: 1, items: [[paragraph(text('nested '), code('code'))]]},
              {kind: 'code', text: '*x*'},
            ],
            [paragraph(text('next'))],
          ],
        },
      ]);
      for (const after of ['not indented', ' one space']) {
        expect(parse(`- a\n${after}`)).to.deep.equal([
          {kind: 'list', ordered: false, start: 1, items: [[paragraph(text('a'))]]},
          paragraph(text(after)),
        ]);
      }
      expect(parse('- a\n\tb')).to.deep.equal([
        {kind: 'list', ordered: false, start: 1, items: [[paragraph(text('a'), BREAK, text('b'))]]},
      ]);
    });

    it('lets a bullet or "1." interrupt a paragraph, but not another number, and needs the space', () => {
      expect(parse('I was born in\n1984. Then\n- a')).to.deep.equal([
        paragraph(text('I was born in'), BREAK, text('1984. Then')),
        {kind: 'list', ordered: false, start: 1, items: [[paragraph(text('a'))]]},
      ]);
      expect(parse('-1 and +1\n1.5 and -x\n\\- escaped\n1\\. escaped')).to.deep.equal([
        paragraph(text('-1 and +1'), BREAK, text('1.5 and -x'), BREAK, text('- escaped'), BREAK, text('1. escaped')),
      ]);
    });

    it('nests lists inside quotes and quotes inside lists', () => {
      expect(parse('> - a\n>   > b\n> - c')).to.deep.equal([
        {
          kind: 'quote',
          blocks: [
            {
              kind: 'list',
              ordered: false,
              start: 1,
              items: [[paragraph(text('a')), {kind: 'quote', blocks: [paragraph(text('b'))]}], [paragraph(text('c'))]],
            },
          ],
        },
      ]);
    });

    it('caps lists at 4 levels; deeper markers stay text', () => {
      let blocks = parse('- - - - - - x');
      for (let level = 0; level < 4; level++) {
        expect(blocks[0].kind).to.equal('list');
        blocks = (blocks[0] as Extract<Block, {kind: 'list'}>).items[0];
      }
      expect(blocks).to.deep.equal([paragraph(text('- - x'))]);
    });
  });

  describe('links', () => {
    it('makes [label](http(s) URL) links, with any case of scheme and balanced parentheses', () => {
      expect(
        inlines('[a](https://x.example/p?q=1#f) [b](HtTp://y.example) [c](https://w.example/Her_(film)).'),
      ).to.deep.equal([
        link('a', 'https://x.example/p?q=1#f'),
        text(' '),
        link('b', 'HtTp://y.example'),
        text(' '),
        link('c', 'https://w.example/Her_(film)'),
        text('.'),
      ]);
    });

    it('lets a label hold emphasis and code, but never another link', () => {
      expect(inlines('[a *b* `c`](https://x.example)')).to.deep.equal([
        {
          kind: 'link',
          text: 'a b c',
          href: 'https://x.example',
          children: [text('a '), em(text('b')), text(' '), code('c')],
        },
      ]);
      expect(inlines('[see https://a.example](https://b.example)')).to.deep.equal([
        link('see https://a.example', 'https://b.example'),
      ]);
      expect(inlines('[a [b](https://x.example)](https://y.example)')).to.deep.equal([
        text('[a '),
        link('b', 'https://x.example'),
        text(']('),
        link('https://y.example'),
        text(')'),
      ]);
      expect(inlines('*a [b*](https://x.example)')).to.deep.equal([text('*a '), link('b*', 'https://x.example')]);
      expect(inlines('[](https://x.example)')).to.deep.equal([link('https://x.example')]);
    });

    it('makes bare http(s) URLs links as body text does, but leaves emphasis markers around them markers', () => {
      expect(inlines('See https://example.com/a, and (https://en.wikipedia.org/wiki/Her_(film)).')).to.deep.equal([
        text('See '),
        link('https://example.com/a'),
        text(', and ('),
        link('https://en.wikipedia.org/wiki/Her_(film)'),
        text(').'),
      ]);
      expect(inlines('ahttps://x.example 1http://y.example', false)).to.deep.equal([
        text('ahttps://x.example 1http://y.example'),
      ]);
      expect(inlines('**https://x.example/a_b** _https://y.example_')).to.deep.equal([
        strong(link('https://x.example/a_b')),
        text(' '),
        em(link('https://y.example')),
      ]);
    });

    it('never links another scheme, a relative or protocol-relative URL, or a URL with a space or quote', () => {
      const bodies = [
        '[x](javascript:alert(1))',
        '[x](JAVASCRIPT:alert(1))',
        '[x](data:text/html,<script>alert(1)</script>)',
        '[x](//evil.example)',
        '[x](/relative)',
        '[x](vbscript:msgbox)',
        '[x](ftp://files.example)',
        '[x]( javascript:alert(1))',
      ];
      for (const body of bodies) {
        const blocks = parse(body);
        expect(hrefs(blocks), body).to.deep.equal([]);
        expect(blocks, body).to.deep.equal([paragraph(text(body))]);
      }
      const tricky = parse('[x](https://a b) [y](<https://a>) [z](https://a"onclick=b) [w](https://a\n)');
      for (const href of hrefs(tricky)) expect(href).to.match(/^https?:\/\/[^\s<>"]+$/i);
      expect(hrefs(tricky)).to.deep.equal(['https://a', 'https://a', 'https://a', 'https://a']);
    });

    it('produces no link but http(s) anywhere in a hostile document', () => {
      const blocks = parse(
        '> - [a *[b](javascript:x)*](data:x) [c](https://ok.example)\n>   [d](JaVaScRiPt:alert(1)) javascript://x\n\n[e](java\nscript:x)',
      );
      const all = hrefs(blocks);
      expect(all).to.deep.equal(['https://ok.example']);
      for (const href of all) expect(href).to.match(/^https?:\/\//i);
    });
  });

  describe('escapes and text', () => {
    it('turns each backslash escape into its literal character, and keeps other backslashes', () => {
      expect(inlines('\\* \\_ \\` \\[ \\] \\( \\) \\> \\- \\\\ \\# \\+ \\. \\! \\a \\')).to.deep.equal([
        text('* _ ` [ ] ( ) > - \\ # + . ! \\a \\'),
      ]);
      expect(inlines('\\*not em\\* \\[not](https://x.example) \\`not code\\`')).to.deep.equal([
        text('*not em* [not]('),
        link('https://x.example'),
        text(') `not code`'),
      ]);
      expect(parse('\\# not a heading\n\\> not a quote\n\\+ not a list')).to.deep.equal([
        paragraph(text('# not a heading'), BREAK, text('> not a quote'), BREAK, text('+ not a list')),
      ]);
    });

    it('shows the reader exactly the text without the markers', () => {
      const list = inlines('A **bold _and_ it** `co*de` \\*x\\* [l *i*](https://x.example) https://y.example/!\nend');
      expect(seen(list)).to.equal('A bold and it co*de *x* l i https://y.example/!\nend');
    });
  });

  describe('safety and performance', () => {
    // The first run of a code path is interpreted, so a smaller input warms it up first; quadratic
    // work would still show in the timed run.
    const timed = (body: string): {blocks: Block[]; ms: number} => {
      parseFormatted(body.slice(0, body.length / 10));
      const start = performance.now();
      const blocks = parseFormatted(body);
      return {blocks, ms: performance.now() - start};
    };
    const cases: [string, string][] = [
      ['5,000 backticks', '`'.repeat(5000)],
      ['5,000 backticks after text', `a${'`'.repeat(5000)}`],
      ['10,000 code spans', '`a'.repeat(20000)],
      ['backtick runs of many lengths', Array.from({length: 3000}, (_, k) => '`'.repeat((k % 60) + 1)).join('a')],
      ['10,000 *', '*'.repeat(10000)],
      ['"**a" × 5,000', '**a'.repeat(5000)],
      ['"*a " × 10,000', '*a '.repeat(10000)],
      ['5,000 * then 5,000 * closing', `${'*'.repeat(5000)}a${'*'.repeat(5000)}`],
      ['mixed openers', `${'*a _b '.repeat(5000)}${'c_ d* '.repeat(5000)}`],
      ['5,000 [', '['.repeat(5000)],
      ['"[a](" × 5,000', '[a]('.repeat(5000)],
      ['"[a](http://x(" × 5,000', '[a](http://x('.repeat(5000)],
      ['nested labels', `${'[a'.repeat(5000)}${'](https://x.example)'.repeat(5000)}`],
      ['5,000 (', `[a](https://x${'('.repeat(5000)}`],
      ['"> " × 2,000', `${'> '.repeat(2000)}x`],
      ['"- " × 2,000', '- '.repeat(2000)],
      ['2,000 list lines', '- a\n'.repeat(2000)],
      ['20,000 "_a"', '_a'.repeat(20000)],
      ['20,000 "a_b "', 'a_b '.repeat(20000)],
      ['5,000 bare URLs', 'https://x.example/a_(b) '.repeat(5000)],
      ['5,000 backslashes', '\\'.repeat(5000)],
    ];
    for (const [name, body] of cases) {
      it(`parses ${name} quickly, into a tree of bounded depth`, () => {
        const {blocks, ms} = timed(body);
        expect(ms, `${ms.toFixed(1)} ms`).to.be.below(500);
        expect(depth(blocks), 'quotes, lists, paragraph, emphasis, link, leaf').to.be.at.most(4 + 4 + 1 + 8 + 1 + 1);
        expect(blocks.length).to.be.greaterThan(0);
        expect(hasFormatting(body)).to.equal(true);
      });
    }

    it('keeps every character of unmatched markers', () => {
      for (const body of ['*'.repeat(10000), '['.repeat(5000), '_a'.repeat(20000), '[a]('.repeat(5000)]) {
        expect(seen(inlines(body))).to.equal(body);
      }
      expect(seen(inlines('**a'.repeat(5000)))).to.equal('a'.repeat(5000));
      expect(seen(inlines(`a${'`'.repeat(5000)}`))).to.equal(`a${'`'.repeat(5000)}`);
    });
  });

  describe('hasFormatting', () => {
    it('is false for plain text, with or without bare links', () => {
      for (const body of [
        'Hello, world!',
        'See https://x.example/a.b?c=d#e (really).\n\nOK # not & <b>',
        '1984 was 2.5 - 3',
      ]) {
        expect(hasFormatting(body), body).to.equal(false);
      }
    });

    it('is true for every construct', () => {
      for (const body of ['a*', 'a_', 'a`', '~~~', 'a[', 'a\\', '> a', 'x\n- a', '+ a', '12. a', '3) a', 'a\r> b']) {
        expect(hasFormatting(body), body).to.equal(true);
      }
    });

    it('when false, parsing gives only paragraphs of text, breaks and the links body text finds', () => {
      const next = random(7);
      // Plain pieces, and pieces that may format; "|" separates them.
      const pieces = 'a|B c| |\n|\n\n|\r\n|https://x.example/p|(http://y.example/q).|#|<b>|&amp;|!|~|]|(|)'.split('|');
      pieces.push(...'*|_|`|``|~~~|[|> |- |+ |1. |2) |\\'.split('|'));
      let plain = 0;
      for (let round = 0; round < 3000; round++) {
        const length = 1 + Math.floor(next() * 12);
        const body = Array.from({length}, () => pieces[Math.floor(next() * pieces.length)]).join('');
        const blocks = parseFormatted(body);
        for (const href of hrefs(blocks)) expect(href, body).to.match(/^https?:\/\/[^\s<>"]+$/i);
        const formatted =
          blocks.some((b) => b.kind !== 'paragraph') ||
          [...allInlines(blocks)].some((x) => x.kind !== 'text' && x.kind !== 'break' && x.kind !== 'link');
        if (formatted) expect(hasFormatting(body), JSON.stringify(body)).to.equal(true);
        // body-text.ts trims the body's outer spaces, which may reveal a marker: compare trimmed bodies.
        const trimmed = body.trim();
        if (!trimmed || hasFormatting(trimmed)) continue;
        plain++;
        const lines = parseFormatted(trimmed).map((b) => {
          expect(b.kind, JSON.stringify(trimmed)).to.equal('paragraph');
          const runs: TextRun[][] = [[]];
          for (const x of (b as Extract<Block, {kind: 'paragraph'}>).inlines) {
            expect(['text', 'link', 'break']).to.include(x.kind);
            if (x.kind === 'break') runs.push([]);
            else runs[runs.length - 1].push(x as TextRun);
          }
          return runs;
        });
        // Line by line, the same text and link runs as body-text.ts gives.
        expect(lines, JSON.stringify(trimmed)).to.deep.equal(parseBody(trimmed));
      }
      expect(plain, 'enough plain bodies were tried').to.be.greaterThan(100);
    });
  });
});
