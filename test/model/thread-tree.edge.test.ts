import {expect} from '@open-wc/testing';
import type {Comment} from '../../src/model/comment.js';
import {buildThreadTree, type CommentNode} from '../../src/model/thread-tree.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));
const c = (id: string, seconds: number, parentId: string | null = null, extra: Partial<Comment> = {}): Comment => ({
  id,
  parentId,
  body: id,
  author: {uid: `u-${id}`, name: `Reader ${id}`, provider: 'guest'},
  createdAt: at(seconds),
  status: 'published',
  ...extra,
});
const shape = (nodes: CommentNode[]): string =>
  nodes.map((n) => `${n.comment.id}@${n.depth}${n.children.length ? `[${shape(n.children)}]` : ''}`).join(' ');

describe('buildThreadTree, edge cases', () => {
  it('returns an empty tree for no comments', () => {
    expect(buildThreadTree([], 'newest', 3)).to.deep.equal([]);
  });

  it('orders pinned comments among themselves by the sort, too', () => {
    const comments = [c('p1', 1, null, {pinned: true}), c('p2', 2, null, {pinned: true}), c('a', 3), c('b', 4)];
    expect(shape(buildThreadTree(comments, 'oldest', 3))).to.equal('p1@1 p2@1 a@1 b@1');
    expect(shape(buildThreadTree(comments, 'newest', 3))).to.equal('p2@1 p1@1 b@1 a@1');
  });

  it('does not lift a pinned reply out of its parent', () => {
    const comments = [c('a', 1), c('b', 2), c('r', 3, 'a', {pinned: true})];
    expect(shape(buildThreadTree(comments, 'oldest', 3))).to.equal('a@1[r@2] b@1');
  });

  it('reads replies oldest first even when the input is newest first', () => {
    const comments = [c('r3', 9, 'a'), c('r2', 8, 'a'), c('r1', 7, 'a'), c('a', 1)];
    expect(shape(buildThreadTree(comments, 'newest', 3))).to.equal('a@1[r1@2 r2@2 r3@2]');
  });

  it('keeps a flattened reply right after the one it answers, and nests up to max-depth exactly', () => {
    // b answers a; c and d answer b; e answers c but is newer than d.
    const comments = [c('a', 1), c('b', 2, 'a'), c('c', 3, 'b'), c('d', 4, 'b'), c('e', 5, 'c')];
    expect(shape(buildThreadTree(comments, 'oldest', 3))).to.equal('a@1[b@2[c@3 e@3 d@3]]');
    expect(shape(buildThreadTree(comments, 'oldest', 4))).to.equal('a@1[b@2[c@3[e@4] d@3]]');
    const deep = buildThreadTree(comments, 'oldest', 3)[0].children[0].children;
    expect(deep.map((n) => [n.comment.id, n.parent?.id])).to.deep.equal([
      ['c', 'b'],
      ['e', 'c'],
      ['d', 'b'],
    ]);
  });

  it('gives each reply its loaded parent, and a top-level comment or orphan none', () => {
    const comments = [c('a', 1), c('r', 2, 'a'), c('orphan', 3, 'gone')];
    const tree = buildThreadTree(comments, 'oldest', 3);
    expect(tree.map((n) => n.comment.id)).to.deep.equal(['a', 'orphan']);
    expect(tree[0].parent).to.equal(undefined);
    expect(tree[0].children[0].parent).to.equal(comments[0]);
    expect(tree[1].parent, 'its parent is not loaded').to.equal(undefined);
    expect(tree[1].depth).to.equal(1);
  });

  it('keeps the replies of an orphan under it', () => {
    const comments = [c('orphan', 1, 'gone'), c('r', 2, 'orphan')];
    expect(shape(buildThreadTree(comments, 'oldest', 3))).to.equal('orphan@1[r@2]');
  });

  it('truncates a fractional max-depth and treats NaN like 1', () => {
    const comments = [c('a', 1), c('b', 2, 'a'), c('c', 3, 'b')];
    expect(shape(buildThreadTree(comments, 'oldest', 2.9))).to.equal('a@1[b@2 c@2]');
    expect(shape(buildThreadTree(comments, 'oldest', Number.NaN))).to.equal('a@1 b@1 c@1');
    expect(shape(buildThreadTree(comments, 'oldest', -5))).to.equal('a@1 b@1 c@1');
  });

  it('shows every comment once, whatever the shape of the data', () => {
    const comments = [c('a', 1), c('b', 2, 'a'), c('c', 3, 'b'), c('d', 4, 'a'), c('o', 5, 'gone'), c('s', 6, 's')];
    const ids: string[] = [];
    const walk = (nodes: CommentNode[]) => nodes.forEach((n) => (ids.push(n.comment.id), walk(n.children)));
    walk(buildThreadTree(comments, 'newest', 2));
    expect(ids.sort()).to.deep.equal(['a', 'b', 'c', 'd', 'o', 's']);
    // Not asserted: two comments answering each other (x -> y -> x) are neither roots nor
    // reachable, so today both vanish from the tree (reported separately).
  });

  it('leaves the input array as it was', () => {
    const comments = [c('b', 2), c('a', 1), c('r', 3, 'b')];
    const before = comments.map((x) => x.id);
    buildThreadTree(comments, 'oldest', 3);
    buildThreadTree(comments, 'newest', 1);
    expect(comments.map((x) => x.id)).to.deep.equal(before);
  });
});
