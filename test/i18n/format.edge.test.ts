import {expect} from '@open-wc/testing';
import {exactTime, relativeTime} from '../../src/i18n/format.js';
import {plural} from '../../src/i18n/plural.js';

const now = new Date(Date.UTC(2026, 5, 15, 12, 0, 0));
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

describe('relative times, boundaries and languages', () => {
  it('says "now" under a minute either way, and switches unit at each whole unit', () => {
    expect(relativeTime(at(0), now, 'en')).to.equal('now');
    expect(relativeTime(at(-59), now, 'en')).to.equal('now');
    expect(relativeTime(at(59), now, 'en')).to.equal('now');
    expect(relativeTime(at(-MINUTE), now, 'en')).to.equal('1 minute ago');
    expect(relativeTime(at(-59 * MINUTE), now, 'en')).to.equal('59 minutes ago');
    expect(relativeTime(at(-HOUR), now, 'en')).to.equal('1 hour ago');
    expect(relativeTime(at(-23 * HOUR), now, 'en')).to.equal('23 hours ago');
    expect(relativeTime(at(-6 * DAY), now, 'en')).to.equal('6 days ago');
    expect(relativeTime(at(-7 * DAY), now, 'en')).to.equal('last week');
    expect(relativeTime(at(-29 * DAY), now, 'en')).to.equal('4 weeks ago');
    expect(relativeTime(at(-30 * DAY), now, 'en')).to.equal('last month');
    expect(relativeTime(at(-364 * DAY), now, 'en')).to.equal('12 months ago');
    expect(relativeTime(at(-365 * DAY), now, 'en')).to.equal('last year');
    expect(relativeTime(at(-5 * 365 * DAY), now, 'en')).to.equal('5 years ago');
  });

  it('speaks of the future for a clock that runs ahead', () => {
    expect(relativeTime(at(3 * HOUR), now, 'en')).to.equal('in 3 hours');
    expect(relativeTime(at(DAY), now, 'en')).to.equal('tomorrow');
    expect(relativeTime(at(2 * MINUTE), now, 'en')).to.equal('in 2 minutes');
  });

  it('uses each language’s own words, numbers and dual forms', () => {
    const cases: Array<[string, number, string]> = [
      ['fr', -MINUTE, 'il y a 1 minute'],
      ['fr', -30 * DAY, 'le mois dernier'],
      ['fr', DAY, 'demain'],
      ['de', -2 * 365 * DAY, 'vor 2 Jahren'],
      ['de', -DAY, 'gestern'],
      ['de', 0, 'jetzt'],
      ['es', -29 * DAY, 'hace 4 semanas'],
      ['es', 3 * HOUR, 'dentro de 3 horas'],
      ['es', 0, 'ahora'],
      ['ja', -2 * 365 * DAY, '2 年前'],
      ['ja', -30 * DAY, '先月'],
      ['ja', 0, '今'],
      ['ar', -2 * MINUTE, 'قبل دقيقتين'],
      ['ar', -2 * 365 * DAY, 'قبل سنتين'],
      ['ar', 0, 'الآن'],
    ];
    for (const [lang, seconds, expected] of cases) {
      expect(relativeTime(at(seconds), now, lang), `${lang} ${seconds}s`).to.equal(expected);
    }
  });

  it('keeps each language’s format apart when languages alternate', () => {
    const threeHours = at(-3 * HOUR);
    const first = ['en', 'de', 'en', 'fr', 'de'].map((lang) => relativeTime(threeHours, now, lang));
    expect(first).to.deep.equal(['3 hours ago', 'vor 3 Stunden', '3 hours ago', 'il y a 3 heures', 'vor 3 Stunden']);
  });

  it('gives the exact time in the widget’s language, not the browser’s', () => {
    expect(exactTime(now, 'de')).to.contain('Juni 2026');
    expect(exactTime(now, 'es')).to.contain('junio de 2026');
    expect(exactTime(now, 'ja')).to.contain('2026年6月');
    expect(exactTime(now, 'en')).not.to.equal(exactTime(now, 'fr'));
  });
});

describe('plural', () => {
  const all = {zero: 'zero #', one: 'one #', two: 'two #', few: 'few #', many: 'many #', other: 'other #'};
  const pick = (lang: string, counts: number[]) => counts.map((n) => plural(lang, n, all).split(' ')[0]);

  it('picks the CLDR form for each language', () => {
    expect(pick('en', [0, 1, 2, 5])).to.deep.equal(['other', 'one', 'other', 'other']);
    expect(pick('fr', [0, 1, 1.5, 2])).to.deep.equal(['one', 'one', 'one', 'other']);
    expect(pick('de', [0, 1, 2])).to.deep.equal(['other', 'one', 'other']);
    expect(pick('es', [0, 1, 2])).to.deep.equal(['other', 'one', 'other']);
    expect(pick('ja', [0, 1, 2])).to.deep.equal(['other', 'other', 'other']);
    expect(pick('ar', [0, 1, 2, 3, 10, 11, 99, 100, 102])).to.deep.equal([
      'zero',
      'one',
      'two',
      'few',
      'few',
      'many',
      'many',
      'other',
      'other',
    ]);
  });

  it('falls back to "other" when a language’s form is not given', () => {
    expect(plural('ar', 2, {one: 'one #', other: 'other #'})).to.equal('other 2');
    expect(plural('ar', 0, {other: '# things'})).to.equal('0 things');
    expect(plural('en', 1, {other: '# things'})).to.equal('1 things');
  });

  it('writes the count as the language writes numbers', () => {
    expect(plural('en', 1234567, all)).to.equal('other 1,234,567');
    expect(plural('de', 1234567, all)).to.equal('other 1.234.567');
    expect(plural('fr', 1234567, all)).to.equal('other 1\u202F234\u202F567');
    expect(plural('fr', 1.5, all)).to.equal('one 1,5');
    expect(plural('ja', 12345, all)).to.equal('other 12,345');
  });

  it('writes a small count without building a number format, and a large one with it', () => {
    const original = Intl.NumberFormat;
    let built = 0;
    // Counts constructions (the first one in a page is what costs): a subclass that counts and builds.
    Intl.NumberFormat = class extends original {
      constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        super(...args);
        built++;
      }
    } as typeof Intl.NumberFormat;
    try {
      expect(plural('en-GB', 999, all)).to.equal('other 999');
      expect(plural('ar', 3, all)).to.equal('few 3');
      expect(built).to.equal(0);
      expect(plural('en-GB', 1000, all)).to.equal('other 1,000');
      expect(built).to.equal(1);
      // Where the language writes other digits, the count is the browser's, however small.
      expect(plural('ar-EG', 12, all)).to.equal(`many ${new original('ar-EG').format(12)}`);
      expect(plural('ar-EG', 12, all)).not.to.contain('12');
    } finally {
      Intl.NumberFormat = original;
    }
  });

  it('leaves a form without # as it is', () => {
    expect(plural('ar', 2, {two: 'رأيان', other: '# رأي'})).to.equal('رأيان');
    expect(plural('en', 1, {one: 'a thought', other: '# thoughts'})).to.equal('a thought');
  });
});
