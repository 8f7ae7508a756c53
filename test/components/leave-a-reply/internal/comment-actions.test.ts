/**
 * Moderation and a reader's own comments, as people use them in the widget: pending comments,
 * Edit and Delete within the window, a moderator's Approve / Hide / Delete / Pin and closing the
 * thread, the local backend's moderator switch, and the form's abuse controls.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {waitUntil} from '../../../helpers/wait-until.js';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import type {LeaveAReplyElement} from '../../../../src/components/leave-a-reply/leave-a-reply.js';
import type {Comment} from '../../../../src/model/comment.js';
import {StoreError} from '../../../../src/store/comment-store.js';
import {LOCAL_MODERATOR_KEY} from '../../../../src/store/memory/local-store.js';
import {comment, mount, ready, settle, threadOf, TITLE, type Mounted} from '../../../helpers/mount.js';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** An element as a short string, so a failed focus check prints a readable diff. */
function nameOf(el: Element | null | undefined): string {
  if (!el) return String(el);
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} in ${el.closest('[part=comment]')?.id ?? 'section'}`;
}

/** The element that has focus, looking through shadow roots. */
function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

async function typeInto(m: Mounted, selector: string, value: string) {
  m.f<HTMLInputElement>(selector).focus();
  await sendKeys({type: value});
}

/** Posts through the form as a guest, as a reader would, and waits for the comment to show. */
async function postAsGuest(m: Mounted, body: string) {
  const textarea = m.f<HTMLTextAreaElement>('#body');
  textarea.value = body;
  textarea.dispatchEvent(new Event('input'));
  for (const [selector, value] of [
    ['#email', 'ada@example.com'],
    ['#name', 'Ada'],
  ]) {
    const input = m.f<HTMLInputElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  m.f<HTMLButtonElement>('.submit').click();
  await waitUntil(() => m.$$('[part=body]').some((b) => text(b) === body), `"${body}" did not show`);
  await settle(m);
}

/** The reader's own uid (a local guest identity, made now if needed). */
async function readerUid(m: Mounted): Promise<string> {
  return (await m.section.session!.guest()).uid;
}

const buttons = (m: Mounted, id: string) => m.$$(`#comment-${id} [part=actions] button`).map((b) => text(b));
const announced = (m: Mounted) =>
  waitUntil(() => text(m.$('[role=status][aria-live]')), 'nothing announced').then(() =>
    text(m.$('[role=status][aria-live]')),
  );

describe('moderation and own comments in <leave-a-reply>', () => {
  beforeEach(() => localStorage.clear());

  describe('a reader', () => {
    it('sees their comment that must wait for review, with "Your comment is awaiting moderation."', async () => {
      const m = await mount();
      await postAsGuest(m, 'See https://a.example https://b.example https://c.example');
      const item = m.$('[part=comment]')!;
      expect(text(item.querySelector('.pending'))).to.equal('Your comment is awaiting moderation.');
      expect(text(m.$('[part=title]')), 'pending comments are not counted').to.equal(`No thoughts yet on “${TITLE}”`);
      expect(!!item.querySelector('[part=reply-button]'), 'no replies to a comment others cannot see').to.equal(false);
      await expect(m.el).to.be.accessible();
    });

    it('edits their comment in place: Edit, change, Save; it shows as edited', async () => {
      const m = await mount();
      await postAsGuest(m, 'First thoughts.');
      const id = m.$('[part=comment]')!.id.slice('comment-'.length);
      expect(buttons(m, id)).to.deep.equal(['Reply', 'Like', 'Copy link', 'Edit', 'Delete']);

      m.$<HTMLButtonElement>(`#comment-${id} .edit`)!.click();
      await settle(m);
      const box = m.$<HTMLTextAreaElement>(`#comment-${id} textarea`)!;
      expect(nameOf(focused()), 'focus').to.equal(nameOf(box));
      expect(box.value).to.equal('First thoughts.');
      expect(text(m.$(`label[for=edit-${id}]`))).to.equal('Edit your comment');
      await expect(m.el).to.be.accessible();
      box.select();
      await sendKeys({type: 'Second thoughts.'});
      m.$<HTMLButtonElement>(`#comment-${id} .save`)!.click();
      await settle(m);

      expect(text(m.$(`#comment-${id} [part=body]`))).to.equal('Second thoughts.');
      expect(text(m.$(`#comment-${id} .edited`))).to.equal('edited');
      expect(m.$(`#comment-${id} .edited`)!.getAttribute('title')).to.match(/^Edited /);
      expect(await announced(m)).to.equal('Your edit was saved.');
      expect(nameOf(focused()), 'focus').to.equal(nameOf(m.$(`#comment-${id} .edit`)));
    });

    it('keeps the editor open with the form’s message for an empty or too long edit; Escape cancels', async () => {
      const m = await mount();
      await postAsGuest(m, 'Keep me.');
      const id = m.$('[part=comment]')!.id.slice('comment-'.length);
      m.$<HTMLButtonElement>(`#comment-${id} .edit`)!.click();
      await settle(m);
      const box = m.$<HTMLTextAreaElement>(`#comment-${id} textarea`)!;
      box.value = '   ';
      box.dispatchEvent(new Event('input'));
      m.$<HTMLButtonElement>(`#comment-${id} .save`)!.click();
      await settle(m);
      expect(text(m.$(`#edit-${id}-error`))).to.equal('Please write a comment.');
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      box.value = 'x'.repeat(5001);
      box.dispatchEvent(new Event('input'));
      await settle(m);
      expect(text(m.$(`#edit-${id}-error`))).to.equal('Your comment is 5,001 characters; the limit is 5,000.');

      box.focus();
      await sendKeys({press: 'Escape'});
      await settle(m);
      expect(!!m.$(`#comment-${id} textarea`)).to.equal(false);
      expect(text(m.$(`#comment-${id} [part=body]`))).to.equal('Keep me.');
      expect(nameOf(focused()), 'focus').to.equal(nameOf(m.$(`#comment-${id} .edit`)));
    });

    it('loses Edit when the edit window closes, and keeps Delete', async () => {
      const m = await mount();
      const uid = await readerUid(m);
      const windowMs = 15 * 60_000;
      m.store.seed(await threadOf(m.el), [
        {
          ...comment({id: 'mine', body: 'Almost too late'}),
          author: {uid, name: 'Ada', provider: 'guest'},
          createdAt: new Date(Date.now() - windowMs + 300),
        },
      ]);
      await settle(m);
      expect(buttons(m, 'mine')).to.deep.equal(['Reply', 'Like', 'Copy link', 'Edit', 'Delete']);
      await waitUntil(() => !m.$('#comment-mine .edit'), 'Edit stayed after the window', {timeout: 20_000});
      expect(buttons(m, 'mine')).to.deep.equal(['Reply', 'Like', 'Copy link', 'Delete']);
    });

    it('deletes their comment after confirming; Cancel keeps it', async () => {
      const m = await mount();
      await postAsGuest(m, 'Regrettable.');
      const id = m.$('[part=comment]')!.id.slice('comment-'.length);
      m.$<HTMLButtonElement>(`#comment-${id} .delete`)!.click();
      await settle(m);
      expect(text(m.$(`#comment-${id} .confirm`))).to.equal('Delete this comment? Delete Cancel');
      expect(nameOf(focused()), 'focus').to.equal(nameOf(m.$(`#comment-${id} .confirm-delete`)));
      m.$<HTMLButtonElement>(`#comment-${id} .cancel-delete`)!.click();
      await settle(m);
      expect(nameOf(focused()), 'focus').to.equal(nameOf(m.$(`#comment-${id} .delete`)));

      m.$<HTMLButtonElement>(`#comment-${id} .delete`)!.click();
      await settle(m);
      m.$<HTMLButtonElement>(`#comment-${id} .confirm-delete`)!.click();
      await settle(m);
      expect(m.$$('[part=comment]')).to.have.length(0);
      expect(text(m.$('[part=title]'))).to.equal(`No thoughts yet on “${TITLE}”`);
      expect(nameOf(focused()), 'focus').to.equal(nameOf(m.$('#lar-title')));
      expect(await announced(m)).to.equal('The comment was deleted.');
    });

    it('has no Edit, Delete or moderator buttons on other people’s comments', async () => {
      const m = await mount();
      await readerUid(m);
      m.store.seed(await threadOf(m.el), [comment({id: 'theirs', name: 'Bea'})]);
      await settle(m);
      expect(buttons(m, 'theirs')).to.deep.equal(['Reply', 'Like', 'Copy link']);
      expect(!!m.$('.lock')).to.equal(false);
    });

    it('says how long to wait when posting again too soon', async () => {
      const m = await mount();
      await postAsGuest(m, 'One.');
      const textarea = m.f<HTMLTextAreaElement>('#body');
      textarea.value = 'Two.';
      textarea.dispatchEvent(new Event('input'));
      m.f<HTMLButtonElement>('.submit').click();
      await waitUntil(() => m.form.shadowRoot!.querySelector('.post-error'), 'no error shown');
      expect(text(m.f('.post-error'))).to.match(
        /^Your comment was not posted: Please wait (\d+) seconds? before posting again\. Your text is still here\.$/,
      );
      expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Two.');
    });
  });

  describe('a moderator', () => {
    async function mountAsModerator(comments: Comment[]): Promise<Mounted> {
      const m = await mount();
      m.store.setModerators([await readerUid(m)]);
      m.store.seed(await threadOf(m.el), comments);
      await settle(m);
      return m;
    }

    const mix = () => [
      comment({id: 'pub', name: 'Bea', body: 'Published words'}),
      comment({id: 'held', name: 'Cal', body: 'Held words', status: 'pending'}),
      comment({id: 'hid', name: 'Dee', body: 'Hidden words', status: 'hidden'}),
    ];

    it('sees pending and hidden comments, marked, with Approve, Hide, Delete and Pin', async () => {
      const m = await mountAsModerator(mix());
      expect(m.$$('[part=comment]').map((li) => li.id)).to.deep.equal(['comment-pub', 'comment-held', 'comment-hid']);
      expect(text(m.$('#comment-held .badges'))).to.equal('Awaiting moderation');
      expect(text(m.$('#comment-hid .badges'))).to.equal('Hidden');
      expect(buttons(m, 'pub')).to.deep.equal(['Reply', 'Like', 'Copy link', 'Hide', 'Pin', 'Delete']);
      expect(buttons(m, 'held')).to.deep.equal(['Approve', 'Hide', 'Delete']);
      expect(buttons(m, 'hid')).to.deep.equal(['Approve', 'Delete']);
      expect(m.$('#comment-pub .pin')!.getAttribute('aria-label')).to.equal('Pin (comment by Bea)');
      expect(text(m.$('[part=title]')), 'only published comments count').to.equal(`1 thought on “${TITLE}”`);
      await expect(m.el).to.be.accessible();
    });

    it('approves a pending comment: it is published and counted', async () => {
      const m = await mountAsModerator(mix());
      m.$<HTMLButtonElement>('#comment-held .approve')!.click();
      await settle(m);
      expect(!!m.$('#comment-held .badges')).to.equal(false);
      expect(text(m.$('[part=title]'))).to.equal(`2 thoughts on “${TITLE}”`);
      expect(await announced(m)).to.equal('The comment was approved.');
      expect(!!focused()?.closest('#comment-held'), 'focus stays on the comment').to.equal(true);
    });

    it('hides a published comment: readers no longer see it, the moderator does, marked', async () => {
      const m = await mountAsModerator(mix());
      m.$<HTMLButtonElement>('#comment-pub .hide')!.click();
      await settle(m);
      expect(text(m.$('#comment-pub .badges'))).to.equal('Hidden');
      expect(text(m.$('[part=title]'))).to.equal(`No thoughts yet on “${TITLE}”`);

      m.store.setModerators([]);
      await settle(m);
      expect(!!m.$('#comment-pub')).to.equal(false);
      expect(!!m.$('#comment-held')).to.equal(false);
    });

    it('pins a comment: it comes first, marked Pinned, and can be unpinned', async () => {
      const m = await mountAsModerator([comment({id: 'early', name: 'Bea'}), comment({id: 'late', name: 'Cal'})]);
      expect(m.$$('[part=comment]').map((li) => li.id)).to.deep.equal(['comment-early', 'comment-late']);
      m.$<HTMLButtonElement>('#comment-late .pin')!.click();
      await settle(m);
      expect(m.$$('[part=comment]').map((li) => li.id)).to.deep.equal(['comment-late', 'comment-early']);
      expect(text(m.$('#comment-late .badges'))).to.equal('Pinned');
      expect(buttons(m, 'late')).to.include('Unpin');
      m.$<HTMLButtonElement>('#comment-late .unpin')!.click();
      await settle(m);
      expect(m.$$('[part=comment]').map((li) => li.id)).to.deep.equal(['comment-early', 'comment-late']);
    });

    it('deletes anyone’s comment after confirming', async () => {
      const m = await mountAsModerator(mix());
      m.$<HTMLButtonElement>('#comment-pub .delete')!.click();
      await settle(m);
      m.$<HTMLButtonElement>('#comment-pub .confirm-delete')!.click();
      await settle(m);
      expect(!!m.$('#comment-pub')).to.equal(false);
      expect(text(m.$('[part=title]'))).to.equal(`No thoughts yet on “${TITLE}”`);
    });

    it('closes the thread to new comments and reopens it', async () => {
      const m = await mountAsModerator(mix());
      const lock = m.$<HTMLButtonElement>('.lock')!;
      expect(text(lock)).to.equal('Close comments');
      lock.click();
      await settle(m);
      expect(text(m.$('.lock'))).to.equal('Reopen comments');
      expect(m.$('.lock')!.getAttribute('aria-pressed')).to.equal('true');
      expect(!!m.$('lar-reply-form')).to.equal(false);
      expect(m.$$('.status').map((s) => text(s))).to.include('Comments are closed.');
      expect(!!m.$('[part=reply-button]'), 'no Reply in a closed thread').to.equal(false);
      expect(await announced(m)).to.equal('Comments are now closed.');

      m.$<HTMLButtonElement>('.lock')!.click();
      await settle(m);
      expect(!!m.$('lar-reply-form')).to.equal(true);
      expect(text(m.$('.lock'))).to.equal('Close comments');
    });

    it('says so, next to the comment, when an action is refused', async () => {
      const m = await mountAsModerator(mix());
      const errors = sinon.spy();
      m.el.addEventListener('lar-error', errors);
      m.store.failNextPost(new StoreError('permission-denied', 'Missing or insufficient permissions.'));
      m.$<HTMLButtonElement>('#comment-held .approve')!.click();
      await settle(m);
      await settle(m);
      expect(text(m.$('#comment-held [role=alert]'))).to.equal('That did not work: You are not allowed to do that.');
      expect(text(m.$('#comment-held .badges'))).to.equal('Awaiting moderation');
      expect(errors.firstCall.args[0].detail.code).to.equal('permission-denied');
    });

    it('speaks the page’s language', async () => {
      const m = await mount({lang: 'fr'});
      m.store.setModerators([await readerUid(m)]);
      m.store.seed(await threadOf(m.el), mix());
      await waitUntil(() => text(m.$('.lock')) === 'Fermer les commentaires', 'not in French');
      expect(buttons(m, 'held')).to.deep.equal(['Approuver', 'Masquer', 'Supprimer']);
      expect(text(m.$('#comment-held .badges'))).to.equal('En attente de modération');
    });
  });

  describe('backend="local"', () => {
    it('makes this browser’s reader a moderator with the documented switch', async () => {
      localStorage.setItem(LOCAL_MODERATOR_KEY, 'on');
      const el = await fixture<LeaveAReplyElement>(
        html`<leave-a-reply backend="local" loading="eager" page-url="https://blog.example/local-moderation/" page-title="Local"></leave-a-reply>`,
      );
      const m = (await ready(el)) as Mounted;
      await postAsGuest(m, 'Moderate me.');
      const id = m.$('[part=comment]')!.id.slice('comment-'.length);
      expect(buttons(m, id)).to.deep.equal(['Reply', 'Like', 'Copy link', 'Edit', 'Hide', 'Pin', 'Delete']);
      expect(text(m.$('.lock'))).to.equal('Close comments');
    });
  });

  describe('abuse controls in the form', () => {
    it('keeps the honeypot out of sight, out of the tab order and away from assistive tech', async () => {
      const m = await mount();
      const trap = m.f<HTMLInputElement>('#subject');
      const box = trap.closest('.trap')!;
      expect(box.hasAttribute('inert')).to.equal(true);
      expect(box.getAttribute('aria-hidden')).to.equal('true');
      expect(trap.tabIndex).to.equal(-1);
      // A clipped one-pixel box where it stands (not an offset off the page: see the RTL test).
      const rect = box.getBoundingClientRect();
      expect(rect.width <= 1 && rect.height <= 1, 'a one-pixel box').to.equal(true);
      expect(getComputedStyle(box).overflow).to.equal('hidden');
      expect(getComputedStyle(box).clipPath).to.equal('inset(50%)');
      trap.focus();
      expect(m.form.shadowRoot!.activeElement, 'inert: cannot be focused').to.not.equal(trap);
    });

    it('drops a post whose honeypot is filled, showing the usual success', async () => {
      const m = await mount();
      const posted = sinon.spy();
      m.el.addEventListener('lar-comment-posted', posted);
      await typeInto(m, '#body', 'Cheap pills here');
      await typeInto(m, '#email', 'bot@spam.example');
      await typeInto(m, '#name', 'Bot');
      const trap = m.f<HTMLInputElement>('#subject');
      trap.value = 'Buy now';
      trap.dispatchEvent(new Event('input'));
      m.f<HTMLButtonElement>('.submit').click();
      await settle(m);

      expect(text(m.f('.status'))).to.equal('Your comment was posted.');
      expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('');
      expect(m.$$('[part=comment]')).to.have.length(0);
      expect(await m.store.countComments([await threadOf(m.el)])).to.deep.equal([0]);
      expect(posted.called, 'no lar-comment-posted for the host page').to.equal(false);
    });
  });
});
