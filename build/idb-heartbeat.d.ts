export interface HeartbeatStore {
  get(key: IDBValidKey): Promise<unknown>;
  put(value: unknown, key: IDBValidKey): Promise<IDBValidKey>;
}
export interface HeartbeatTransaction {
  done: Promise<void>;
  objectStore(name: string): HeartbeatStore;
}
export function openDB(
  name: string,
  version: number,
  options?: {upgrade?: (db: IDBDatabase, oldVersion: number) => void},
): Promise<{transaction(store: string, mode?: IDBTransactionMode): HeartbeatTransaction}>;
