import {expect} from '@open-wc/testing';
import type {Comment} from '../../src/model/comment.js';
import {LIMITS} from '../../src/model/limits.js';
import {SITE_DEFAULTS, type SiteConfig} from '../../src/model/site-config.js';
import {
  approvesAuthor,
  authorRefusal,
  replyRefusal,
  storedAuthor,
  editRefusal,
  moderationRefusal,
  postRefusal,
  published,
  removeRefusal,
  statusAfterEdit,
  statusOfNewComment,
  visibleBeyondPages,
} from '../../src/store/policy.js';

const site = (changes: Partial<SiteConfig> = {}): SiteConfig => ({...SITE_DEFAULTS, ...changes});
const author = {uid: 'ada', provider: 'guest' as const};
const stranger = {uid: 'bob', provider: 'guest' as const};
const reader = {moderator: false, approved: false};
const moderator = {moderator: true, approved: false};
const NOW = Date.UTC(2026, 11, 2, 12);

function comment(changes: Partial<Comment> = {}): Comment {
  return {
    id: 'c1',
    parentId: null,
    body: 'A kind word.',
    author: {uid: 'ada', name: 'Ada', provider: 'guest'},
    createdAt: new Date(NOW - 60_000),
    status: 'published',
    ...changes,
  };
}

describe('write policy: posting', () => {
  it('refuses a post into a closed thread', () => {
    expect(postRefusal({locked: true, site: site()})?.code).to.equal('locked');
  });

  it('refuses a post within the interval, saying how many whole seconds are left', () => {
    const refusal = postRefusal({
      locked: false,
      site: site({postIntervalSeconds: 10}),
      lastPostAt: NOW - 2_500,
      now: NOW,
    });
    expect(refusal?.code).to.equal('rate-limited');
    expect(refusal?.retryAfterSeconds).to.equal(8);
    expect(refusal?.message).to.equal('Please wait 8 s before posting again.');
  });

  it('lets a first post, and one after the interval, through', () => {
    expect(postRefusal({locked: false, site: site(), now: NOW})).to.equal(undefined);
    expect(
      postRefusal({locked: false, site: site({postIntervalSeconds: 10}), lastPostAt: NOW - 10_000, now: NOW}),
    ).to.equal(undefined);
  });

  it('holds a comment for review as the site says, but never a moderator’s', () => {
    expect(statusOfNewComment(site(), reader, 'Hello', {name: 'Ada'})).to.equal('published');
    expect(statusOfNewComment(site({moderation: 'all'}), reader, 'Hello', {name: 'Ada'})).to.equal('pending');
    expect(statusOfNewComment(site({moderation: 'all'}), moderator, 'Hello', {name: 'Ada'})).to.equal('published');
    expect(statusOfNewComment(site({moderation: 'first-time'}), reader, 'Hello', {name: 'Ada'})).to.equal('pending');
    expect(
      statusOfNewComment(site({moderation: 'first-time'}), {moderator: false, approved: true}, 'Hello', {name: 'Ada'}),
    ).to.equal('published');
    expect(statusOfNewComment(site({bannedWords: ['spam']}), reader, 'Buy SPAM now', {name: 'Ada'})).to.equal(
      'pending',
    );
    expect(statusOfNewComment(site({bannedWords: ['spam']}), reader, 'Hello', {name: 'Spammer'})).to.equal('pending');
  });

  it('finds a banned word behind a soft hyphen, a joiner, a look-alike letter, or in the website', () => {
    const banned = site({bannedWords: ['Casino']});
    for (const body of [
      'cas\u00ADino night',
      'cas\u200Dino night',
      'саsino night' /* Cyrillic с, а */,
      'ＣＡＳＩＮＯ',
    ]) {
      expect(statusOfNewComment(banned, reader, body, {name: 'Ada'}), JSON.stringify(body)).to.equal('pending');
    }
    expect(statusOfNewComment(banned, reader, 'Hi', {name: 'Ada', url: 'https://casino.example'})).to.equal('pending');
    expect(statusOfNewComment(banned, reader, 'A casual night', {name: 'Ada'})).to.equal('published');
  });
});

describe('write policy: authors', () => {
  const guest = {uid: 'g', name: 'Ada', provider: 'guest' as const};
  const hash = 'a'.repeat(64);

  it('refuses a name that shows nothing or reorders its text', () => {
    for (const name of ['\u200B\u200B', '\u3164', '\u2800', ' \u00AD ', '\u202Enimda etis']) {
      expect(authorRefusal({...guest, name})?.code, JSON.stringify(name)).to.equal('invalid');
    }
    expect(authorRefusal({...guest, url: 'https://a.example/\u202E'})?.code).to.equal('invalid');
    expect(authorRefusal({...guest, name: 'Ada Lovelace'})).to.equal(undefined);
    expect(authorRefusal({...guest, name: 'عائشة'})).to.equal(undefined);
  });

  it("keeps only pictures readers may load: a guest's Gravatar if the site allows it, a provider's photo host", () => {
    const gravatar = `https://gravatar.com/avatar/${hash}?s=96&d=identicon`;
    expect(storedAuthor({...guest, avatarUrl: gravatar}, site()).avatarUrl).to.equal(gravatar);
    expect(storedAuthor({...guest, avatarUrl: gravatar}, site({gravatar: false})).avatarUrl).to.equal(undefined);
    expect(storedAuthor({...guest, avatarUrl: 'https://tracker.example/p.gif'}, site()).avatarUrl).to.equal(undefined);
    const google = {uid: 'g', name: 'Theo', provider: 'google' as const};
    const photo = 'https://lh3.googleusercontent.com/a/photo=s96';
    expect(storedAuthor({...google, avatarUrl: photo}, site()).avatarUrl).to.equal(photo);
    for (const url of [
      'http://lh3.googleusercontent.com/a',
      'https://lh3.googleusercontent.com.evil.example/a',
      'https://lh3.googleusercontent.com@evil.example/a',
      'https://192.168.0.1/a',
      gravatar,
    ]) {
      expect(storedAuthor({...google, avatarUrl: url}, site()).avatarUrl, url).to.equal(undefined);
    }
  });

  it('refuses a reply to a comment readers cannot see', () => {
    for (const status of ['pending', 'hidden', 'deleted'] as const) {
      expect(replyRefusal('p', comment({status}))?.code, status).to.equal('gone');
    }
    expect(replyRefusal('p', undefined)?.code).to.equal('gone');
    expect(replyRefusal('p', comment())).to.equal(undefined);
    expect(replyRefusal(null, undefined)).to.equal(undefined);
  });
});

describe('write policy: editing', () => {
  it('lets the author edit within the window', () => {
    expect(editRefusal(comment(), author, 'Better words.', site(), undefined, new Date(NOW))).to.equal(undefined);
  });

  it('refuses anyone but the author, and a hidden or deleted comment', () => {
    expect(editRefusal(comment(), stranger, 'Mine now.', site(), undefined, new Date(NOW))?.code).to.equal(
      'permission-denied',
    );
    expect(editRefusal(comment({status: 'hidden'}), author, 'x', site(), undefined, new Date(NOW))?.code).to.equal(
      'permission-denied',
    );
    expect(editRefusal(comment({status: 'deleted'}), author, 'x', site(), undefined, new Date(NOW))?.code).to.equal(
      'permission-denied',
    );
  });

  it('refuses an edit too soon after the previous one', () => {
    const refusal = editRefusal(comment(), author, 'Again.', site(), NOW - 2000, new Date(NOW));
    expect(refusal?.code).to.equal('rate-limited');
    expect(refusal?.retryAfterSeconds).to.equal(LIMITS.editIntervalSeconds - 2);
    expect(
      editRefusal(comment(), author, 'Again.', site(), NOW - LIMITS.editIntervalSeconds * 1000, new Date(NOW)),
    ).to.equal(undefined);
  });

  it('refuses an edit once the window has closed', () => {
    const old = comment({createdAt: new Date(NOW - 16 * 60_000)});
    expect(
      editRefusal(old, author, 'Too late.', site({editWindowMinutes: 15}), undefined, new Date(NOW))?.code,
    ).to.equal('expired');
  });

  it('refuses a body the rules would refuse', () => {
    expect(editRefusal(comment(), author, '   ', site(), undefined, new Date(NOW))?.message).to.equal(
      'A comment cannot be empty.',
    );
    const long = 'x'.repeat(LIMITS.bodyMax + 1);
    expect(editRefusal(comment(), author, long, site(), undefined, new Date(NOW))?.code).to.equal('invalid');
  });

  it('takes a published comment back to pending when the new text needs review', () => {
    const spammy = site({bannedWords: ['casino']});
    expect(statusAfterEdit(comment(), spammy, reader, 'Visit my casino')).to.equal('pending');
    expect(statusAfterEdit(comment(), spammy, reader, 'Lovely film')).to.equal(undefined);
    expect(statusAfterEdit(comment({status: 'pending'}), spammy, reader, 'Visit my casino')).to.equal(undefined);
  });
});

describe('write policy: deleting and moderating', () => {
  it('lets the author or a moderator delete, once', () => {
    expect(removeRefusal(comment(), author, false)).to.equal(undefined);
    expect(removeRefusal(comment(), stranger, true)).to.equal(undefined);
    expect(removeRefusal(comment(), stranger, false)?.code).to.equal('permission-denied');
    expect(removeRefusal(comment({status: 'deleted'}), author, true)?.code).to.equal('permission-denied');
  });

  it('lets only moderators moderate or lock, and nobody moderate a deleted comment', () => {
    expect(moderationRefusal(true, comment())).to.equal(undefined);
    expect(moderationRefusal(true)).to.equal(undefined);
    expect(moderationRefusal(false, comment())?.message).to.equal('Only a moderator can do that.');
    expect(moderationRefusal(false)?.code).to.equal('permission-denied');
    expect(moderationRefusal(true, comment({status: 'deleted'}))?.code).to.equal('permission-denied');
  });

  it('approving a held comment approves its author; pinning does not', () => {
    expect(approvesAuthor(comment({status: 'pending'}), {status: 'published'})).to.equal(true);
    expect(approvesAuthor(comment({status: 'hidden'}), {status: 'published'})).to.equal(true);
    expect(approvesAuthor(comment(), {pinned: true})).to.equal(false);
    expect(approvesAuthor(comment({status: 'pending'}), {status: 'hidden'})).to.equal(false);
  });
});

describe('read policy: beyond the loaded pages', () => {
  it('shows a pending comment to its author and moderators, a hidden one to moderators only', () => {
    const pending = comment({status: 'pending'});
    expect(visibleBeyondPages(pending, author, false, false)).to.equal(true);
    expect(visibleBeyondPages(pending, stranger, false, false)).to.equal(false);
    expect(visibleBeyondPages(pending, stranger, true, false)).to.equal(true);
    expect(visibleBeyondPages(comment({status: 'hidden'}), author, false, false)).to.equal(false);
    expect(visibleBeyondPages(comment({status: 'hidden'}), stranger, true, false)).to.equal(true);
  });

  it('shows a published comment beyond the pages only where it was just posted', () => {
    expect(visibleBeyondPages(comment(), author, false, true)).to.equal(true);
    expect(visibleBeyondPages(comment(), author, false, false)).to.equal(false);
  });

  it('counts only published comments', () => {
    expect(['published', 'pending', 'hidden', 'deleted', undefined].map(published)).to.deep.equal([1, 0, 0, 0, 0]);
  });
});
