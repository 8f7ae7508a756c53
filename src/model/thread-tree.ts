import type {Comment, SortOrder} from './comment.js';

export interface CommentNode {
  comment: Comment;
  /** 1 for top-level comments. */
  depth: number;
  /** The comment this one answers, when it is loaded (for "in reply to" labels). */
  parent?: Comment;
  /** Shown beside its parent rather than under it (deeper than max-depth): says whom it answers. */
  flattened?: boolean;
  children: CommentNode[];
}

const byTime = (a: Comment, b: Comment) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

/**
 * Builds the visible tree. Top-level comments follow `sort` (`top`: most liked, then oldest) with
 * pinned ones first; replies always read oldest first under their parent. A reply deeper than `maxDepth` joins its parent's level.
 * A reply whose parent is not loaded is shown at the top level. A deleted comment stays only as
 * the place of replies still shown under it; without any it leaves the tree.
 */
export function buildThreadTree(comments: readonly Comment[], sort: SortOrder, maxDepth: number): CommentNode[] {
  const limit = Math.max(1, Math.floor(maxDepth) || 1);
  const byId = new Map(comments.map((c) => [c.id, c]));
  const childrenOf = new Map<string, Comment[]>();
  const roots: Comment[] = [];
  for (const comment of comments) {
    const parentId = comment.parentId;
    if (parentId && byId.has(parentId) && parentId !== comment.id) {
      let siblings = childrenOf.get(parentId);
      if (!siblings) childrenOf.set(parentId, (siblings = []));
      siblings.push(comment);
    } else {
      roots.push(comment);
    }
  }
  // Whether a comment shows: not deleted, or holding a reply that shows (memoised; cycles end it).
  const shows = new Map<string, boolean>();
  const kept = (comment: Comment): boolean => {
    let known = shows.get(comment.id);
    if (known === undefined) {
      shows.set(comment.id, false);
      known = comment.status !== 'deleted' || (childrenOf.get(comment.id) ?? []).some(kept);
      shows.set(comment.id, known);
    }
    return known;
  };
  roots.sort(
    (a, b) =>
      Number(!!b.pinned) - Number(!!a.pinned) ||
      (sort === 'top' ? (b.likeCount ?? 0) - (a.likeCount ?? 0) : 0) ||
      (sort === 'newest' ? byTime(b, a) : byTime(a, b)),
  );

  const seen = new Set<string>();
  // Appends `comment` and its descendants into `into`, flattening below maxDepth.
  const place = (comment: Comment, depth: number, into: CommentNode[], flattened = false) => {
    if (seen.has(comment.id) || !kept(comment)) return; // `seen` guards against cycles in bad data
    seen.add(comment.id);
    const parent = comment.parentId ? byId.get(comment.parentId) : undefined;
    const node: CommentNode = {comment, depth, parent, children: [], ...(flattened ? {flattened} : {})};
    into.push(node);
    const replies = (childrenOf.get(comment.id) ?? []).sort(byTime);
    for (const reply of replies) {
      if (depth < limit) place(reply, depth + 1, node.children);
      else place(reply, depth, into, true);
    }
  };
  const tree: CommentNode[] = [];
  for (const root of roots) place(root, 1, tree);
  return tree;
}
