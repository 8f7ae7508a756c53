/**
 * Builds a Firestore data bundle (the format `loadBundle` reads) so an offline test can put
 * server-confirmed documents into the SDK's cache: real Timestamps, no pending writes, the same
 * state a reader has after the server answered. See firebase.google.com/docs/firestore/bundles.
 */
type Value = string | number | boolean | null | Date | {[key: string]: Value};

export interface BundledDoc {
  /** e.g. "threads/t1/comments/c1" */
  path: string;
  fields: Record<string, Value>;
  /** The server time of the document's last write. */
  updateTime?: Date;
}

function timestamp(date: Date) {
  return {seconds: Math.floor(date.getTime() / 1000), nanos: (date.getTime() % 1000) * 1_000_000};
}

function toProto(value: Value): unknown {
  if (value === null) return {nullValue: null};
  if (typeof value === 'string') return {stringValue: value};
  if (typeof value === 'boolean') return {booleanValue: value};
  if (typeof value === 'number') return Number.isInteger(value) ? {integerValue: String(value)} : {doubleValue: value};
  if (value instanceof Date) return {timestampValue: timestamp(value)};
  return {mapValue: {fields: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toProto(v)]))}};
}

export function buildBundle(projectId: string, docs: BundledDoc[], readTime = new Date()): string {
  const encoder = new TextEncoder();
  const root = `projects/${projectId}/databases/(default)/documents`;
  const elements: unknown[] = [];
  for (const doc of docs) {
    const name = `${root}/${doc.path}`;
    const time = timestamp(doc.updateTime ?? readTime);
    elements.push({documentMetadata: {name, readTime: timestamp(readTime), exists: true}});
    elements.push({
      document: {
        name,
        fields: Object.fromEntries(Object.entries(doc.fields).map(([k, v]) => [k, toProto(v)])),
        createTime: time,
        updateTime: time,
      },
    });
  }
  const frame = (element: unknown) => {
    const json = JSON.stringify(element);
    return `${encoder.encode(json).length}${json}`;
  };
  const body = elements.map(frame).join('');
  // totalBytes counts the whole bundle, metadata included; its own digits change its length.
  let totalBytes = encoder.encode(body).length;
  for (;;) {
    const metadata = frame({
      metadata: {id: `bundle-${readTime.getTime()}`, createTime: timestamp(readTime), version: 1, totalDocuments: docs.length, totalBytes},
    });
    const size = encoder.encode(metadata).length + encoder.encode(body).length;
    if (size === totalBytes) return metadata + body;
    totalBytes = size;
  }
}
