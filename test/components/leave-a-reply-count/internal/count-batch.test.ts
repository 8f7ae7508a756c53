import {expect} from '@open-wc/testing';
import {countInBatch} from '../../../../src/components/leave-a-reply-count/internal/count-batch.js';
import type {ThreadRef} from '../../../../src/model/comment.js';
import type {CommentStore} from '../../../../src/store/comment-store.js';

const thread = (id: string): ThreadRef => ({id, url: `https://blog.example/${id}`, title: id});

/** A store that answers counts from a table and records each call. */
function countingStore(counts: Record<string, number>) {
  const calls: string[][] = [];
  const store = {
    countComments: async (threads: ThreadRef[]) => {
      calls.push(threads.map((t) => t.id));
      return threads.map((t) => counts[t.id] ?? 0);
    },
  } as unknown as CommentStore;
  return {store, calls};
}

describe('countInBatch', () => {
  it('asks each store once for all the counts requested in the same frame, each thread once', async () => {
    const a = countingStore({her: 2, arrival: 5});
    const b = countingStore({other: 1});
    const results = await Promise.all([
      countInBatch(Promise.resolve(a.store), Promise.resolve(thread('her'))),
      countInBatch(Promise.resolve(a.store), Promise.resolve(thread('arrival'))),
      countInBatch(Promise.resolve(a.store), Promise.resolve(thread('her'))),
      countInBatch(Promise.resolve(b.store), Promise.resolve(thread('other'))),
    ]);
    expect(results).to.deep.equal([2, 5, 2, 1]);
    expect(a.calls).to.deep.equal([['her', 'arrival']]);
    expect(b.calls).to.deep.equal([['other']]);
  });

  it('waits for a store or thread still on its way, and fails only the requests whose own parts failed', async () => {
    const a = countingStore({late: 3});
    let giveThread!: (t: ThreadRef) => void;
    const late = countInBatch(Promise.resolve(a.store), new Promise<ThreadRef>((resolve) => (giveThread = resolve)));
    const broken = countInBatch(Promise.reject(new Error('no backend')), Promise.resolve(thread('x')));
    setTimeout(() => giveThread(thread('late')), 20);
    expect(await late).to.equal(3);
    const error = await broken.then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).to.equal('no backend');
  });

  it('asks again in a later frame: batches do not leak into each other', async () => {
    const a = countingStore({one: 1, two: 2});
    expect(await countInBatch(Promise.resolve(a.store), Promise.resolve(thread('one')))).to.equal(1);
    expect(await countInBatch(Promise.resolve(a.store), Promise.resolve(thread('two')))).to.equal(2);
    expect(a.calls).to.deep.equal([['one'], ['two']]);
  });
});
