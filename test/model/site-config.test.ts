import {expect} from '@open-wc/testing';
import {needsReview} from '../../src/model/review.js';
import {SITE_DEFAULTS, siteConfigFrom, withinEditWindow, type SiteConfig} from '../../src/model/site-config.js';
import {countLinks} from '../../src/model/body-text.js';

/** The client's half of what firestore.rules enforces (test/rules/moderation.rules.test.mjs holds the other). */
describe('site settings and review', () => {
  const site = (changes: Partial<SiteConfig> = {}): SiteConfig => ({...SITE_DEFAULTS, ...changes});
  const review = (config: SiteConfig, body: string, authorName = 'Samantha', approved = false) =>
    needsReview(config, {body, authorName, approved});

  it('reads config/site with defaults for what is missing or malformed', () => {
    expect(siteConfigFrom(undefined)).to.deep.equal(SITE_DEFAULTS);
    expect(
      siteConfigFrom({
        moderation: 'all',
        linkLimit: 0,
        bannedWords: ['spam', 7],
        editWindowMinutes: 5,
        postIntervalSeconds: 30,
        gravatar: false,
      }),
    ).to.deep.equal({
      moderation: 'all',
      linkLimit: 0,
      bannedWords: ['spam'],
      editWindowMinutes: 5,
      postIntervalSeconds: 30,
      gravatar: false,
    });
    expect(
      siteConfigFrom({
        moderation: 'sometimes',
        linkLimit: -1,
        editWindowMinutes: 1.5,
        bannedWords: 'spam',
        gravatar: 'no',
      }),
    ).to.deep.equal(SITE_DEFAULTS);
  });

  it('publishes at once in "open" mode, up to the link limit', () => {
    const links = (n: number) => Array.from({length: n}, (_, i) => `https://l${i}.example`).join(' ');
    expect(review(site(), 'A film about loneliness.')).to.equal(false);
    expect(review(site(), links(SITE_DEFAULTS.linkLimit))).to.equal(false);
    expect(review(site(), links(SITE_DEFAULTS.linkLimit + 1))).to.equal(true);
    expect(review(site({linkLimit: 0}), 'see HTTP://her.example')).to.equal(true);
  });

  it('counts links as the rules do: every http:// or https://, in any case', () => {
    expect(countLinks('a https://x.example b HTTP://y.example')).to.equal(2);
    expect(countLinks('xhttps://glued.example')).to.equal(1);
    expect(countLinks('no links, just https:/ and www.example.com')).to.equal(0);
  });

  it('holds every comment in "all" mode, and unapproved authors in "first-time" mode', () => {
    expect(review(site({moderation: 'all'}), 'Fine words.', 'Sam', true)).to.equal(true);
    expect(review(site({moderation: 'first-time'}), 'Fine words.', 'Sam', false)).to.equal(true);
    expect(review(site({moderation: 'first-time'}), 'Fine words.', 'Sam', true)).to.equal(false);
  });

  it('holds banned words anywhere in the body or the name, in any case, read literally', () => {
    const config = site({bannedWords: ['casino', 'c++', 'Ünïcode']});
    expect(review(config, 'Best CASINOS here')).to.equal(true);
    expect(review(config, 'Fine words.', 'Casino Bob')).to.equal(true);
    expect(review(config, 'I write C++ daily')).to.equal(true);
    expect(review(config, 'I write c daily')).to.equal(false);
    expect(review(config, 'ÜNÏCODE')).to.equal(true);
    expect(review(site({bannedWords: ['.*']}), 'Nothing banned.')).to.equal(false);
  });

  it('tells whether a comment is still in its edit window', () => {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
    expect(withinEditWindow(createdAt, 15, new Date(createdAt.getTime() + 14 * 60_000))).to.equal(true);
    expect(withinEditWindow(createdAt, 15, new Date(createdAt.getTime() + 15 * 60_000))).to.equal(false);
  });
});
