// Build-time stand-in for the `idb` package in the widget's bundle. @firebase/app uses it only to
// keep its heartbeat (a daily note of which Firebase SDKs ran) in IndexedDB: openDB with an
// upgrade callback, then one transaction at a time with get or put on one object store, and
// `done`. This does the same on plain IndexedDB requests in a tenth of the bytes.
// test/build/stand-ins.test.ts runs it against the browser's IndexedDB the way @firebase/app does.

/** A request's result as a promise. */
function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function openDB(name, version, {upgrade} = {}) {
  const request = indexedDB.open(name, version);
  request.onupgradeneeded = (event) => upgrade?.(request.result, event.oldVersion);
  return promised(request).then((db) => ({
    transaction(storeName, mode = 'readonly') {
      const tx = db.transaction(storeName, mode);
      const done = new Promise((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
      });
      done.catch(() => {}); // awaited by the caller when it wants it; never an unhandled rejection
      return {
        done,
        objectStore(store) {
          const objects = tx.objectStore(store);
          return {get: (key) => promised(objects.get(key)), put: (value, key) => promised(objects.put(value, key))};
        },
      };
    },
  }));
}
