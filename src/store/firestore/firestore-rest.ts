/**
 * The reading half's way to Firestore: its REST API over plain `fetch`, not firestore/lite's
 * getDoc/getDocs. Three reasons, all on the way to a thread's first comment (README: Performance):
 * - no Firebase SDK has to load and run before the first read (it follows the first render, for
 *   writes and sign-in);
 * - a reader who is not signed in sends CORS "simple" requests (a text/plain POST, no custom
 *   header), so no preflight waits in front of each kind of read;
 * - lite's query code (some 4.7 KB gzip) stays off the page.
 * The queries are spelled in the REST API's JSON here, as firestore/lite would send them (its order
 * by `__name__` made explicit), so they use the same indexes (firestore.indexes.json). Writes keep
 * the SDK (firestore-writes.ts): batches, server timestamps and increments.
 */
import {FIRESTORE_ORIGIN} from './firestore-origin.js';
import {StoreError} from '../comment-store.js';
import {toStoreError} from './firestore-adapter.js';

/** A field value in the REST API's JSON. */
type RestValue = Record<string, unknown>;
type Fields = Record<string, RestValue>;

/** A document as read. */
export interface StoredDoc {
  id: string;
  /** The full resource name (projects/…/documents/…): a query's cursor names it. */
  name: string;
  /** The fields as plain values (timestamps as Dates, integers as numbers), as the model reads them. */
  data: Record<string, unknown>;
  /** The fields as the server sent them, for cursors that must be exact (timestamps to the microsecond). */
  fields: Fields;
}

/** Where the database is, and what credentials to send (none: the reads anyone may make). */
export interface RestTarget {
  projectId: string;
  databaseId: string;
  apiKey?: string;
  /** "host:port" of the Firestore emulator. */
  emulator?: string;
  /**
   * Auth and App Check headers, as the SDK would send them (firebase-sdk.ts); `{}` when nobody is
   * signed in. Given at once when they are known, a request goes out in the same task as its call.
   */
  credentials: () => Record<string, string> | Promise<Record<string, string>>;
}

/** Accepts "host:port", "[::1]:port" or "http://host:port". */
export function parseHostPort(value: string, attribute: string): {host: string; port: number} {
  const match = /^(?:https?:\/\/)?(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(value.trim());
  const port = Number(match?.[2]);
  if (!match || !(port > 0 && port < 65536)) {
    throw new StoreError('invalid', `${attribute}="${value}" is not host:port (for example 127.0.0.1:8080).`);
  }
  return {host: match[1], port};
}

export class FirestoreRest {
  /** projects/{p}/databases/{d}/documents */
  private readonly root: string;
  private readonly origin: string;

  constructor(private readonly target: RestTarget) {
    this.root = `projects/${encodeURIComponent(target.projectId)}/databases/${encodeURIComponent(target.databaseId)}/documents`;
    const emulator = target.emulator && parseHostPort(target.emulator, 'firestore-emulator');
    this.origin = emulator ? `http://${emulator.host}:${emulator.port}` : FIRESTORE_ORIGIN;
  }

  /** A document's full name, as queries and cursors name it. */
  name(path: string): string {
    return `${this.root}/${path}`;
  }

  /** One document by its path ("threads/abc"), undefined when it does not exist. */
  async get(path: string): Promise<StoredDoc | undefined> {
    const [answer] = (await this.call(':batchGet', {documents: [this.name(path)]})) as {found?: RestDoc}[];
    return answer?.found && storedDoc(answer.found);
  }

  /** The documents a query finds, under `parent` ("threads/abc"; "" for the top collections). */
  async query(parent: string, structuredQuery: StructuredQuery): Promise<StoredDoc[]> {
    const segments = parent ? parent.split('/').map((segment) => `/${encodeURIComponent(segment)}`) : [];
    const answers = (await this.call(`${segments.join('')}:runQuery`, {structuredQuery})) as {
      document?: RestDoc;
    }[];
    return answers.flatMap((answer) => (answer.document ? [storedDoc(answer.document)] : []));
  }

  private async call(path: string, body: object): Promise<unknown[]> {
    const key = this.target.apiKey ? `?key=${encodeURIComponent(this.target.apiKey)}` : '';
    // Outside the try: credentials that cannot be had (App Check's SDK failed to load) are that
    // error, not a lost connection.
    const given = this.target.credentials();
    const headers = given instanceof Promise ? await given : given;
    let response: Response;
    try {
      // A string body goes as text/plain, which the REST API takes as JSON (firestore/lite sends it so too).
      response = await fetch(`${this.origin}/v1/${this.root}${path}${key}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new StoreError('unavailable', `Request failed with error: ${String(error)}`);
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.ok && Array.isArray(answer)) return answer;
    const problem = ((Array.isArray(answer) ? answer[0] : answer) as {error?: {message?: string}})?.error;
    // As firestore/lite reads a failed answer, its code from the HTTP status; a server error (500 and
    // up) or an answer that is not the API's is worth trying again later (firestore-adapter.ts).
    const {status} = response;
    const code =
      HTTP_CODES[status] ?? (status >= 500 ? 'unavailable' : status >= 400 ? 'failed-precondition' : 'unknown');
    const message = `Request failed with error: ${problem?.message ?? response.statusText}`;
    throw toStoreError(Object.assign(new Error(message), {code}));
  }
}

/** The SDK's codes for the HTTP statuses the REST API answers with (as firestore/lite maps them). */
const HTTP_CODES: Record<number, string> = {
  400: 'failed-precondition',
  401: 'unauthenticated',
  403: 'permission-denied',
  404: 'not-found',
  409: 'aborted',
  429: 'resource-exhausted',
  500: 'unknown',
  503: 'unavailable',
  504: 'deadline-exceeded',
};

interface RestDoc {
  name: string;
  fields?: Fields;
}

function storedDoc({name, fields = {}}: RestDoc): StoredDoc {
  return {id: name.slice(name.lastIndexOf('/') + 1), name, data: plainFields(fields), fields};
}

function plainFields(fields: Fields): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, plain(value)]));
}

function plain(value: RestValue): unknown {
  if ('mapValue' in value) return plainFields((value.mapValue as {fields?: Fields}).fields ?? {});
  if ('arrayValue' in value) return ((value.arrayValue as {values?: RestValue[]}).values ?? []).map(plain);
  // RFC 3339 with up to nine digits of a second: Date parses three for certain.
  if ('timestampValue' in value) return new Date((value.timestampValue as string).replace(/(\.\d{3})\d+/, '$1'));
  if ('integerValue' in value) return Number(value.integerValue);
  return Object.values(value)[0]; // a string, boolean, double or null as it is
}

// --- queries, in the REST API's JSON ---

export type StructuredQuery = Record<string, unknown>;
type Filter = Record<string, unknown>;
export type Direction = 'asc' | 'desc';

const restValue = (value: string | null | string[]): RestValue =>
  value === null
    ? {nullValue: null}
    : Array.isArray(value)
      ? {arrayValue: {values: value.map(restValue)}}
      : {stringValue: value};

/** `field == value`, or `field in values`; `== null` as the SDK sends it (IS_NULL). */
export function where(field: string, op: '==' | 'in', value: string | null | string[]): Filter {
  const fieldPath = {fieldPath: field};
  return value === null
    ? {unaryFilter: {field: fieldPath, op: 'IS_NULL'}}
    : {fieldFilter: {field: fieldPath, op: op === 'in' ? 'IN' : 'EQUAL', value: restValue(value)}};
}

/**
 * A query of a thread's comments: its filters, its order (then by document name in the last
 * field's direction, as the SDK orders), what it starts after, and how many.
 */
export function commentsQuery(
  filters: Filter[],
  order: [string, Direction][],
  {after, limit}: {after?: StoredDoc; limit?: number} = {},
): StructuredQuery {
  const fullOrder: [string, Direction][] = [...order, ['__name__', order.at(-1)?.[1] ?? 'asc']];
  return {
    from: [{collectionId: 'comments'}],
    where: filters.length === 1 ? filters[0] : {compositeFilter: {op: 'AND', filters}},
    orderBy: fullOrder.map(([fieldPath, direction]) => ({
      field: {fieldPath},
      direction: direction === 'desc' ? 'DESCENDING' : 'ASCENDING',
    })),
    ...(after && {
      startAt: {
        values: fullOrder.map(([field]) =>
          field === '__name__' ? {referenceValue: after.name} : (after.fields[field] ?? {nullValue: null}),
        ),
        before: false,
      },
    }),
    ...(limit !== undefined && {limit}),
  };
}
