import {expect} from '@open-wc/testing';
import type {Comment} from '../../src/model/comment.js';
import {LIMITS} from '../../src/model/limits.js';
import {SITE_DEFAULTS, type SiteConfig} from '../../src/model/site-config.js';
import {
  approvesAuthor,
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
    expect(statusOfNewComment(site(), reader, 'Hello', 'Ada')).to.equal('published');
    expect(statusOfNewComment(site({moderation: 'all'}), reader, 'Hello', 'Ada')).to.equal('pending');
    expect(statusOfNewComment(site({moderation: 'all'}), moderator, 'Hello', 'Ada')).to.equal('published');
    expect(statusOfNewComment(site({moderation: 'first-time'}), reader, 'Hello', 'Ada')).to.equal('pending');
    expect(
      statusOfNewComment(site({moderation: 'first-time'}), {moderator: false, approved: true}, 'Hello', 'Ada'),
    ).to.equal('published');
    expect(statusOfNewComment(site({bannedWords: ['spam']}), reader, 'Buy SPAM now', 'Ada')).to.equal('pending');
    expect(statusOfNewComment(site({bannedWords: ['spam']}), reader, 'Hello', 'Spammer')).to.equal('pending');
  });
});

describe('write policy: editing', () => {
  it('lets the author edit within the window', () => {
    expect(editRefusal(comment(), author, 'Better words.', site(), new Date(NOW))).to.equal(undefined);
  });

  it('refuses anyone but the author, and a hidden or deleted comment', () => {
    expect(editRefusal(comment(), stranger, 'Mine now.', site(), new Date(NOW))?.code).to.equal('permission-denied');
    expect(editRefusal(comment({status: 'hidden'}), author, 'x', site(), new Date(NOW))?.code).to.equal(
      'permission-denied',
    );
    expect(editRefusal(comment({status: 'deleted'}), author, 'x', site(), new Date(NOW))?.code).to.equal(
      'permission-denied',
    );
  });

  it('refuses an edit once the window has closed', () => {
    const old = comment({createdAt: new Date(NOW - 16 * 60_000)});
    expect(editRefusal(old, author, 'Too late.', site({editWindowMinutes: 15}), new Date(NOW))?.code).to.equal(
      'expired',
    );
  });

  it('refuses a body the rules would refuse', () => {
    expect(editRefusal(comment(), author, '   ', site(), new Date(NOW))?.message).to.equal(
      'A comment cannot be empty.',
    );
    const long = 'x'.repeat(LIMITS.bodyMax + 1);
    expect(editRefusal(comment(), author, long, site(), new Date(NOW))?.code).to.equal('invalid');
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
