import {expect, fixture, html} from '@open-wc/testing';
import {waitUntil} from '../../helpers/wait-until.js';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import sinon from 'sinon';
import {LIMITS} from '../../../src/model/limits.js';
import {LocalSession} from '../../../src/auth/local-session.js';
import {SessionError} from '../../../src/auth/session.js';
import {StoreError, type StoreErrorCode} from '../../../src/store/comment-store.js';
import {MemoryStore} from '../../../src/store/memory/memory-store.js';
import {comment, leaveDraft, mount, pageThread, settle, threadOf, TITLE, type Mounted} from '../../helpers/mount.js';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Types into a field of the form with the real keyboard. */
async function typeInto(m: Mounted, selector: string, value: string) {
  m.f<HTMLInputElement>(selector).focus();
  await sendKeys({type: value});
}

async function fillGuest(m: Mounted, body = 'Quietly devastating.') {
  await typeInto(m, '#body', body);
  await typeInto(m, '#email', 'ada@example.com');
  await typeInto(m, '#name', 'Ada');
  await typeInto(m, '#url', 'ada.example');
}

async function submit(m: Mounted) {
  m.f<HTMLButtonElement>('.submit').click();
  await settle(m);
}

describe('<leave-a-reply>', () => {
  beforeEach(() => localStorage.clear());

  it('is accessible, empty and with comments', async () => {
    const m = await mount();
    await expect(m.el).to.be.accessible();
    const thread = await threadOf(m.el);
    m.store.seed(thread, [comment({name: 'Bea'}), comment({name: 'Cal'})]);
    await settle(m);
    await expect(m.el).to.be.accessible();
    // and with a validation error showing
    m.f<HTMLButtonElement>('.submit').click();
    await settle(m);
    await expect(m.el).to.be.accessible();
  });

  it('keeps a right-to-left widget inside a left-to-right page at a phone’s width', async () => {
    await setViewport({width: 375, height: 700});
    try {
      const m = await mount({lang: 'ar'});
      await settle(m);
      // The Arabic catalog, which sets the direction, loads on demand.
      await waitUntil(
        () => m.section.shadowRoot!.querySelector('section')!.getAttribute('dir') === 'rtl',
        'the widget did not turn right-to-left',
      );
      await m.form.updateComplete;
      expect(document.documentElement.scrollWidth, 'the page grew sideways').to.be.at.most(375);
    } finally {
      await setViewport({width: 800, height: 600});
    }
  });

  it('says there are no thoughts yet on an empty thread', async () => {
    const m = await mount();
    expect(text(m.$('[part=title]'))).to.equal(`No thoughts yet on “${TITLE}”`);
    expect(text(m.f('[part=form-title]'))).to.equal('Leave a Reply');
    // Guests only (the default): no icons, so no "click an icon".
    expect(text(m.f('legend'))).to.equal('Fill in your details below:');
    expect(text(m.f('label[for=email]'))).to.equal('Email (required)');
    expect(text(m.f('#email-note'))).to.equal('Address never made public');
    expect(text(m.f('label[for=name]'))).to.equal('Name (required)');
    expect(text(m.f('label[for=url]'))).to.equal('Website');
    expect(text(m.f('label[for=body]'))).to.equal('Comment');
    expect(text(m.f('.remember'))).to.equal(
      'Save my name, email, and website in this browser for the next time I comment.',
    );
    expect(text(m.f('.submit'))).to.equal('Post Comment');
  });

  it('does not claim "No thoughts yet" before the thread has loaded', async () => {
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    // A store whose first answer is held back, like a slow network.
    class SlowStore extends MemoryStore {
      override watchThread(...[thread, options, onChange]: Parameters<MemoryStore['watchThread']>) {
        return super.watchThread(thread, options, (state) => void answered.then(() => onChange(state)));
      }
    }
    const wrapper = await fixture(
      html`<lar-test-backend .store=${new SlowStore()} .session=${new LocalSession()}></lar-test-backend>`,
    );
    const el = document.createElement('leave-a-reply');
    el.setAttribute('loading', 'eager');
    el.setAttribute('page-title', TITLE);
    wrapper.append(el);
    await el.boot();
    const section = el.shadowRoot!.querySelector('lar-comment-section')!;
    await waitUntil(() => text(section.shadowRoot?.querySelector('[part=title]')) === `Thoughts on “${TITLE}”`);
    expect(text(section.shadowRoot!.querySelector('.status'))).to.equal('Loading comments…');
    release();
    await waitUntil(() => text(section.shadowRoot!.querySelector('[part=title]')) === `No thoughts yet on “${TITLE}”`);
  });

  it('posts a guest comment typed with the keyboard and shows it in the thread', async () => {
    const m = await mount();
    const posted = sinon.spy();
    m.el.addEventListener('lar-comment-posted', posted);
    await fillGuest(m, 'Quietly devastating.\nSee https://film.example/her.');
    await submit(m);
    await waitUntil(() => posted.called, 'lar-comment-posted was not fired');

    expect(text(m.$('[part=title]'))).to.equal(`1 thought on “${TITLE}”`);
    const item = m.$('[part=comment]')!;
    const author = item.querySelector<HTMLAnchorElement>('[part=author]')!;
    expect(text(author)).to.equal('Ada');
    expect(author.href).to.equal('https://ada.example/');
    expect(author.rel).to.equal('nofollow ugc noopener');
    const link = item.querySelector<HTMLAnchorElement>('[part=body] a')!;
    expect(link.href).to.equal('https://film.example/her');
    expect(link.rel).to.equal('nofollow ugc noopener');
    expect(item.querySelector('[part=body] br')).to.exist;
    expect(posted.firstCall.args[0].detail.body).to.equal('Quietly devastating.\nSee https://film.example/her.');
    expect(posted.firstCall.args[0].detail).not.to.have.property('email');
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('');
  });

  it('shows each comment with avatar, a <time> with relative and exact time, and a Reply button', async () => {
    const m = await mount();
    const createdAt = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    m.store.seed(await threadOf(m.el), [comment({name: 'Bea', createdAt, body: 'First.\n\nSecond paragraph.'})]);
    await settle(m);
    const item = m.$('[part=comment]')!;
    expect(text(item.querySelector('[part=avatar]'))).to.equal('B');
    const time = item.querySelector('time')!;
    expect(time.dateTime).to.equal(createdAt.toISOString());
    expect(text(time)).to.equal('3 days ago');
    expect(time.title).to.contain(String(createdAt.getFullYear()));
    expect(item.querySelectorAll('[part=body] p')).to.have.length(2);
    expect(text(item.querySelector('[part=reply-button]'))).to.equal('Reply');
    expect(item.querySelector('[part=author]')!.tagName).to.equal('SPAN'); // no website given
  });

  it('replies: Reply moves focus into the form, Cancel reply returns it, the reply nests', async () => {
    const m = await mount();
    m.store.seed(await threadOf(m.el), [comment({id: 'p1', name: 'Bea'})]);
    await settle(m);
    m.$<HTMLButtonElement>('#comment-p1 [part=reply-button]')!.click();
    await settle(m);
    expect(text(m.f('[part=form-title]'))).to.equal('Leave a Reply to Bea Cancel reply');
    expect(m.form.shadowRoot!.activeElement?.id).to.equal('body');

    m.f<HTMLButtonElement>('.cancel').click();
    await settle(m);
    expect(text(m.f('[part=form-title]'))).to.equal('Leave a Reply');
    expect(m.section.shadowRoot!.activeElement?.closest('#comment-p1')).to.exist;

    m.$<HTMLButtonElement>('#comment-p1 [part=reply-button]')!.click();
    await settle(m);
    await fillGuest(m, 'Agreed.');
    await submit(m);
    await waitUntil(() => m.$('#comment-p1 .children [part=comment]'), 'reply did not nest');
    expect(text(m.$('#comment-p1 .children [part=body]'))).to.equal('Agreed.');
    expect(text(m.f('[part=form-title]'))).to.equal('Leave a Reply');
  });

  it('nests replies no deeper than max-depth', async () => {
    const m = await mount({'max-depth': '2'});
    m.store.seed(await threadOf(m.el), [
      comment({id: 'a'}),
      comment({id: 'b', parentId: 'a'}),
      comment({id: 'c', parentId: 'b'}),
      comment({id: 'd', parentId: 'c'}),
    ]);
    await settle(m);
    const depths = m.$$('[part=comment]').map((li) => li.getAttribute('data-depth'));
    expect(depths).to.deep.equal(['1', '2', '2', '2']);
    expect(m.$$('#comment-a > .children > [part=comment]').map((li) => li.id)).to.deep.equal([
      'comment-b',
      'comment-c',
      'comment-d',
    ]);
  });

  it('puts a clear message next to each missing field, and focuses the first', async () => {
    const m = await mount();
    await submit(m);
    expect(text(m.f('#body-error'))).to.equal('Please write a comment.');
    expect(text(m.f('#email-error'))).to.equal('Please enter your email address. It is never made public.');
    expect(text(m.f('#name-error'))).to.equal('Please enter your name.');
    expect(m.f('#body').getAttribute('aria-invalid')).to.equal('true');
    expect(m.f('#email').getAttribute('aria-describedby')).to.equal('email-note email-error');
    expect(m.form.shadowRoot!.activeElement?.id).to.equal('body');
    expect(text(m.f('.status'))).to.equal('Please fix 3 fields.');
    expect(m.$$('[part=comment]')).to.have.length(0);

    await typeInto(m, '#body', 'Hello');
    expect(m.form.shadowRoot!.querySelector('#body-error')).to.equal(null); // re-checked as the reader types
  });

  it('refuses a malformed email and website, and says how to fix them', async () => {
    const m = await mount();
    await typeInto(m, '#body', 'Hi');
    await typeInto(m, '#email', 'ada@example');
    await typeInto(m, '#name', 'Ada');
    await typeInto(m, '#url', 'javascript:alert(1)');
    await submit(m);
    expect(text(m.f('#email-error'))).to.equal('Please enter a valid email address, like name@example.com.');
    expect(text(m.f('#url-error'))).to.equal('Please enter a web address, like https://example.com.');
    expect(m.$$('[part=comment]')).to.have.length(0);
  });

  it('refuses a name that shows nothing, keeping what was typed, and posts no text-reordering characters', async () => {
    const m = await mount();
    await typeInto(m, '#body', 'Quietly devastating.');
    await typeInto(m, '#email', 'ada@example.com');
    // Zero-width spaces and a Hangul filler: a name nobody would see.
    await typeInto(m, '#name', '\u200B\u3164\u200B');
    await submit(m);
    expect(text(m.f('#name-error'))).to.equal('Please enter your name.');
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Quietly devastating.');
    expect(m.$$('[part=comment]')).to.have.length(0);

    // A right-to-left override would display "nimdA etiS" as "Site Admin": it is left out.
    const name = m.f<HTMLInputElement>('#name');
    name.select();
    await typeInto(m, '#name', '\u202Enimda etiS');
    await submit(m);
    await waitUntil(() => m.$$('[part=comment]').length === 1, 'the comment was not posted');
    expect(text(m.$('[part=author]'))).to.equal('nimda etiS');
    expect(text(m.$('[part=provider]'))).to.equal('guest');
  });

  it('refuses a comment or a name over the limit, keeping the text', async () => {
    const m = await mount();
    const long = 'x'.repeat(LIMITS.bodyMax + 1);
    const body = m.f<HTMLTextAreaElement>('#body');
    body.value = long;
    body.dispatchEvent(new Event('input'));
    const name = m.f<HTMLInputElement>('#name');
    name.value = 'n'.repeat(LIMITS.nameMax + 1);
    name.dispatchEvent(new Event('input'));
    await typeInto(m, '#email', 'ada@example.com');
    await submit(m);
    expect(text(m.f('#body-error'))).to.equal(`Your comment is 5,001 characters; the limit is 5,000.`);
    expect(text(m.f('#name-error'))).to.equal(`Names are limited to ${LIMITS.nameMax} characters.`);
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal(long);
  });

  it('posts once on a double click, and does not then ask for a comment', async () => {
    const m = await mount();
    await fillGuest(m, 'Clicked twice.');
    const button = m.f<HTMLButtonElement>('.submit');
    button.click();
    await m.form.updateComplete;
    button.click();
    await waitUntil(() => m.$$('[part=comment]').length === 1, 'the comment was not posted');
    await settle(m);
    expect(m.$$('[part=comment]')).to.have.length(1);
    expect(m.form.shadowRoot!.querySelector('#body-error')).to.equal(null);
    expect(text(m.f('.status'))).not.to.contain('Please fix');
  });

  it('explains every refusal in the reader’s words and language, never the backend’s text', async () => {
    const raw = "Request failed with error: evaluation error at L323:26 for 'create'";
    const cases: Array<[StoreErrorCode, string, string?]> = [
      ['rate-limited', 'Please wait 7 seconds before posting again.'],
      ['locked', 'Comments are closed.'],
      ['gone', 'The comment you are answering is no longer there.'],
      ['invalid', 'It was not accepted as written. Please check it and try again.'],
      ['permission-denied', 'The site did not accept it.'],
      ['unavailable', 'You seem to be offline. Please try again when the connection returns.'],
      ['quota', 'The site is receiving too many comments right now. Please try again in a few minutes.'],
      ['unknown', 'Something went wrong. Please try again.'],
      ['locked', 'Les commentaires sont fermés.', 'fr'],
    ];
    for (const [code, reason, lang] of cases) {
      localStorage.clear(); // the previous case's text is kept as a draft: start afresh
      const m = await mount(lang ? {lang} : {});
      // Another language's catalog loads on demand: the form speaks it once it has arrived.
      if (lang) await waitUntil(() => text(m.f('[part=form-title]')) !== 'Leave a Reply', 'the catalog did not arrive');
      m.store.failNextPost(new StoreError(code, raw, {retryAfterSeconds: 7}));
      await fillGuest(m, `About ${code}`);
      await submit(m);
      await waitUntil(() => m.form.shadowRoot!.querySelector('.post-error'), `no error shown for ${code}`);
      const shown = text(m.f('.post-error'));
      expect(shown, code).to.contain(reason);
      expect(shown, code).not.to.contain('evaluation error');
      expect(m.f<HTMLTextAreaElement>('#body').value, code).to.equal(`About ${code}`);
      m.el.parentElement!.remove();
    }
  });

  it('keeps the text in the form with a clear message when the write fails', async () => {
    const m = await mount();
    const errors = sinon.spy();
    m.el.addEventListener('lar-error', errors);
    m.store.failNextPost(new StoreError('permission-denied', 'The site refused the comment.'));
    await fillGuest(m, 'Do not lose me.');
    await submit(m);
    await waitUntil(() => m.form.shadowRoot!.querySelector('.post-error'), 'no error shown');
    expect(text(m.f('.post-error'))).to.equal(
      'Your comment was not posted: The site did not accept it. Your text is still here.',
    );
    expect(m.f('.post-error').getAttribute('role')).to.equal('alert');
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Do not lose me.');
    expect(m.$$('[part=comment]')).to.have.length(0);
    expect(errors.firstCall.args[0].detail.code).to.equal('permission-denied');
  });

  it('offline: shows the comment as sending and sends it when the connection returns', async () => {
    const m = await mount();
    m.store.setOnline(false);
    await settle(m);
    expect(text(m.$('.offline'))).to.contain('You are offline');
    await fillGuest(m, 'Written on a train.');
    await submit(m);
    // The guest's first post signs them up (an anonymous account) first: a moment, even offline.
    await waitUntil(() => m.$('[part=comment]'), 'the comment is not shown as sending');
    const item = m.$('[part=comment]')!;
    expect(text(item.querySelector('.sending'))).to.equal('Sending…');
    expect(text(m.f('.status'))).to.equal('Your comment will be sent when the connection returns.');

    m.store.setOnline(true);
    await settle(m);
    expect(m.$('[part=comment] .sending')).to.equal(null);
    expect(m.$('.offline')).to.equal(null);
  });

  it('after a reload mid-post, does not offer again a comment the server already has', async () => {
    // The reader pressed Post Comment, the server saved it, and the page reloaded before the answer:
    // their guest identity and the draft (with the id it was sent under) are in this browser.
    localStorage.setItem('leave-a-reply:guest-uid', 'g-reloaded');
    const store = new MemoryStore();
    const ref = await pageThread();
    store.seed(ref, [
      comment({
        id: 'sent-1',
        body: 'Saved before the reload',
        author: {uid: 'g-reloaded', name: 'Ada', provider: 'guest'},
      }),
    ]);
    leaveDraft(ref.id, {body: 'Saved before the reload', parentId: null, id: 'sent-1'});

    const again = await mount({}, store);
    await waitUntil(() => text(again.f('.status')) === 'Your comment was posted.', 'the draft was offered again');
    expect(again.f<HTMLTextAreaElement>('#body').value).to.equal('');
    expect(localStorage.getItem(`leave-a-reply:draft:${ref.id}`)).to.equal(null);
    expect(again.$$('[part=comment]')).to.have.length(1);
  });

  it('after a reload mid-post, offers the text again when it did not arrive, and posts it under the same id', async () => {
    localStorage.setItem('leave-a-reply:guest-uid', 'g-reloaded-2');
    const store = new MemoryStore();
    const ref = await pageThread();
    leaveDraft(ref.id, {body: 'Lost on the way', parentId: null, id: 'never-1'});

    const again = await mount({}, store);
    await settle(again);
    expect(again.f<HTMLTextAreaElement>('#body').value).to.equal('Lost on the way');
    expect(text(again.f('.status'))).to.equal('Your unsent comment was restored.');
    await typeInto(again, '#email', 'ada@example.com');
    await typeInto(again, '#name', 'Ada');
    await submit(again);
    await waitUntil(() => again.$('#comment-never-1'), 'not posted under the id it was first sent with');
    expect(again.$$('[part=comment]')).to.have.length(1);
  });

  it('a first-time guest with no connection: the post shows as sending, waits for it, and goes out once', async () => {
    // The guest's account cannot be made offline (Firebase's sign-up needs the network).
    const session = new LocalSession();
    const guest = session.guest.bind(session);
    let signUps = 0;
    session.guest = () =>
      ++signUps === 1 ? Promise.reject(new SessionError('network', 'auth/network-request-failed')) : guest();
    const m = await mount({}, new MemoryStore(), session);
    const posted = sinon.spy();
    m.el.addEventListener('lar-comment-posted', posted);
    await fillGuest(m, 'Written in a tunnel.');
    await submit(m);
    await waitUntil(
      () => text(m.f('.status')) === 'Your comment will be sent when the connection returns.',
      'the post did not say it is queued',
    );
    // In the thread at once, under the name typed, although the account is still to be made.
    const item = m.$('[part=comment]')!;
    expect([text(item.querySelector('.body')), text(item.querySelector('.sending'))]).to.deep.equal([
      'Written in a tunnel.',
      'Sending…',
    ]);
    expect(text(item.querySelector('.author'))).to.equal('Ada');
    expect(m.f('.post-error')).to.equal(null);
    expect(posted.callCount).to.equal(0);
    window.dispatchEvent(new Event('online')); // the connection is back
    await waitUntil(() => posted.callCount === 1, 'not posted when the connection returned');
    await settle(m);
    expect(m.$$('[part=comment]').map((li) => text(li.querySelector('.body')))).to.deep.equal(['Written in a tunnel.']);
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('');
  });

  it('a first-time guest sees their comment at once, while their account is still being made', async () => {
    const session = new LocalSession();
    const guest = session.guest.bind(session);
    let release!: () => void;
    const signedUp = new Promise<void>((resolve) => (release = resolve));
    session.guest = () => signedUp.then(guest); // a sign-up round trip that has not come back yet
    const m = await mount({}, new MemoryStore(), session);
    const posted = sinon.spy();
    m.el.addEventListener('lar-comment-posted', posted);
    await fillGuest(m, 'No waiting for the account.');
    await submit(m);
    await waitUntil(() => m.$('[part=comment] .sending'), 'the comment did not show before the sign-up');
    expect(text(m.$('[part=comment] .body'))).to.equal('No waiting for the account.');
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('');
    expect(posted.callCount).to.equal(0);

    release();
    await waitUntil(() => posted.callCount === 1, 'not posted once the account was made');
    expect(posted.firstCall.args[0].detail.author.uid, 'the account’s').to.equal((await guest()).uid);
    await settle(m);
    expect(m.$$('[part=comment]')).to.have.length(1);
    expect(m.$('[part=comment] .sending')).to.equal(null);
  });

  it('online but unable to reach the sign-in service: a few tries, then the reason, the text kept', async () => {
    const session = new LocalSession();
    let signUps = 0;
    session.guest = () => {
      signUps++;
      return Promise.reject(new SessionError('network', 'auth/network-request-failed'));
    };
    const m = await mount({}, new MemoryStore(), session);
    await fillGuest(m, 'Behind a firewall.');
    await submit(m);
    await waitUntil(() => m.f('.post-error'), 'no reason given');
    expect(text(m.f('.post-error'))).to.equal(
      'Your comment was not posted: You seem to be offline. Please try again when the connection returns. Your text is still here.',
    );
    expect(signUps).to.equal(3);
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Behind a firewall.');
  });

  it('two tabs with one restored draft: only one sends it, the other waits and then lets it go', async () => {
    localStorage.setItem('leave-a-reply:guest-uid', 'g-two-tabs');
    const store = new MemoryStore();
    const ref = await pageThread();
    leaveDraft(ref.id, {body: 'One comment, two tabs', parentId: null, id: 'two-tabs-1'});
    const post = sinon.spy(store, 'post');
    store.setOnline(false); // the first tab's post stays queued (and its lock held) for a while
    const first = await mount({}, store);
    const second = await mount({}, store);
    for (const tab of [first, second]) {
      await typeInto(tab, '#email', 'ada@example.com');
      await typeInto(tab, '#name', 'Ada');
    }
    await submit(first);
    await submit(second);
    await waitUntil(
      () => text(second.f('.status')) === 'This comment is being sent from another tab of this page…',
      'the second tab did not wait for the first',
    );
    expect(second.f<HTMLTextAreaElement>('#body').value).to.equal('One comment, two tabs');
    expect(post.callCount).to.equal(1);
    store.setOnline(true);
    await waitUntil(() => text(second.f('.status')) === 'Your comment was posted.', 'the second tab kept the text');
    expect(second.f<HTMLTextAreaElement>('#body').value).to.equal('');
    expect(post.callCount, 'the second tab asked, and did not send').to.equal(1);
    await settle(first);
    expect(first.$$('[part=comment]')).to.have.length(1);
  });

  it('a tab that restored the draft before another tab posted it lets it go once that post lands', async () => {
    localStorage.setItem('leave-a-reply:guest-uid', 'g-other-tab');
    const store = new MemoryStore();
    const ref = await pageThread();
    const key = `leave-a-reply:draft:${ref.id}`;
    localStorage.setItem(key, JSON.stringify({body: 'Typed once', parentId: null}));
    const tab = await mount({}, store);
    await typeInto(tab, '#email', 'ada@example.com');
    await typeInto(tab, '#name', 'Ada');
    expect(tab.f<HTMLTextAreaElement>('#body').value).to.equal('Typed once');
    // What the other tab does, as this tab learns of it (storage events come only from other tabs).
    const otherTab = (value: string | null) => {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
      window.dispatchEvent(new StorageEvent('storage', {key, newValue: value}));
    };
    otherTab(JSON.stringify({body: 'Typed once', parentId: null, id: 'other-tab-1'}));
    store.seed(ref, [
      comment({id: 'other-tab-1', body: 'Typed once', author: {uid: 'g-other-tab', name: 'Ada', provider: 'guest'}}),
    ]);
    otherTab(null);
    await waitUntil(() => text(tab.f('.status')) === 'Your comment was posted.', 'this tab still offers the text');
    expect(tab.f<HTMLTextAreaElement>('#body').value).to.equal('');
  });

  it('after a reload, the reader’s own new comment is in view though it lies beyond the first page', async () => {
    const store = new MemoryStore();
    const ref = await pageThread();
    store.seed(
      ref,
      Array.from({length: 20}, () => comment({})),
    );
    const before = await mount({}, store);
    await fillGuest(before, 'Mine, at the end.');
    await submit(before);
    await waitUntil(() => before.$$('[part=comment]').length === 21, 'the new comment did not show');
    before.el.remove(); // reload: oldest first, the first page is the 20 earlier comments

    const after = await mount({}, store);
    await waitUntil(
      () => after.$$('[part=comment] .body').some((b) => text(b) === 'Mine, at the end.'),
      'the reader’s comment went behind Load more',
    );
    expect(after.$('[part=load-more]'), 'the rest of the thread is still a click away').to.exist;
  });

  it('a deleted comment with replies stays as "This comment was deleted." holding them; without replies it goes', async () => {
    const store = new MemoryStore();
    const ref = await pageThread();
    store.seed(ref, [
      comment({id: 'q', body: 'Was it about grief?', status: 'deleted'}),
      comment({id: 'a', parentId: 'q', body: 'About letting go.'}),
      comment({id: 'lone', body: 'Nobody answered me.', status: 'deleted'}),
      comment({id: 'kept', body: 'Still here.'}),
    ]);
    const again = await mount({}, store);
    await settle(again);
    const placeholder = again.$('#comment-q')!;
    expect(text(placeholder.querySelector(':scope > .body'))).to.equal('This comment was deleted.');
    // Its own row has no name, time or buttons (those inside belong to the reply).
    expect(
      [...placeholder.children].map((child) => child.localName),
      'no name, time or buttons',
    ).to.deep.equal(['p', 'ol']);
    expect(text(placeholder.querySelector('#comment-a .body'))).to.equal('About letting go.');
    expect(again.$('#comment-lone')).to.equal(null);
    // Styled from the page like every part.
    const style = document.createElement('style');
    style.textContent = 'leave-a-reply::part(deleted) { color: rgb(1, 2, 3); }';
    document.head.append(style);
    expect(getComputedStyle(placeholder).color).to.equal('rgb(1, 2, 3)');
    style.remove();
    expect(text(again.$('[part=title]'))).to.match(/^2 /);
    await expect(again.el).to.be.accessible();
  });

  it('keeps a draft across a reload', async () => {
    const first = await mount();
    await typeInto(first, '#body', 'Half a thought');
    first.el.remove();

    const second = await mount();
    expect(second.f<HTMLTextAreaElement>('#body').value).to.equal('Half a thought');
    expect(text(second.f('.status'))).to.equal('Your unsent comment was restored.');
  });

  it('keeps an unconfirmed comment as a draft until the backend accepts it', async () => {
    const first = await mount();
    first.store.setOnline(false);
    await fillGuest(first, 'Queued, then the tab closed.');
    await submit(first);
    first.el.remove(); // the reader reloads before the connection returns

    const second = await mount();
    expect(second.f<HTMLTextAreaElement>('#body').value).to.equal('Queued, then the tab closed.');
  });

  it('remembers name, email and website only when asked', async () => {
    const first = await mount();
    await fillGuest(first, 'One.');
    first.f<HTMLInputElement>('[name=remember]').click();
    await submit(first);
    first.el.remove();
    const second = await mount();
    expect(second.f<HTMLInputElement>('#name').value).to.equal('Ada');
    expect(second.f<HTMLInputElement>('#email').value).to.equal('ada@example.com');
    expect(second.f<HTMLInputElement>('#url').value).to.equal('https://ada.example');

    second.f<HTMLInputElement>('[name=remember]').click();
    await typeInto(second, '#body', 'Two.');
    await submit(second);
    second.el.remove();
    const third = await mount();
    expect(third.f<HTMLInputElement>('#name').value).to.equal('');
  });

  it('pages with "Load more comments"', async () => {
    const m = await mount();
    m.store.seed(
      await threadOf(m.el),
      Array.from({length: 25}, () => comment({})),
    );
    await settle(m);
    expect(m.$$('[part=comment]')).to.have.length(20);
    expect(text(m.$('[part=title]'))).to.equal(`25 thoughts on “${TITLE}”`);
    // By keyboard: when the last page arrives and the button goes, focus moves to the first comment
    // that arrived, not to the page's body.
    m.$<HTMLButtonElement>('[part=load-more]')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => m.$$('[part=comment]').length === 25, 'the next page did not arrive');
    expect(m.$('[part=load-more]')).to.equal(null);
    const twentyFirst = m.$$('[part=comment]')[20];
    await waitUntil(
      () => m.section.shadowRoot!.activeElement === twentyFirst.querySelector('.permalink'),
      'focus was lost',
    );
  });

  it('sorts oldest first by default, newest first when asked', async () => {
    const seed = [
      comment({body: 'early', createdAt: new Date(1000)}),
      comment({body: 'late', createdAt: new Date(2000)}),
    ];
    const oldest = await mount();
    oldest.store.seed(await threadOf(oldest.el), seed);
    await settle(oldest);
    expect(oldest.$$('[part=body]').map(text)).to.deep.equal(['early', 'late']);
    const newest = await mount({sort: 'newest'});
    newest.store.seed(await threadOf(newest.el), seed);
    await settle(newest);
    expect(newest.$$('[part=body]').map(text)).to.deep.equal(['late', 'early']);
  });

  it('switches threads when page-url changes, without showing the old comments', async () => {
    const m = await mount();
    m.store.seed(await threadOf(m.el), [comment({body: 'about Her'})]);
    await settle(m);
    expect(m.$$('[part=body]').map(text)).to.deep.equal(['about Her']);
    m.el.pageUrl = 'https://blog.example/arrival-review/';
    m.el.pageTitle = 'Arrival';
    await waitUntil(() => text(m.$('[part=title]')) === 'No thoughts yet on “Arrival”');
    expect(m.$$('[part=comment]')).to.have.length(0);
  });

  it('shows a visible message when its backend cannot start', async () => {
    const error = sinon.stub(console, 'error');
    try {
      const el = document.createElement('leave-a-reply');
      el.setAttribute('loading', 'eager');
      el.setAttribute('api-key', 'demo-key');
      el.setAttribute('project-id', 'demo-lar-broken');
      el.setAttribute('firestore-emulator', 'not an address');
      document.body.append(el);
      await el.boot();
      const section = el.shadowRoot!.querySelector('lar-comment-section')!;
      await waitUntil(() => section.shadowRoot!.querySelector('.config-error'), 'no message shown');
      expect(text(section.shadowRoot!.querySelector('.config-error'))).to.contain(
        'firestore-emulator="not an address"',
      );
      el.remove();
    } finally {
      error.restore();
    }
  });

  it('takes a firebaseConfig object set after it has loaded', async () => {
    const error = sinon.stub(console, 'error');
    try {
      const el = document.createElement('leave-a-reply');
      el.setAttribute('loading', 'eager');
      el.setAttribute('firestore-emulator', '127.0.0.1:9'); // nothing listens: the SDK works offline
      el.setAttribute('page-url', 'https://blog.example/config-later/');
      document.body.append(el);
      await el.boot();
      const section = el.shadowRoot!.querySelector('lar-comment-section')!;
      await section.updateComplete;
      expect(section.shadowRoot!.querySelector('.config-error')).to.exist;

      el.firebaseConfig = {apiKey: 'demo-key', projectId: 'demo-lar-config-later'};
      await waitUntil(() => section.shadowRoot!.querySelector('lar-reply-form'), 'the widget did not start');
      expect(section.shadowRoot!.querySelector('.config-error')).to.equal(null);
      el.remove();
    } finally {
      error.restore();
    }
  });

  it('shows a visible message and a console error naming the attribute when misconfigured', async () => {
    const error = sinon.stub(console, 'error');
    try {
      const el = document.createElement('leave-a-reply');
      el.setAttribute('loading', 'eager');
      el.setAttribute('sort', 'sideways');
      document.body.append(el);
      await el.boot();
      const section = el.shadowRoot!.querySelector('lar-comment-section')!;
      await section.updateComplete;
      const message = section.shadowRoot!.querySelector('[part=error]')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(text(message)).to.contain('api-key');
      expect(text(message)).to.contain('project-id');
      expect(text(message)).to.contain('sort="sideways"');
      expect(error.args.map((a) => String(a[0])).join('\n')).to.contain('<leave-a-reply> api-key');
      el.remove();
    } finally {
      error.restore();
    }
  });
});
