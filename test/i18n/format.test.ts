import {expect} from '@open-wc/testing';
import {exactTime, relativeTime} from '../../src/i18n/format.js';

const now = new Date(Date.UTC(2026, 5, 15, 12, 0, 0));
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('time formats', () => {
  it('says how long ago, in the largest whole unit', () => {
    expect(relativeTime(ago(5), now, 'en')).to.equal('now');
    expect(relativeTime(ago(150), now, 'en')).to.equal('2 minutes ago');
    expect(relativeTime(ago(3 * 3600), now, 'en')).to.equal('3 hours ago');
    expect(relativeTime(ago(24 * 3600), now, 'en')).to.equal('yesterday');
    expect(relativeTime(ago(3 * 7 * 24 * 3600), now, 'en')).to.equal('3 weeks ago');
    expect(relativeTime(ago(400 * 24 * 3600), now, 'en')).to.equal('last year');
  });

  it('speaks the widget’s language', () => {
    expect(relativeTime(ago(3 * 3600), now, 'fr')).to.equal('il y a 3 heures');
    expect(relativeTime(ago(3 * 3600), now, 'de')).to.equal('vor 3 Stunden');
    expect(relativeTime(ago(3 * 3600), now, 'es')).to.equal('hace 3 horas');
    expect(relativeTime(ago(3 * 3600), now, 'ja')).to.equal('3 時間前');
    expect(relativeTime(ago(24 * 3600), now, 'ar')).to.equal('أمس');
  });

  it('gives the exact time for the hover, with the date spelled out', () => {
    const text = exactTime(now, 'en');
    expect(text).to.contain('2026');
    expect(text).to.contain('June');
    expect(exactTime(now, 'fr')).to.contain('juin');
  });
});
