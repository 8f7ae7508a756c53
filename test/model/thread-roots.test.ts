import {expect} from '@open-wc/testing';
import {topLevelIds} from '../../src/model/thread-roots.js';

const c = (id: string, parentId: string | null = null) => ({id, parentId});

describe('topLevelIds', () => {
  it('names the top-level comment at the end of each chain, at any depth and in any order', () => {
    const roots = topLevelIds([
      c('deep', 'mid'),
      c('mid', 'reply'),
      c('reply', 'top'),
      c('top'),
      c('other'),
      c('o1', 'other'),
    ]);
    expect(Object.fromEntries(roots)).to.deep.equal({
      deep: 'top',
      mid: 'top',
      reply: 'top',
      top: 'top',
      other: 'other',
      o1: 'other',
    });
  });

  it('has no top for a chain that is broken or loops, nor for what hangs under them', () => {
    const roots = topLevelIds([
      c('orphan', 'gone'),
      c('child', 'orphan'),
      c('a', 'b'),
      c('b', 'a'),
      c('under', 'a'),
      c('self', 'self'),
    ]);
    for (const id of ['orphan', 'child', 'a', 'b', 'under', 'self']) expect(roots.get(id), id).to.equal(undefined);
    expect(roots.has('child')).to.equal(true);
  });

  it('walks a chain as long as the thread once', () => {
    const chain = [c('c0'), ...Array.from({length: 20_000}, (_, i) => c(`c${i + 1}`, `c${i}`))];
    const roots = topLevelIds(chain.reverse());
    expect(roots.get('c20000')).to.equal('c0');
    expect(new Set(roots.values())).to.deep.equal(new Set(['c0']));
  });
});
