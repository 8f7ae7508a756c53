import {expect} from '@open-wc/testing';
import {LIMITS} from '../src/model/limits.js';

/**
 * The form (LIMITS) and firestore.rules must refuse the same things. No offline parser of the
 * rules language is reliable, so this reads the limit functions out of the rules text:
 * `function bodyMax() { return 5000; }` must match LIMITS.bodyMax, for every limit.
 */
describe('firestore.rules limits', () => {
  let rules: string;
  let defined: Map<string, number>;

  before(async () => {
    const response = await fetch('/firestore.rules');
    expect(response.ok, 'the dev server serves /firestore.rules').to.equal(true);
    rules = await response.text();
    defined = new Map(
      [...rules.matchAll(/function\s+(\w+)\s*\(\s*\)\s*\{\s*return\s+(\d+)\s*;\s*\}/g)].map(([, name, value]) => [
        name,
        Number(value),
      ]),
    );
  });

  it('defines every limit with the number the form uses', () => {
    expect(Object.fromEntries(defined)).to.deep.equal({...LIMITS});
  });

  for (const name of Object.keys(LIMITS)) {
    it(`uses ${name}() in a rule, not just defines it`, () => {
      const uses = rules.match(new RegExp(`\\b${name}\\(\\)`, 'g')) ?? [];
      expect(uses.length, `${name}() appears beyond its definition`).to.be.greaterThan(1);
    });
  }
});
