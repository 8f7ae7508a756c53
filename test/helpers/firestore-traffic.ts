/**
 * Watches the requests the Firestore store makes (firestore/lite calls the page's `fetch`) to count
 * what Firestore bills: documents read per answer, documents written per commit. It can also cut
 * the connection: requests then fail as `fetch` fails offline. That is a stand-in for a network
 * drop, since a real one would also cut this test page off the test runner.
 */

/** One write of a commit: the document's path (from `threads/…`) and the fields it sets. */
export interface RecordedWrite {
  path: string;
  fields: string[];
  /** Fields set to the server's time (serverTimestamp()); `fields` has them, and increments, too. */
  serverTimes: string[];
  /** The write's values in Firestore's REST form. */
  values: Record<string, unknown>;
}

interface RestWrite {
  update?: {name: string; fields?: Record<string, unknown>};
  updateTransforms?: Array<{fieldPath: string; setToServerValue?: string}>;
}

export class FirestoreTraffic {
  /** Documents read, as Firestore bills them: one per document, at least one per query. */
  reads = 0;
  /** Every answered read request: a document get or a query, and the reads it cost. */
  readonly answers: Array<{kind: 'get' | 'query'; reads: number}> = [];
  /** Every commit sent, whether or not it reached the server. */
  readonly commits: RecordedWrite[][] = [];
  /** While true, every Firestore request fails as it does with no connection. */
  offline = false;
  private original?: typeof fetch;

  start(): this {
    const original = (this.original = window.fetch);
    window.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!/\/v1\/projects\/[^/]+\/databases\//.test(url)) return original(input, init);
      if (url.includes(':commit')) this.commits.push(writesOf(String(init?.body ?? '{}')));
      if (this.offline) throw new TypeError('Failed to fetch');
      const response = await original(input, init);
      if (response.ok && (url.includes(':batchGet') || url.includes(':runQuery'))) {
        const answer = (await response.clone().json()) as Array<Record<string, unknown>>;
        const get = url.includes(':batchGet');
        const reads = get
          ? answer.filter((a) => a.found || a.missing).length
          : Math.max(1, answer.filter((a) => a.document).length);
        this.reads += reads;
        this.answers.push({kind: get ? 'get' : 'query', reads});
      }
      return response;
    };
    return this;
  }

  stop(): void {
    if (this.original) window.fetch = this.original;
  }

  /** Writes of the commits so far, by document path (a retried commit counts once). */
  writtenPaths(): string[] {
    return [...new Set(this.commits.flat().map((w) => w.path))].sort();
  }
}

function writesOf(body: string): RecordedWrite[] {
  const {writes = []} = JSON.parse(body) as {writes?: RestWrite[]};
  return writes
    .filter((write) => write.update)
    .map((write) => {
      const values = write.update!.fields ?? {};
      const transforms = write.updateTransforms ?? [];
      const serverTimes = transforms.filter((t) => t.setToServerValue === 'REQUEST_TIME').map((t) => t.fieldPath);
      return {
        path: write.update!.name.replace(/^.*?\/documents\//, ''),
        fields: [...Object.keys(values), ...transforms.map((t) => t.fieldPath)].sort(),
        serverTimes,
        values,
      };
    });
}
