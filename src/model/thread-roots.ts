/**
 * The top-level comment of each comment of a thread: where its chain of parents ends. A reply
 * stores it as `rootId` (the rules check it against its parent), and pages read replies by it;
 * the command line works it out again for comments that lack it or name a reply instead.
 */
export interface Linked {
  id: string;
  parentId: string | null;
}

/**
 * By comment id: the id of the top-level comment its chain of parents ends at (its own id for a
 * top-level comment), or undefined when the chain is broken (a parent not in `comments`) or loops.
 */
export function topLevelIds(comments: readonly Linked[]): Map<string, string | undefined> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const roots = new Map<string, string | undefined>();
  for (const comment of comments) {
    const path = new Set<string>();
    let at: Linked | undefined = comment;
    let root: string | undefined;
    // Walks up until a known answer, the top, a missing parent, or a comment already on the path.
    for (;;) {
      if (roots.has(at.id)) {
        root = roots.get(at.id);
        break;
      }
      if (path.has(at.id)) break; // a loop: every comment on it has no top
      path.add(at.id);
      if (!at.parentId) {
        root = at.id;
        break;
      }
      at = byId.get(at.parentId);
      if (!at) break;
    }
    for (const id of path) roots.set(id, root);
  }
  return roots;
}
