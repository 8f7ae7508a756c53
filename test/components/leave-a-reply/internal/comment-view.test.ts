/**
 * What a comment shows of its author, as readers see it: how they signed in next to their name,
 * and a picture only from a host readers may load (model/avatars.ts; firestore.rules refuse the
 * rest, but comments written before those rules, or by other tools, may name any URL).
 */
import {expect} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import type {Author} from '../../../../src/model/comment.js';
import {comment, mount, settle, threadOf} from '../../../helpers/mount.js';
import {waitUntil} from '../../../helpers/wait-until.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const GRAVATAR = `https://gravatar.com/avatar/${'9f'.repeat(32)}?s=96&d=identicon`;

describe('a comment’s author', () => {
  const by = (author: Omit<Author, 'uid'>, body: string) => comment({body, author: {uid: `u-${body}`, ...author}});

  it('shows how each commenter signed in, next to the name, in the reader’s language', async () => {
    const seed = [
      by({name: 'Samantha', provider: 'guest'}, 'a'),
      by({name: 'Theodore', provider: 'google'}, 'b'),
      by({name: 'Amy', provider: 'github'}, 'c'),
      by({name: 'Paul', provider: 'email'}, 'd'),
      by({name: 'Catherine', provider: 'custom'}, 'e'),
    ];
    const m = await mount();
    m.store.seed(await threadOf(m.el), seed);
    await settle(m);
    const bylines = m
      .$$('[part=comment]')
      .map((li) => [text(li.querySelector('[part=author]')), text(li.querySelector('[part=provider]'))]);
    expect(bylines).to.deep.equal([
      ['Samantha', 'guest'],
      ['Theodore', 'Google'],
      ['Amy', 'GitHub'],
      ['Paul', 'email'],
      ['Catherine', 'member'],
    ]);

    const fr = await mount({lang: 'fr'});
    fr.store.seed(await threadOf(fr.el), seed.slice(0, 2));
    // The French catalog loads on demand.
    await waitUntil(
      () => fr.$$('[part=provider]').length === 2 && text(fr.$('[part=provider]')) !== 'guest',
      'the French catalog did not arrive',
    );
    expect(fr.$$('[part=provider]').map(text)).to.deep.equal(['invité', 'Google']);
  });

  it('a display name cannot pass for an account: "Site Owner" as a guest says guest', async () => {
    const m = await mount();
    m.store.seed(await threadOf(m.el), [by({name: 'Site Owner (moderator)', provider: 'guest'}, 'x')]);
    await settle(m);
    expect(text(m.$('[part=comment] .who'))).to.equal('Site Owner (moderator) guest');
  });

  it('loads a picture only from a provider’s image host or Gravatar, never a typed URL', async () => {
    const m = await mount();
    m.store.seed(await threadOf(m.el), [
      by({name: 'Pixel', provider: 'guest', avatarUrl: 'https://tracker.example/pixel.gif'}, 'p'),
      by({name: 'Grav', provider: 'guest', avatarUrl: GRAVATAR}, 'g'),
      by({name: 'Theo', provider: 'google', avatarUrl: 'https://lh3.googleusercontent.com/a/theo=s96'}, 't'),
      by({name: 'Fake', provider: 'google', avatarUrl: 'https://lh3.googleusercontent.com.evil.example/a'}, 'f'),
    ]);
    await settle(m);
    const pictures = m
      .$$('[part=comment]')
      .map((li) => li.querySelector('[part=avatar] img')?.getAttribute('src') ?? null);
    expect(pictures).to.deep.equal([null, GRAVATAR, 'https://lh3.googleusercontent.com/a/theo=s96', null]);
    // The initial stands in.
    expect(text(m.$('[part=comment] [part=avatar]'))).to.equal('P');
  });
});

describe('replies past max-depth', () => {
  it('say visibly whom they answer, as replies to an unloaded comment do', async () => {
    const m = await mount({'max-depth': '2'});
    m.store.seed(await threadOf(m.el), [
      comment({id: 'a', name: 'Ann', createdAt: new Date(1000)}),
      comment({id: 'b', parentId: 'a', name: 'Ben', createdAt: new Date(2000)}),
      comment({id: 'c', parentId: 'b', name: 'Cleo', createdAt: new Date(3000)}),
    ]);
    await settle(m);
    expect(text(m.$('#comment-c .in-reply-to'))).to.equal('In reply to Ben');
    expect(m.$('#comment-b .in-reply-to'), 'b sits under Ann: no need to say').to.equal(null);
  });
});

describe('a comment’s layout on a narrow screen', () => {
  afterEach(() => setViewport({width: 800, height: 600}));

  for (const width of [320, 375, 1280]) {
    it(`keeps long names, words and links inside the widget at ${width} px, and deep replies readable`, async () => {
      await setViewport({width, height: 800});
      const longName = 'B'.repeat(80);
      const root = comment({id: 'r1', author: {uid: 'u1', name: longName, provider: 'guest'}, body: 'x'.repeat(300)});
      const reply = comment({
        id: 'r2',
        parentId: 'r1',
        name: 'Bartholomew Featherstonehaugh-Cholmondeley',
        body: `https://example.com/${'a'.repeat(200)}`,
      });
      const deeper = comment({id: 'r3', parentId: 'r2', name: 'Ann', body: 'A reply at depth three, still readable.'});
      const m = await mount({'max-depth': '3'});
      m.store.seed(await threadOf(m.el), [root, reply, deeper]);
      await settle(m);
      expect(document.documentElement.scrollWidth, 'the page grew sideways').to.be.at.most(width);
      const deepBody = m.$('#comment-r3 [part=body]')!.getBoundingClientRect();
      expect(deepBody.right, 'the reply stays in the window').to.be.at.most(width);
      // Around 30 characters or more at depth three, even on the narrowest phone.
      expect(deepBody.width, 'the text column at depth three').to.be.at.least(Math.min(width - 110, 600));
    });
  }
});
