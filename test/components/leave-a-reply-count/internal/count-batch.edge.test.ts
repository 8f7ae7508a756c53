import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {countInBatch} from '../../../../src/components/leave-a-reply-count/internal/count-batch.js';
import type {ThreadRef} from '../../../../src/model/comment.js';
import type {CommentStore} from '../../../../src/store/comment-store.js';

const thread = (id: string): ThreadRef => ({id, url: `https://blog.example/${id}`, title: id});
const outcome = (promise: Promise<number>) =>
  promise.then(
    (count) => ({count}),
    (error: Error) => ({error: error.message}),
  );

/** A store whose countComments answers with `answer` and records each call. */
function fakeStore(answer: (threads: ThreadRef[]) => Promise<number[]>) {
  const calls: string[][] = [];
  const store = {
    countComments: (threads: ThreadRef[]) => {
      calls.push(threads.map((t) => t.id));
      return answer(threads);
    },
  } as unknown as CommentStore;
  return {store, calls};
}

describe('countInBatch, edge cases', () => {
  it('fails every request to a store whose count fails, and no request to another store', async () => {
    const failing = fakeStore(() => Promise.reject(new Error('quota exceeded')));
    const working = fakeStore(async (threads) => threads.map(() => 7));
    const results = await Promise.all([
      outcome(countInBatch(Promise.resolve(failing.store), Promise.resolve(thread('a')))),
      outcome(countInBatch(Promise.resolve(working.store), Promise.resolve(thread('b')))),
      outcome(countInBatch(Promise.resolve(failing.store), Promise.resolve(thread('c')))),
    ]);
    expect(results).to.deep.equal([{error: 'quota exceeded'}, {count: 7}, {error: 'quota exceeded'}]);
    expect(failing.calls).to.deep.equal([['a', 'c']]);
  });

  it('fails only the request whose thread failed, and leaves it out of the store’s question', async () => {
    const {store, calls} = fakeStore(async (threads) => threads.map(() => 4));
    const noThread = Promise.reject(new Error('no crypto'));
    noThread.catch(() => {}); // the batch reads it a frame later: not an unhandled rejection
    const results = await Promise.all([
      outcome(countInBatch(Promise.resolve(store), noThread)),
      outcome(countInBatch(Promise.resolve(store), Promise.resolve(thread('ok')))),
    ]);
    expect(results).to.deep.equal([{error: 'no crypto'}, {count: 4}]);
    expect(calls).to.deep.equal([['ok']]);
  });

  it('answers 0 for a thread the store gave no number for', async () => {
    const {store} = fakeStore(async () => [9]);
    const results = await Promise.all([
      countInBatch(Promise.resolve(store), Promise.resolve(thread('first'))),
      countInBatch(Promise.resolve(store), Promise.resolve(thread('second'))),
    ]);
    expect(results).to.deep.equal([9, 0]);
  });

  it('keeps a thread that is asked for by several badges to one entry, with the same answer for all', async () => {
    const {store, calls} = fakeStore(async (threads) => threads.map((t) => t.id.length));
    const ids = ['aa', 'b', 'aa', 'ccc', 'b', 'aa'];
    const results = await Promise.all(
      ids.map((id) => countInBatch(Promise.resolve(store), Promise.resolve(thread(id)))),
    );
    expect(results).to.deep.equal([2, 1, 2, 3, 1, 2]);
    expect(calls).to.deep.equal([['aa', 'b', 'ccc']]);
  });

  it('still answers when animation frames do not run (a hidden page)', async () => {
    const frame = sinon.stub(window, 'requestAnimationFrame').returns(0);
    try {
      const {store, calls} = fakeStore(async (threads) => threads.map(() => 1));
      const results = await Promise.all([
        countInBatch(Promise.resolve(store), Promise.resolve(thread('x'))),
        countInBatch(Promise.resolve(store), Promise.resolve(thread('y'))),
      ]);
      expect(results).to.deep.equal([1, 1]);
      expect(calls, 'one batch, flushed once').to.deep.equal([['x', 'y']]);
      expect(frame.callCount).to.equal(1);
    } finally {
      frame.restore();
    }
  });

  it('does not let an earlier batch’s fallback timer cut the next batch short', async () => {
    const frames: FrameRequestCallback[] = [];
    const frame = sinon.stub(window, 'requestAnimationFrame').callsFake((callback) => frames.push(callback));
    const clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
    try {
      const {store, calls} = fakeStore(async (threads) => threads.map(() => 1));
      const ask = (id: string) => countInBatch(Promise.resolve(store), Promise.resolve(thread(id)));
      const first = ask('a'); // its frame, and a fallback timer due at 50 ms
      frames[0](0); // the frame comes first and flushes the batch
      expect(await first).to.equal(1);
      await clock.tickAsync(40);
      const second = ask('b'); // a new batch: its frame never comes, its timer is due at 90 ms
      await clock.tickAsync(20); // 60 ms: the first batch's timer has fired, and must have done nothing
      const third = ask('c'); // so this joins the second batch
      await clock.tickAsync(100);
      expect(await Promise.all([second, third])).to.deep.equal([1, 1]);
      expect(calls).to.deep.equal([['a'], ['b', 'c']]);
    } finally {
      clock.restore();
      frame.restore();
    }
  });
});
