import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import {LocalSession} from '../../src/auth/local-session.js';
import type {LeaveAReplyCountElement} from '../../src/components/leave-a-reply-count/leave-a-reply-count.js';
import {en} from '../../src/i18n/en.js';
import {registerLanguage} from '../../src/leave-a-reply.js';
import {resolveThread} from '../../src/model/page-identity.js';
import {MemoryStore} from '../../src/store/memory/memory-store.js';
import {comment, mount, PAGE, TITLE, type Mounted} from '../helpers/mount.js';
import {waitUntil} from '../helpers/wait-until.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const heading = (m: Mounted) => text(m.$('[part=title]'));
const formTitle = (m: Mounted) => text(m.f('[part=form-title]'));

async function shows(read: () => string, wanted: string) {
  await waitUntil(() => read() === wanted, `expected “${wanted}”, saw “${read()}”`);
}

async function twoComments(): Promise<MemoryStore> {
  const store = new MemoryStore();
  store.seed(await resolveThread({pageUrl: PAGE}), [comment({}), comment({})]);
  return store;
}

// Registrations are page-wide, so each test registers for a language no other test here uses.
describe('a site’s own strings', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => sinon.restore());

  it('an element’s `strings` replace its text in any language, and can be changed again', async () => {
    const m = await mount({}, await twoComments());
    m.el.strings = {
      leaveReply: 'Join the discussion',
      heading: (count, title) => `${count} comments on ${title}`,
    };
    await shows(() => formTitle(m), 'Join the discussion');
    await shows(() => heading(m), `2 comments on ${TITLE}`);

    m.el.setAttribute('lang', 'fr');
    await shows(() => text(m.f('[part=submit]')), 'Publier le commentaire');
    expect(formTitle(m), 'the override holds in French too').to.equal('Join the discussion');

    m.el.strings = {leaveReply: 'Votre avis'};
    await shows(() => formTitle(m), 'Votre avis');
    expect(heading(m), 'the heading is the catalog’s again').to.equal(`2 réflexions sur « ${TITLE} »`);
  });

  it('registerLanguage changes part of a shipped language on every widget and count already showing', async () => {
    const store = await twoComments();
    const root = await fixture<HTMLElement>(
      html`<lar-test-backend .store=${store} .session=${new LocalSession()}>
        <leave-a-reply-count lang="de" loading="eager" page-url=${PAGE}></leave-a-reply-count>
      </lar-test-backend>`,
    );
    const count = root.querySelector<LeaveAReplyCountElement>('leave-a-reply-count')!;
    const badge = () => text(count.shadowRoot!.querySelector('[part=count]'));
    await shows(badge, '2 Kommentare');
    const m = await mount({lang: 'de'}, store);
    const posting = m.section.messages.posting;

    registerLanguage('de', {
      countBadge: (n) => (n === 1 ? '1 Kommentar' : `${n} Kommentare`),
      refusals: {offline: 'Keine Verbindung.'},
    });
    registerLanguage('de', {refusals: {busy: 'Zu viel los.'}});

    await shows(badge, '2 Kommentare');
    await waitUntil(() => m.section.messages.refusals.offline === 'Keine Verbindung.', 'the widget did not switch');
    const refusals = m.section.messages.refusals;
    expect(refusals.busy, 'a later registration adds to the group').to.equal('Zu viel los.');
    expect(refusals.refused, 'the rest of the group is still German').not.to.equal(en.refusals.refused);
    expect(m.section.messages.posting, 'strings not given stay as shipped').to.equal(posting);
  });

  it('registerLanguage adds a language of the site’s own, regions falling back to it', async () => {
    registerLanguage('nl', {
      ...en,
      lang: 'nl',
      leaveReply: 'Laat een reactie achter',
      heading: (count, title) => (count === 1 ? `1 gedachte over “${title}”` : `${count} gedachten over “${title}”`),
    });
    const m = await mount({lang: 'nl-BE'}, await twoComments());
    await shows(() => formTitle(m), 'Laat een reactie achter');
    expect(heading(m)).to.equal(`2 gedachten over “${TITLE}”`);
    expect(m.$('section')?.getAttribute('lang'), 'the section says which language it speaks').to.equal('nl-BE');
  });

  it('a wrong key or shape from plain JavaScript is named in the console and never breaks the widget', async () => {
    const warn = sinon.stub(console, 'warn');
    const m = await mount({lang: 'es'}, await twoComments());
    // The Spanish catalog loads on demand: the heading to compare with is the Spanish one.
    await shows(() => heading(m), '2 comentarios sobre «Film Review for Her»');
    const before = heading(m);
    m.el.strings = JSON.parse('{"heading": "Comentarios", "leaveReplyy": "x", "__proto__": {"posting": "x"}}');
    m.el.strings = {...m.el.strings, postComment: 'Enviar', replyTo: () => 42 as unknown as string};
    await shows(() => text(m.f('[part=submit]')), 'Enviar');
    expect(heading(m), 'a text where a function belongs is refused').to.equal(before);
    const said = warn.getCalls().map((call) => String(call.args[0]));
    expect(said.some((s) => s.includes('"heading" must be a function'))).to.equal(true);
    expect(said.some((s) => s.includes('no string "leaveReplyy"'))).to.equal(true);
    expect(({} as Record<string, unknown>).posting, 'no prototype was touched').to.equal(undefined);
    expect(m.section.messages.replyTo('Ana'), 'a function returning no text falls back').to.equal('Responder a Ana');
  });

  it('is typed against the English catalog', () => {
    // @ts-expect-error a language the widget does not ship needs every string
    const partial = () => registerLanguage('pt', {leaveReply: 'Deixe uma resposta'});
    // @ts-expect-error a count's text is a function of the count
    const wrong = () => registerLanguage('fr', {countBadge: 'commentaires'});
    expect(partial).to.be.a('function');
    expect(wrong).to.be.a('function');
  });
});
