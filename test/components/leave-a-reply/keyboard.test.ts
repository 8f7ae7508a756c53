import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {waitUntil} from '../../helpers/wait-until.js';
import {comment, mount, settle, threadOf, type Mounted} from '../../helpers/mount.js';

/** The element that has focus, looking through shadow roots. */
function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

async function mountWithComment(): Promise<Mounted> {
  const m = await mount();
  m.store.seed(await threadOf(m.el), [comment({id: 'k1', name: 'Bea'})]);
  await settle(m);
  return m;
}

describe('keyboard', () => {
  beforeEach(() => localStorage.clear());

  it('Tab walks the comment, then the form in reading order', async () => {
    const m = await mountWithComment();
    m.$<HTMLElement>('#comment-k1 .permalink')!.focus();
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      await sendKeys({press: 'Tab'});
      const el = focused()!;
      order.push(el.id || el.getAttribute('name') || el.className);
    }
    expect(order).to.deep.equal([
      'reply',
      'like',
      'copy-link',
      'body',
      'link',
      'email',
      'name',
      'url',
      'remember',
      'submit',
    ]);
  });

  it('Enter on Reply moves focus into the form; Escape cancels and returns to the Reply button', async () => {
    const m = await mountWithComment();
    m.$<HTMLElement>('#comment-k1 [part=reply-button]')!.focus();
    await sendKeys({press: 'Enter'});
    await settle(m);
    expect(focused()!.id).to.equal('body');
    expect(m.f('[part=form-title]').textContent).to.contain('Leave a Reply to Bea');
    await sendKeys({type: 'Me too'});
    await sendKeys({press: 'Escape'});
    await settle(m);
    expect(m.f('[part=form-title]').textContent).not.to.contain('Bea');
    expect(focused()!.closest('#comment-k1')).to.exist;
    expect(focused()!.getAttribute('part')).to.equal('reply-button');
    expect(m.f<HTMLTextAreaElement>('#body').value).to.equal('Me too'); // cancelling keeps the text
  });

  it('posts with the keyboard alone: type, Tab to Post Comment, Enter', async () => {
    const m = await mount();
    m.f<HTMLTextAreaElement>('#body').focus();
    await sendKeys({type: 'Typed without a mouse.'});
    await sendKeys({press: 'Tab'}); // Preview
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'kb@example.com'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Keys'});
    await sendKeys({press: 'Tab'}); // website
    await sendKeys({press: 'Tab'}); // remember
    await sendKeys({press: 'Tab'}); // submit
    await sendKeys({press: 'Enter'});
    // The post goes out once this tab holds the comment's lock (one tab at a time): a few ticks.
    await waitUntil(() => m.$('[part=body]'), 'nothing posted');
    expect(m.$('[part=body]')?.textContent?.trim()).to.equal('Typed without a mouse.');
  });

  it('announces a new comment from someone else through the polite live region', async () => {
    const m = await mount();
    const live = m.$('[role=status][aria-live=polite]')!;
    m.store.seed(await threadOf(m.el), [comment({name: 'Cal'})]);
    await settle(m);
    await new Promise((r) => requestAnimationFrame(r));
    await settle(m);
    expect(live.textContent!.trim()).to.equal('New comment from Cal.');
  });
});
