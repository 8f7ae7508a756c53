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
/** The tree as "id@depth" with children in brackets. */
const shape = (nodes: CommentNode[]): string =>
  nodes.map((n) => `${n.comment.id}@${n.depth}${n.children.length ? `[${shape(n.children)}]` : ''}`).join(' ');

describe('buildThreadTree', () => {
  it('orders top-level comments by sort, pinned first, and replies oldest first', () => {
    const comments = [c('a', 1), c('b', 2), c('c', 3, null, {pinned: true}), c('r2', 6, 'a'), c('r1', 5, 'a')];
    expect(shape(buildThreadTree(comments, 'oldest', 3))).to.equal('c@1 a@1[r1@2 r2@2] b@1');
    expect(shape(buildThreadTree(comments, 'newest', 3))).to.equal('c@1 b@1 a@1[r1@2 r2@2]');
  });

  it('keeps a deleted comment only while a reply that shows hangs under it, at any depth', () => {
    const deleted = {status: 'deleted' as const, body: ''};
    const comments = [
      c('gone', 1, null, deleted), // nothing under it
      c('q', 2, null, deleted),
      c('mid', 3, 'q', deleted), // deleted too, but holds a live reply
      c('live', 4, 'mid'),
      c('husk', 5, 'q', deleted), // a deleted reply with nothing under it
      c('x', 6),
    ];
    expect(shape(buildThreadTree(comments, 'oldest', 3))).to.equal('q@1[mid@2[live@3]] x@1');
    // Flattened past max-depth, the live reply still holds its deleted ancestors in place.
    expect(shape(buildThreadTree(comments, 'oldest', 1))).to.equal('q@1 mid@1 live@1 x@1');
  });

  it('attaches replies deeper than max-depth at the last level, in time order, with their parent', () => {
    const comments = [c('a', 1), c('b', 2, 'a'), c('c', 3, 'b'), c('d', 4, 'c'), c('e', 5, 'd')];
    const tree = buildThreadTree(comments, 'oldest', 2);
    expect(shape(tree)).to.equal('a@1[b@2 c@2 d@2 e@2]');
    const flattened = tree[0].children.find((n) => n.comment.id === 'd')!;
    expect(flattened.parent?.id, 'whom it answers, for "in reply to"').to.equal('c');
    expect(flattened.flattened).to.equal(true);
    expect(tree[0].children[0].flattened, 'b sits under its parent').to.equal(undefined);
    expect(shape(buildThreadTree(comments, 'oldest', 1))).to.equal('a@1 b@1 c@1 d@1 e@1');
  });

  it('shows a reply whose parent is not loaded at the top level, and survives cycles and bad depths', () => {
    expect(shape(buildThreadTree([c('x', 1, 'not-loaded')], 'oldest', 3))).to.equal('x@1');
    expect(shape(buildThreadTree([c('s', 1, 's')], 'oldest', 3))).to.equal('s@1');
    const cycle = [c('p', 1, 'q'), c('q', 2, 'p')];
    expect(buildThreadTree(cycle, 'oldest', 3).length).to.be.at.most(2);
    expect(shape(buildThreadTree([c('a', 1), c('b', 2, 'a')], 'oldest', 0))).to.equal('a@1 b@1');
  });

  it('breaks ties of equal times by id, so the order is stable', () => {
    expect(shape(buildThreadTree([c('b', 1), c('a', 1)], 'oldest', 3))).to.equal('a@1 b@1');
  });
});
