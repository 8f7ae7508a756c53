import {expect} from '@open-wc/testing';
import {LIMITS} from '../../src/model/limits.js';
import {SITE_DEFAULTS} from '../../src/model/site-config.js';

/**
 * The form (LIMITS), the stores' moderation defaults (SITE_DEFAULTS) and firestore.rules must
 * agree. No offline parser of the rules language is reliable, so this reads the constant
 * functions out of the rules text: `function bodyMax() { return 5000; }` must match
 * LIMITS.bodyMax, and `function defaultLinkLimit() { return 2; }` SITE_DEFAULTS.linkLimit.
 */
describe('firestore.rules limits', () => {
  let rules: string;
  let defined: Map<string, number | string | boolean>;

  before(async () => {
    const response = await fetch('/firestore.rules');
    expect(response.ok, 'the dev server serves /firestore.rules').to.equal(true);
    rules = await response.text();
    defined = new Map(
      [...rules.matchAll(/function\s+(\w+)\s*\(\s*\)\s*\{\s*return\s+(\d+|'[^']*'|true|false)\s*;\s*\}/g)].map(
        ([, name, value]) => [
          name,
          value.startsWith("'")
            ? value.slice(1, -1)
            : value === 'true' || value === 'false'
              ? value === 'true'
              : Number(value),
        ],
      ),
    );
  });

  // config/site fields with a single value, as the rules name their defaults.
  const defaults = {
    defaultModeration: SITE_DEFAULTS.moderation,
    defaultLinkLimit: SITE_DEFAULTS.linkLimit,
    defaultEditWindowMinutes: SITE_DEFAULTS.editWindowMinutes,
    defaultPostIntervalSeconds: SITE_DEFAULTS.postIntervalSeconds,
    defaultGravatar: SITE_DEFAULTS.gravatar,
  };

  it('defines every limit and site default with the value the client uses', () => {
    expect(Object.fromEntries(defined)).to.deep.equal({...LIMITS, ...defaults});
  });

  it('has a rules default for every site setting but the banned words (none by default)', () => {
    const covered = Object.keys(defaults).map((name) =>
      name.slice('default'.length).replace(/^./, (c) => c.toLowerCase()),
    );
    expect([...covered, 'bannedWords'].sort()).to.deep.equal(Object.keys(SITE_DEFAULTS).sort());
    expect(SITE_DEFAULTS.bannedWords).to.deep.equal([]);
  });

  for (const name of [...Object.keys(LIMITS), ...Object.keys(defaults)]) {
    it(`uses ${name}() in a rule, not just defines it`, () => {
      const uses = rules.match(new RegExp(`\\b${name}\\(\\)`, 'g')) ?? [];
      expect(uses.length, `${name}() appears beyond its definition`).to.be.greaterThan(1);
    });
  }
});
