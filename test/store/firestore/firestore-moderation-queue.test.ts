/**
 * The moderation queue's Firestore queries and the indexes a site deploys: the emulator runs any
 * query without an index, so only this comparison notices a query that production would refuse
 * ("The query requires an index"). The queue itself runs against the emulator in
 * test/components/leave-a-reply-moderation/moderation-queue.test.ts.
 */
import {expect} from '@open-wc/testing';
import {QUEUE_INDEXES} from '../../../src/store/firestore/firestore-moderation-queue.js';

interface Index {
  collectionGroup: string;
  queryScope: string;
  fields: Array<{fieldPath: string; order?: string}>;
}

describe('the moderation queue’s indexes', () => {
  it('has a COLLECTION_GROUP index in firestore.indexes.json for each of its queries', async () => {
    const {indexes} = (await (await fetch('/firestore.indexes.json')).json()) as {indexes: Index[]};
    const deployed = indexes
      .filter((index) => index.collectionGroup === 'comments' && index.queryScope === 'COLLECTION_GROUP')
      .map((index) => JSON.stringify(index.fields.map((f) => [f.fieldPath, f.order])));
    expect(QUEUE_INDEXES.length).to.be.greaterThan(0);
    for (const fields of QUEUE_INDEXES) expect(deployed).to.include(JSON.stringify(fields));
  });
});
