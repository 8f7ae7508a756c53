/**
 * Every attribute of the three public elements has its property (`api-key` ↔ `apiKey`), as a
 * framework's property binding or a script sets it: reading gives the attribute, setting writes
 * it, null removes it, and the widget follows a property as it follows the attribute.
 */
import {expect} from '@open-wc/testing';
import {waitUntil} from '../helpers/wait-until.js';
import {LeaveAReplyConfigElement, LeaveAReplyCountElement, LeaveAReplyElement} from '../../src/leave-a-reply.js';
import {comment, mount, settle, threadOf} from '../helpers/mount.js';

const camel = (attribute: string) => attribute.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('attribute properties', () => {
  for (const [tag, ctor] of [
    ['leave-a-reply', LeaveAReplyElement],
    ['leave-a-reply-count', LeaveAReplyCountElement],
    ['leave-a-reply-config', LeaveAReplyConfigElement],
  ] as const) {
    it(`<${tag}> has a reflecting property for each of its ${ctor.observedAttributes.length} attributes`, () => {
      // Not connected: nothing boots, the properties alone are under test.
      const el = document.createElement(tag) as unknown as Record<string, unknown> & HTMLElement;
      for (const attribute of ctor.observedAttributes) {
        const property = camel(attribute);
        expect(property in el, `${tag}.${property}`).to.equal(true);
        el.setAttribute(attribute, '7');
        expect(el[property], `${property} reads ${attribute}`).to.equal(attribute === 'max-depth' ? 7 : '7');
        el[property] = attribute === 'max-depth' ? 2 : 'two';
        expect(el.getAttribute(attribute), `${property} writes ${attribute}`).to.equal(
          attribute === 'max-depth' ? '2' : 'two',
        );
        // `lang` is HTMLElement's own property, which writes null as the text "null".
        if (attribute === 'lang') continue;
        el[property] = null;
        expect(el.hasAttribute(attribute), `${property} = null removes ${attribute}`).to.equal(false);
      }
    });
  }

  it('a widget follows sort and max-depth set as properties', async () => {
    const m = await mount();
    const root = comment({body: 'early', createdAt: new Date(1000)});
    const reply = comment({body: 'reply', parentId: root.id, createdAt: new Date(1500)});
    m.store.seed(await threadOf(m.el), [root, reply, comment({body: 'late', createdAt: new Date(2000)})]);
    await settle(m);
    expect(m.$$('[part=body]').map(text)).to.deep.equal(['early', 'reply', 'late']);

    m.el.sort = 'newest';
    await waitUntil(() => text(m.$('[part=body]')) === 'late', 'sort set as a property was not followed');
    expect(m.el.getAttribute('sort')).to.equal('newest');

    // At depth 1 the reply sits beside its parent, no longer inside it.
    expect(m.$(`#comment-${root.id} #comment-${reply.id}`)).to.exist;
    m.el.maxDepth = 1;
    await waitUntil(
      () => !m.$(`#comment-${root.id} #comment-${reply.id}`),
      'max-depth set as a property was not followed',
    );
    expect(m.$(`#comment-${reply.id}`)).to.exist;
  });

  it('a widget takes its theme as a property', async () => {
    const m = await mount();
    m.el.theme = 'dark';
    await waitUntil(() => m.section.getAttribute('scheme') === 'dark', 'theme set as a property was not followed');
    m.el.theme = 'light';
    await waitUntil(() => m.section.getAttribute('scheme') === 'light', 'theme set as a property was not followed');
  });
});
