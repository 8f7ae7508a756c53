/**
 * The build minifies the CSS of Lit's css`…` templates (build/minify-css-literals.mjs). Chromium
 * parses each of the widget's stylesheets as written and as minified: the rules it reads must be
 * the same, so the minifier cannot change what the CSS means.
 */
import {expect} from '@open-wc/testing';
import type {CSSResult} from 'lit';
import {minifyCss} from '../../build/minify-css-literals.mjs';
import {sectionStyles} from '../../src/components/leave-a-reply/internal/comment-section.styles.js';
import {formStyles} from '../../src/components/leave-a-reply/internal/reply-form.styles.js';
import {moderationStyles} from '../../src/components/leave-a-reply-moderation/internal/moderation.styles.js';

/**
 * The rules as Chromium reads them, in its own serialization. A custom property keeps its value's
 * text as written, so a space after a comma there (as in `var(--lar-font, inherit)`) is compared
 * away: it means nothing where the value is used.
 */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

describe('the CSS minifier of the build', () => {
  it('leaves every stylesheet of the widget and the queue meaning what it says', () => {
    const sheets = [...sectionStyles, ...formStyles, moderationStyles] as CSSResult[];
    expect(sheets.length).to.be.greaterThan(3);
    for (const {cssText} of sheets) {
      const minified = minifyCss(cssText);
      expect(minified.length, 'smaller').to.be.lessThan(cssText.length);
      expect(rules(minified)).to.deep.equal(rules(cssText));
    }
  });

  it('keeps the spaces that carry meaning: descendant pseudo-classes, calc(), media queries', () => {
    const tricky = `
      /* a comment */
      .a :hover, .b > .c { margin: calc(var(--x) + 1px) calc(2px - var(--y)); }
      :host(:not([dir])) ::slotted(p) { gap: 0 }
      @media (max-width: 30em) and (prefers-reduced-motion: reduce) { .x { color: red; } }
      @container (width < 20rem) { .children { padding-inline-start: 0.5rem } }`;
    expect(rules(minifyCss(tricky))).to.deep.equal(rules(tricky));
    expect(minifyCss(tricky)).to.contain('.a :hover').and.contain('+ 1px').and.not.contain('comment');
  });
});
