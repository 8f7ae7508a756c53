/**
 * The CommentStore contract against the Firestore emulator while about one request in twelve fails
 * as a flaky connection makes it fail: half before reaching the server (the request is lost), half
 * after it was answered (the answer is lost, so a write may have landed without the store knowing).
 * Every view must catch up by itself (reads are tried again soon), every post and change must land
 * exactly once, and nothing may be given up for a failure that was only a moment long.
 *
 * Which requests fail follows a seeded sequence, so a run can be repeated; which request comes
 * n-th still depends on timing, so each run meets a different mix. That is the point: the store
 * must hold whichever requests fail. (A fetch wrapper stands in for the network: a real cut would
 * also cut this page off the test runner.)
 */
import {setLogLevel} from 'firebase/firestore/lite';
import {emulatorContractStore, emulatorHost} from '../../helpers/firestore-emulator.js';
import {commentStoreContract} from '../store-contract.js';

/** mulberry32: a small seeded generator, so the failure sequence is the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('with the Firestore emulator, on a connection that drops requests and answers', function () {
  const original = window.fetch;
  const random = seeded(20261203);
  let failures = {before: 0, after: 0};

  before(function () {
    if (!emulatorHost) this.skip(); // `npm run test:emulators` starts one, or says why it could not
    setLogLevel('silent'); // the SDK logs every failed request; here they fail on purpose
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      // The store's Firestore requests only (the owner's REST writes set up tests: they must land).
      if (!/\/v1\/projects\/[^/]+\/databases\/.*[?&]key=/.test(url)) return original(input, init);
      const roll = random();
      if (roll < 1 / 24) {
        failures.before++;
        throw new TypeError('Failed to fetch');
      }
      const response = await original(input, init);
      if (roll < 1 / 12) {
        failures.after++;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
  });
  after(() => {
    window.fetch = original;
    setLogLevel('warn');
    if (emulatorHost)
      console.log(
        `Requests failed: ${failures.before} before reaching the emulator, ${failures.after} after its answer.`,
      );
    failures = {before: 0, after: 0};
  });

  commentStoreContract('FirestoreStore on a lossy connection', async () => ({
    ...emulatorContractStore(`guest-${Math.random().toString(36).slice(2, 10)}`),
    lossy: true,
  }));
});
