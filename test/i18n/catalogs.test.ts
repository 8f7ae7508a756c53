import {expect} from '@open-wc/testing';
import {waitUntil} from '../helpers/wait-until.js';
import {en, type Messages} from '../../src/i18n/en.js';
import {loadMessages, SUPPORTED_LANGUAGES} from '../../src/i18n/catalogs.js';
import {plural} from '../../src/i18n/plural.js';
import {comment, mount, settle, threadOf} from '../helpers/mount.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every leaf of a catalog as [path, string], calling functions with sample arguments. */
function leaves(messages: object, prefix = ''): Array<[string, string]> {
  return Object.entries(messages).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix + key;
    if (typeof value === 'function') return [[path, String(value(2, 'T'))]];
    if (typeof value === 'object') return leaves(value, `${path}.`);
    return [[path, String(value)]];
  });
}

describe('languages', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('has English, French, German, Spanish, Japanese and Arabic', () => {
    expect(SUPPORTED_LANGUAGES).to.have.members(['en', 'fr', 'de', 'es', 'ja', 'ar']);
  });

  for (const lang of ['fr', 'de', 'es', 'ja', 'ar']) {
    it(`${lang}: translates every string English has`, async () => {
      const messages: Messages = await loadMessages(lang);
      const english = new Map(leaves(en));
      const translated = leaves(messages);
      expect(translated.map(([path]) => path)).to.deep.equal([...english.keys()]);
      for (const [path, value] of translated) expect(value, path).not.to.equal('');
      // A string identical to English was probably forgotten ("Website" is also German).
      const same = translated.filter(([path, value]) => value === english.get(path)).map(([path]) => path);
      expect(same.filter((path) => !(lang === 'de' && path === 'website'))).to.deep.equal([]);
    });
  }

  it('writes a plural’s count as the language writes numbers, the same each time', () => {
    const forms = {one: '# thought', other: '# thoughts'};
    for (const lang of ['en', 'de', 'fr', 'ar']) {
      for (const count of [1, 2, 1000, 12345]) {
        const written = count.toLocaleString(lang);
        expect(plural(lang, count, forms), `${lang} ${count}`).to.equal(
          `${written} ${count === 1 ? 'thought' : 'thoughts'}`,
        );
        expect(plural(lang, count, forms), `${lang} ${count}, again`).to.equal(
          `${written} ${count === 1 ? 'thought' : 'thoughts'}`,
        );
      }
    }
  });

  it('counts characters and links in Arabic through the plural rules, not one fixed form', async () => {
    const ar = await loadMessages('ar');
    const digits = (value: number) => new Intl.NumberFormat('ar').format(value); // as the browser writes them
    expect(ar.errors.nameTooLong(2)).to.equal('لا يتجاوز الاسم حرفان.');
    expect(ar.errors.nameTooLong(3)).to.equal(`لا يتجاوز الاسم ${digits(3)} أحرف.`);
    expect(ar.errors.nameTooLong(80)).to.equal(`لا يتجاوز الاسم ${digits(80)} حرفًا.`);
    expect(ar.errors.urlTooLong(300)).to.equal(`لا يتجاوز عنوان الويب ${digits(300)} حرف.`);
    expect(ar.errors.bodyTooManyLinks(2)).to.equal('يمكن أن يحتوي التعليق على رابطين على الأكثر.');
  });

  it('says every count through the plural rules, a limit of one included (a site may allow one link)', async () => {
    const [english, fr, es, de] = await Promise.all(['en', 'fr', 'es', 'de'].map((lang) => loadMessages(lang)));
    expect(english.errors.bodyTooManyLinks(1)).to.equal('A comment may contain at most 1 link.');
    expect(english.errors.bodyTooManyLinks(2)).to.equal('A comment may contain at most 2 links.');
    expect(english.errors.nameTooLong(1)).to.equal('Names are limited to 1 character.');
    expect(english.errors.bodyTooLong(5000, 5001)).to.equal('Your comment is 5,001 characters; the limit is 5,000.');
    expect(fr.errors.bodyTooManyLinks(1)).to.equal('Un commentaire peut contenir au plus 1 lien.');
    expect(es.errors.bodyTooManyLinks(1)).to.equal('Un comentario puede contener como máximo 1 enlace.');
    expect(es.errors.urlTooLong(1)).to.equal('Las direcciones web tienen un límite de 1 carácter.');
    expect(de.errors.bodyTooManyLinks(1)).to.equal('Ein Kommentar darf höchstens 1 Link enthalten.');
  });

  it('uses the words WordPress’s own translations use for comments, and Japanese names without a space', async () => {
    const [fr, es, ja] = await Promise.all(['fr', 'es', 'ja'].map((lang) => loadMessages(lang)));
    expect(fr.heading(2, 'Her')).to.equal('2 réflexions sur « Her »');
    expect(fr.posting).to.equal('Publication en cours…');
    expect(es.heading(1, 'Her')).to.equal('1 comentario sobre «Her»');
    expect(ja.replyTo('Jonas')).to.equal('Jonasさんに返信');
  });

  it('follows the lang attribute and plural rules', async () => {
    const m = await mount({lang: 'fr'});
    await waitUntil(() => text(m.$('[part=title]')).startsWith('Aucune réflexion'), 'French heading');
    m.store.seed(await threadOf(m.el), [
      comment({createdAt: new Date(Date.now() - 3 * 86400e3)}),
      comment({createdAt: new Date()}),
    ]);
    await settle(m);
    expect(text(m.$('[part=title]'))).to.equal('2 réflexions sur « Film Review for Her »');
    expect(text(m.$('time'))).to.equal('il y a 3 jours');
    expect(text(m.f('.submit'))).to.equal('Publier le commentaire');
  });

  it('switches live when the host page changes <html lang>', async () => {
    const m = await mount();
    expect(text(m.$('[part=title]'))).to.equal('No thoughts yet on “Film Review for Her”');
    document.documentElement.setAttribute('lang', 'ja');
    await waitUntil(
      () => text(m.$('[part=title]')) === '「Film Review for Her」へのコメントはまだありません',
      'Japanese heading',
    );
    expect(text(m.f('[part=form-title]'))).to.equal('コメントを残す');
  });

  it('lays Arabic out right to left, with Arabic plural forms', async () => {
    const m = await mount({lang: 'ar'});
    await waitUntil(() => m.$('section')?.getAttribute('dir') === 'rtl', 'rtl');
    m.store.seed(await threadOf(m.el), [comment({}), comment({})]);
    await settle(m);
    expect(text(m.$('[part=title]'))).to.equal('تعليقان على «Film Review for Her»');
    expect(getComputedStyle(m.f('form')).direction).to.equal('rtl');
    // A comment written in English keeps its own direction inside the Arabic widget.
    expect(getComputedStyle(m.$('[part=body] p')!).direction).to.equal('ltr');
    // The form's label sits at the right edge in RTL.
    const form = m.f('form').getBoundingClientRect();
    const label = m.f('label[for=body]').getBoundingClientRect();
    expect(form.right - label.right).to.be.lessThan(2);
    await expect(m.el).to.be.accessible();
  });
});
