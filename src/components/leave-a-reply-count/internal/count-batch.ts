import type {ThreadRef} from '../../../model/comment.js';
import type {CommentStore} from '../../../store/comment-store.js';

interface CountRequest {
  store: Promise<CommentStore>;
  thread: Promise<ThreadRef>;
  resolve: (count: number) => void;
  reject: (error: unknown) => void;
}

let queue: CountRequest[] = [];

/**
 * The published comment count of `thread` in `store`. Requests made in the same frame are
 * collected, and each store is asked once for all of them (`countComments`), so a listing page
 * with twenty badges costs one round of reads, not twenty. The store and thread may still be
 * on their way (a backend loading, a URL being hashed): the batch waits for them together.
 */
export function countInBatch(store: Promise<CommentStore>, thread: Promise<ThreadRef>): Promise<number> {
  // Handled here at once: a store or thread that has already failed is answered at the next frame,
  // and the browser would report it unhandled until then.
  void Promise.allSettled([store, thread]);
  return new Promise((resolve, reject) => {
    if (!queue.length) nextFrame(flush);
    queue.push({store, thread, resolve, reject});
  });
}

/** The next animation frame, or a task when the page is hidden (frames are paused there). */
function nextFrame(callback: () => void) {
  let done = false;
  const once = () => {
    if (!done) callback();
    done = true;
  };
  requestAnimationFrame(once);
  setTimeout(once, 50);
}

async function flush() {
  const batch = queue;
  queue = [];
  const ready = await Promise.allSettled(batch.map((request) => Promise.all([request.store, request.thread])));
  const byStore = new Map<CommentStore, Array<{request: CountRequest; thread: ThreadRef}>>();
  ready.forEach((outcome, i) => {
    if (outcome.status === 'rejected') return batch[i].reject(outcome.reason);
    const [store, thread] = outcome.value;
    let group = byStore.get(store);
    if (!group) byStore.set(store, (group = []));
    group.push({request: batch[i], thread});
  });
  for (const [store, group] of byStore) {
    // Each thread once, however many badges show it.
    const threads = [...new Map(group.map(({thread}) => [thread.id, thread])).values()];
    store.countComments(threads).then(
      (counts) => {
        const byId = new Map(threads.map((thread, i) => [thread.id, counts[i] ?? 0]));
        for (const {request, thread} of group) request.resolve(byId.get(thread.id) ?? 0);
      },
      (error: unknown) => group.forEach(({request}) => request.reject(error)),
    );
  }
}
