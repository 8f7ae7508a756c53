import {expect} from '@open-wc/testing';
import {waitUntil} from '../helpers/wait-until.js';
import {emulateMedia} from '@web/test-runner-commands';
import {comment, mount, settle, threadOf} from '../helpers/mount.js';

const PAGE_CSS = document.createElement('style');
PAGE_CSS.textContent = `
  html.night body { color: #f1f1f1; background: #121212; }
  html[data-theme=dark] body { color: #eeeeee; background: #181818; }
  @media (prefers-color-scheme: dark) { body.follows-os { color: #fafafa; background: #101010; } }
  leave-a-reply::part(submit) { border-radius: 0px; text-transform: uppercase; }
  leave-a-reply::part(title) { letter-spacing: 3px; }
  leave-a-reply.custom { --lar-color-accent: rgb(200, 0, 120); --lar-radius: 12px; --lar-avatar-size: 64px; }
`;

const scheme = (m: {section: Element}) => m.section.getAttribute('scheme');

describe('theming', () => {
  before(() => document.head.append(PAGE_CSS));
  after(() => PAGE_CSS.remove());
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    document.documentElement.className = '';
    document.documentElement.removeAttribute('data-theme');
    document.body.className = '';
    await emulateMedia({colorScheme: 'light'});
  });

  it('follows a class on <html> toggled at run time, with no glue code', async () => {
    const m = await mount();
    expect(scheme(m)).to.equal('light');
    document.documentElement.classList.add('night');
    await waitUntil(() => scheme(m) === 'dark', 'did not turn dark');
    expect(getComputedStyle(m.f('.submit')).backgroundColor).to.equal('rgb(168, 199, 250)');
    await expect(m.el).to.be.accessible();
    document.documentElement.classList.remove('night');
    await waitUntil(() => scheme(m) === 'light', 'did not turn light again');
    expect(getComputedStyle(m.f('.submit')).backgroundColor).to.equal('rgb(11, 87, 208)');
  });

  it('follows data-theme on <html>', async () => {
    const m = await mount();
    document.documentElement.dataset.theme = 'dark';
    await waitUntil(() => scheme(m) === 'dark');
  });

  it('follows prefers-color-scheme when the page does', async () => {
    document.body.classList.add('follows-os');
    const m = await mount();
    expect(scheme(m)).to.equal('light');
    await emulateMedia({colorScheme: 'dark'});
    await waitUntil(() => scheme(m) === 'dark', 'did not follow the OS');
  });

  it('keeps theme="light" or "dark" whatever the page does', async () => {
    const m = await mount({theme: 'light'});
    document.documentElement.classList.add('night');
    await new Promise((r) => setTimeout(r, 50));
    expect(scheme(m)).to.equal('light');
    m.el.setAttribute('theme', 'dark');
    await waitUntil(() => scheme(m) === 'dark');
  });

  it('meets contrast in dark mode with comments, errors and the form', async () => {
    document.documentElement.classList.add('night');
    const m = await mount();
    m.store.seed(await threadOf(m.el), [comment({name: 'Bea', body: 'See https://film.example'})]);
    m.f<HTMLButtonElement>('.submit').click();
    await settle(m);
    await expect(m.el).to.be.accessible();
  });

  it('is restyled by ::part() and --lar-* custom properties from the page', async () => {
    const m = await mount();
    m.el.classList.add('custom');
    m.store.seed(await threadOf(m.el), [comment({name: 'Bea'})]);
    await settle(m);
    const submit = getComputedStyle(m.f('.submit'));
    expect(submit.borderRadius).to.equal('0px');
    expect(submit.textTransform).to.equal('uppercase');
    expect(submit.backgroundColor).to.equal('rgb(200, 0, 120)');
    expect(getComputedStyle(m.$('[part=title]')!).letterSpacing).to.equal('3px');
    expect(getComputedStyle(m.f('#body')).borderRadius).to.equal('12px');
    expect(m.$('[part=avatar]')!.getBoundingClientRect().width).to.equal(64);
  });

  it('inherits the page font', async () => {
    document.body.style.fontFamily = 'Georgia, serif';
    try {
      const m = await mount();
      expect(getComputedStyle(m.f('#body')).fontFamily).to.equal('Georgia, serif');
      expect(getComputedStyle(m.$('[part=title]')!).fontFamily).to.equal('Georgia, serif');
    } finally {
      document.body.style.fontFamily = '';
    }
  });
});
