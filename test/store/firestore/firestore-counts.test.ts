/**
 * Count badges on Firestore: thread documents' commentCount, read in `documentId() in [...]`
 * queries of at most 30 ids. The batching always runs; the reads run against the Firestore
 * emulator when `npm run test:emulators` started one (firestore/lite has no offline cache to
 * answer from).
 */
import {expect} from '@open-wc/testing';
import {terminate, type Firestore} from 'firebase/firestore/lite';
import type {ThreadRef} from '../../../src/model/comment.js';
import {countThreadComments, idBatches, IDS_PER_QUERY} from '../../../src/store/firestore/firestore-counts.js';
import {emulatorDb, emulatorHost, storeOn, writeAsOwner} from '../../helpers/firestore-emulator.js';

const thread = (id: string): ThreadRef => ({id, url: `https://blog.example/${id}`, title: id});

describe('Firestore comment counts: batching', () => {
  it('asks for each thread once, in groups of at most 30 ids (Firestore’s limit for `in`)', () => {
    const ids = Array.from({length: 2 * IDS_PER_QUERY + 5}, (_, i) => `review-${i}`);
    const batches = idBatches([...ids, ...ids.slice(0, 5)].map(thread));
    expect(IDS_PER_QUERY).to.equal(30);
    expect(batches.map((b) => b.length)).to.deep.equal([IDS_PER_QUERY, IDS_PER_QUERY, 5]);
    expect(batches.flat()).to.deep.equal(ids);
  });
});

describe(`Firestore comment counts against the emulator${emulatorHost ? ` at ${emulatorHost}` : ''}`, function () {
  before(function () {
    // Skipped, not failed, without one: `npm run test:emulators` starts one, or says why it could not.
    if (!emulatorHost) this.skip();
  });

  let db: Firestore;
  const prefix = `counts-${Date.now().toString(36)}-`;
  const id = (name: string) => prefix + name;

  beforeEach(() => (db = emulatorDb('counter')));
  afterEach(() => terminate(db));

  const seed = (counts: Record<string, unknown>) =>
    Promise.all(
      Object.entries(counts).map(([name, commentCount]) =>
        writeAsOwner(`threads/${id(name)}`, {url: `https://blog.example/${name}`, title: name, commentCount}),
      ),
    );

  it('reads each thread document’s commentCount, in the order asked; a thread without one counts 0', async () => {
    await seed({her: 2, arrival: 1, solaris: 0});
    const counts = await countThreadComments(
      storeOn(db).rest,
      ['arrival', 'nobody-yet', 'her', 'solaris', 'her'].map((n) => thread(id(n))),
    );
    expect(counts).to.deep.equal([1, 0, 2, 0, 2]);
  });

  it('counts more threads than one query may name', async () => {
    const names = Array.from({length: IDS_PER_QUERY + 5}, (_, i) => `many-${i}`);
    await seed(Object.fromEntries(names.map((name, i) => [name, i])));
    expect(
      await countThreadComments(
        storeOn(db).rest,
        names.map((n) => thread(id(n))),
      ),
    ).to.deep.equal(names.map((_, i) => i));
  });

  it('ignores a malformed commentCount', async () => {
    await seed({odd: 'many'});
    expect(await countThreadComments(storeOn(db).rest, [thread(id('odd'))])).to.deep.equal([0]);
  });

  it('is what FirestoreStore.countComments answers', async () => {
    await seed({three: 3});
    expect(await storeOn(db).countComments([thread(id('three')), thread(id('none'))])).to.deep.equal([3, 0]);
  });
});
