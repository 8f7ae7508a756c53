import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {comment, mount, settle, threadOf} from '../../helpers/mount.js';
import {waitUntil} from '../../helpers/wait-until.js';
import {MemoryStore} from '../../../src/store/memory/memory-store.js';

/** A widget on a thread with one published comment (`likes` of them already) and one held for review. */
async function likeable(attributes: Record<string, string> = {}, likes = 0) {
  const store = new MemoryStore();
  const m = await mount(attributes, store);
  const thread = await threadOf(m.el);
  store.seed(thread, [
    {...comment({id: 'liked', body: 'A film about loneliness.', name: 'Samantha'}), likeCount: likes},
    comment({id: 'held', body: 'Held', status: 'pending'}),
  ]);
  await waitUntil(() => m.$('#comment-liked .like'), 'the Like button did not appear');
  await settle(m);
  return {
    ...m,
    thread,
    button: () => m.$<HTMLButtonElement>('#comment-liked .like')!,
    count: () => m.$('#comment-liked .like + .like-count')?.textContent?.trim() ?? '',
  };
}

describe('<leave-a-reply> likes', () => {
  it('is accessible with its Like buttons', async () => {
    const {el} = await likeable({}, 3);
    await expect(el).to.be.accessible();
  });

  it('shows a Like button, not pressed, naming the count and the author', async () => {
    const {button, count} = await likeable({}, 3);
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(button().getAttribute('part')).to.equal('like-button');
    expect(button().getAttribute('aria-label')).to.equal('Like (3 likes, comment by Samantha)');
    expect(button().textContent!.trim()).to.equal('Like');
    expect(count()).to.equal('3');
  });

  it('shows no count beside the button at 0', async () => {
    const {button, count} = await likeable();
    expect(count()).to.equal('');
    expect(button().getAttribute('aria-label')).to.equal('Like (0 likes, comment by Samantha)');
  });

  it('likes at once when pressed, and takes the like back when pressed again', async () => {
    const {button, count, section} = await likeable({}, 1);
    button().click();
    await waitUntil(() => button().getAttribute('aria-pressed') === 'true', 'not pressed');
    expect(count()).to.equal('2');
    await section.updateComplete;
    button().click();
    await waitUntil(() => button().getAttribute('aria-pressed') === 'false', 'not released');
    expect(count()).to.equal('1');
  });

  it('keeps the like after a reload, for the same reader', async () => {
    const {button, store, thread, el} = await likeable();
    button().click();
    await waitUntil(() => button().getAttribute('aria-pressed') === 'true', 'not pressed');
    // A second view of the thread, as the same guest (the LocalSession's uid in this browser).
    const again = await mount({}, store);
    expect((await threadOf(again.el)).id).to.equal(thread.id);
    await waitUntil(
      () => again.$('#comment-liked .like')?.getAttribute('aria-pressed') === 'true',
      'the like was not remembered',
    );
    el.remove();
  });

  it('works from the keyboard: Enter and Space press it', async () => {
    const {button} = await likeable();
    button().focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => button().getAttribute('aria-pressed') === 'true', 'Enter did not like');
    button().focus();
    await sendKeys({press: 'Space'});
    await waitUntil(() => button().getAttribute('aria-pressed') === 'false', 'Space did not unlike');
  });

  it('offers no Like on a comment that is not published', async () => {
    const {$, section} = await likeable();
    section.ownPostIds.add('held');
    await waitUntil(() => $('#comment-held'), 'the held comment is not shown').catch(() => undefined);
    expect($('#comment-held .like')).to.equal(null);
  });

  it('shows no Like buttons with reactions="off"', async () => {
    const store = new MemoryStore();
    const m = await mount({reactions: 'off'}, store);
    store.seed(await threadOf(m.el), [comment({id: 'quiet', body: 'No likes here'})]);
    await waitUntil(() => m.$('#comment-quiet .reply'), 'the comment did not show');
    await settle(m);
    expect(m.$('#comment-quiet .like')).to.equal(null);
    await expect(m.el).to.be.accessible();
  });
});
