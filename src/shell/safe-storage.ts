/**
 * Web Storage that may be missing: blocked cookies, private modes and sandboxed frames make
 * `localStorage` throw (even reading the property), and a full quota makes writes throw. Every
 * module keeps what it remembers through these, and a blocked store only means nothing is kept
 * beyond this visit.
 */

/** Where values are kept. A function, because merely touching `localStorage` may throw. */
export type StorageArea = () => Storage;

export const localArea: StorageArea = () => localStorage;
/** This tab only. */
export const tabArea: StorageArea = () => sessionStorage;

/** The stored string, or null when there is none or storage is blocked. */
export function getStored(key: string, area: StorageArea = localArea): string | null {
  try {
    return area().getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` (removes the key for null or undefined); false when storage refused it. */
export function setStored(key: string, value: string | null | undefined, area: StorageArea = localArea): boolean {
  try {
    if (value === null || value === undefined) area().removeItem(key);
    else area().setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** A stored JSON value, or undefined when there is none, storage is blocked or the text is not JSON. */
export function getStoredJson<T>(key: string, area: StorageArea = localArea): T | undefined {
  const raw = getStored(key, area);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined; // written by an older version or another script
  }
}

/** The keys that start with `prefix` (none when storage is blocked). */
export function storedKeys(prefix: string, area: StorageArea = localArea): string[] {
  const keys: string[] = [];
  try {
    const storage = area();
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    // blocked: nothing is kept
  }
  return keys;
}

/** Stores a value as JSON (removes the key for undefined). */
export function setStoredJson(key: string, value: unknown, area: StorageArea = localArea): boolean {
  return setStored(key, value === undefined ? undefined : JSON.stringify(value), area);
}
