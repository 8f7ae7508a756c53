/**
 * Comment counts for count badges, read from the thread documents' `commentCount` field (the
 * Firestore store keeps it with every post). Kept apart from firestore-store.ts so it is plain to
 * see what a listing page costs: one document read per thread counted, however many badges.
 */
import type {ThreadRef} from '../../model/comment.js';
import {threadFromData, toStoreError} from './firestore-adapter.js';
import type {FirestoreRest} from './firestore-rest.js';
import {untilOnline} from '../../shell/until-online.js';

/** Firestore's limit on the values of one `in` filter. */
export const IDS_PER_QUERY = 30;

/**
 * The published comment count of each thread, in the order asked. Thread documents are read in
 * queries of up to 30 ids (`__name__ in [...]`, over the REST API), all at once; a thread without a
 * document (nobody has commented) counts 0. Each id is read once, however often it is asked for.
 */
export async function countThreadComments(rest: FirestoreRest, threads: ThreadRef[]): Promise<number[]> {
  // A dropped answer or a moment offline is asked again twice (after 1 s, then 2 s) before a badge gives up.
  for (let tries = 1; ; tries++) {
    try {
      return await readCounts(rest, threads);
    } catch (error) {
      if (toStoreError(error).code !== 'unavailable' || tries === 3) throw error;
      await untilOnline(tries);
    }
  }
}

async function readCounts(rest: FirestoreRest, threads: ThreadRef[]): Promise<number[]> {
  const counts = new Map<string, number>();
  await Promise.all(
    idBatches(threads).map(async (chunk) => {
      const names = chunk.map((id) => ({referenceValue: rest.name(`threads/${id}`)}));
      const found = await rest.query('', {
        from: [{collectionId: 'threads'}],
        where: {fieldFilter: {field: {fieldPath: '__name__'}, op: 'IN', value: {arrayValue: {values: names}}}},
      });
      for (const thread of found) counts.set(thread.id, threadFromData(thread.data).count);
    }),
  );
  return threads.map((thread) => counts.get(thread.id) ?? 0);
}

/** The distinct thread ids, in groups small enough for one `in` query. */
export function idBatches(threads: ThreadRef[]): string[][] {
  const ids = [...new Set(threads.map((thread) => thread.id))];
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) batches.push(ids.slice(i, i + IDS_PER_QUERY));
  return batches;
}
