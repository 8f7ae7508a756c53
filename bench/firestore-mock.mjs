// A stand-in for Firestore's REST API, as far as the widget's reads ask (documents:batchGet and
// documents:runQuery with equality, `in` and null filters, orders and a limit): answers from a
// Map of document names to plain data, at once. The request-rounds test answers every read with
// it, and `npm run bench` puts it behind the same latency as Waline's and Artalk's mock servers,
// to time the Firebase path under the same conditions as theirs.
import {firestoreFields} from './thread.mjs';

export const ROOT = 'projects/demo-lar/databases/(default)/documents';
const STAMP = '2026-01-01T00:00:00.000000Z';

function plain(value) {
  if ('nullValue' in value) return null;
  if ('stringValue' in value) return value.stringValue;
  if ('booleanValue' in value) return value.booleanValue;
  if ('integerValue' in value) return Number(value.integerValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('timestampValue' in value) return new Date(value.timestampValue);
  if ('arrayValue' in value) return (value.arrayValue.values ?? []).map(plain);
  throw new Error(`the mock cannot compare ${JSON.stringify(value)}`);
}

const field = (data, path) => path.split('.').reduce((v, key) => (v == null ? undefined : v[key]), data);
const comparable = (v) => (v instanceof Date ? v.getTime() : v);
const compare = (a, b) => {
  [a, b] = [comparable(a), comparable(b)];
  return a === b ? 0 : a === null || a === undefined || a < b ? -1 : 1;
};

function matches(data, filter) {
  if (filter.compositeFilter) {
    if (filter.compositeFilter.op !== 'AND') throw new Error('the mock only knows AND');
    return filter.compositeFilter.filters.every((f) => matches(data, f));
  }
  if (filter.unaryFilter) {
    const value = field(data, filter.unaryFilter.field.fieldPath);
    if (filter.unaryFilter.op === 'IS_NULL') return value === null;
    if (filter.unaryFilter.op === 'IS_NOT_NULL') return value !== null && value !== undefined;
    throw new Error(`the mock does not know ${filter.unaryFilter.op}`);
  }
  const {field: path, op, value} = filter.fieldFilter;
  const actual = field(data, path.fieldPath);
  const wanted = plain(value);
  if (actual === undefined) return false;
  const order = compare(actual, wanted);
  const test = {
    EQUAL: () => order === 0,
    NOT_EQUAL: () => order !== 0,
    IN: () => wanted.some((w) => compare(actual, w) === 0),
    NOT_IN: () => !wanted.some((w) => compare(actual, w) === 0),
    LESS_THAN: () => order < 0,
    LESS_THAN_OR_EQUAL: () => order <= 0,
    GREATER_THAN: () => order > 0,
    GREATER_THAN_OR_EQUAL: () => order >= 0,
  }[op];
  if (!test) throw new Error(`the mock does not know ${op}`);
  return test();
}

const found = (name, data) => ({name, fields: firestoreFields(data), createTime: STAMP, updateTime: STAMP});

/** The JSON answer of a batchGet or runQuery request. */
export function firestoreAnswer(docs, url, body) {
  const {pathname} = new URL(url);
  if (pathname.endsWith(':batchGet')) {
    return body.documents.map((name) =>
      docs.has(name) ? {found: found(name, docs.get(name)), readTime: STAMP} : {missing: name, readTime: STAMP},
    );
  }
  if (!pathname.endsWith(':runQuery')) throw new Error(`the mock does not answer ${pathname}`);
  const parent = decodeURIComponent(pathname.slice('/v1/'.length, -':runQuery'.length));
  const query = body.structuredQuery;
  if (query.startAt || query.endAt || query.offset || query.from.length !== 1 || query.from[0].allDescendants)
    throw new Error(`the mock does not know this query: ${JSON.stringify(query)}`);
  const prefix = `${parent}/${query.from[0].collectionId}/`;
  let results = [...docs].filter(
    ([name, data]) =>
      name.startsWith(prefix) &&
      !name.slice(prefix.length).includes('/') &&
      (!query.where || matches(data, query.where)),
  );
  results.sort((a, b) => {
    for (const {field: path, direction} of query.orderBy ?? []) {
      const order =
        path.fieldPath === '__name__'
          ? compare(a[0], b[0])
          : compare(field(a[1], path.fieldPath), field(b[1], path.fieldPath));
      if (order) return direction === 'DESCENDING' ? -order : order;
    }
    return compare(a[0], b[0]);
  });
  const limit = typeof query.limit === 'object' ? query.limit?.value : query.limit;
  if (limit !== undefined) results = results.slice(0, limit);
  return results.length
    ? results.map(([name, data]) => ({document: found(name, data), readTime: STAMP}))
    : [{readTime: STAMP}];
}
