import {expect} from '@open-wc/testing';
import {
  LOOK_ALIKES,
  hasBidiControls,
  hasVisibleText,
  plainText,
  stripBidiControls,
} from '../../src/model/text-safety.js';

describe('text safety', () => {
  it('strips the characters that reorder text, and keeps the marks and right-to-left text', () => {
    expect(stripBidiControls('\u202Enimda etiS')).to.equal('nimda etiS');
    expect(stripBidiControls('a\u2066b\u2069c\u202Ad\u202C')).to.equal('abcd');
    expect(stripBidiControls('عائشة\u200F')).to.equal('عائشة\u200F');
    expect(hasBidiControls('x\u202Ey')).to.equal(true);
    expect(hasBidiControls('x\u200Fy שלום')).to.equal(false);
  });

  it('tells text that shows nothing', () => {
    for (const text of [
      '',
      '   ',
      '\u200B\u200C\u200D',
      '\u3164',
      '\u2800',
      '\u00AD',
      '\u115F\u1160',
      '\uFFA0',
      '\t\n',
      '\u034F', // combining grapheme joiner
      '\uFE0F\uFE0F', // variation selectors
      '\u0300\u0301', // combining accents with no letter
      '\u17B4',
    ]) {
      expect(hasVisibleText(text), JSON.stringify(text)).to.equal(false);
    }
    for (const text of ['a', ' ジ ', '👍', '\u200Bx', 'عائشة', 'e\u0301', '\u2764\uFE0F', 'कि', 'Nguyễn']) {
      expect(hasVisibleText(text), JSON.stringify(text)).to.equal(true);
    }
  });

  it('makes text plain for banned words: no format characters, Latin for look-alikes, lower case, folded', () => {
    expect(plainText('Cas\u00ADino')).to.equal('casino');
    expect(plainText('cas\u200Dino')).to.equal('casino');
    expect(plainText('саsinо')).to.equal('casino'); // Cyrillic с, а, о
    expect(plainText('CΑSΙΝΟ')).to.equal('casino'); // Greek capitals
    expect(plainText('ＣＡＳＩＮＯ')).to.equal('casino'); // full width: folded here, not in the rules
    expect(plainText('Ça va')).to.equal('ça va');
  });

  it('has the same look-alike table as firestore.rules’ plainText()', async () => {
    const rules = await (await fetch('/firestore.rules')).text();
    const body = /function plainText\(text\) \{([\s\S]*?)\n {4}\}/.exec(rules)?.[1] ?? '';
    const inRules = [...body.matchAll(/\.replace\('\[([^\]]+)\]', '(\w)'\)/g)].map(([, chars, latin]) => [
      latin,
      chars,
    ]);
    expect(inRules).to.deep.equal(Object.entries(LOOK_ALIKES));
  });
});
