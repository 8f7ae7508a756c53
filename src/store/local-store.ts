import type {Comment, ThreadRef} from '../model/comment.js';
import {MemoryStore} from './memory-store.js';

const KEY_PREFIX = 'leave-a-reply:thread:';

type StoredComment = Omit<Comment, 'createdAt' | 'editedAt' | 'sending'> & {createdAt: string; editedAt?: string};

/**
 * backend="local": comments live in this browser's localStorage, one key per thread, and
 * other tabs of the same site see changes through the `storage` event.
 */
export class LocalStore extends MemoryStore {
  constructor(private readonly storage: Storage = localStorage) {
    super();
    addEventListener('storage', this.onStorage);
  }

  /** Stops following other tabs. */
  dispose(): void {
    removeEventListener('storage', this.onStorage);
  }

  private readonly onStorage = (event: StorageEvent) => {
    if (event.storageArea !== this.storage || !event.key?.startsWith(KEY_PREFIX)) return;
    const threadId = event.key.slice(KEY_PREFIX.length);
    const record = this.threads.get(threadId);
    if (!record) return;
    record.comments = this.load(record.ref);
    this.changed(threadId);
  };

  protected override load(ref: ThreadRef): Comment[] {
    try {
      const stored = JSON.parse(this.storage.getItem(KEY_PREFIX + ref.id) ?? '[]') as StoredComment[];
      return stored.map(({createdAt, editedAt, ...rest}) => ({
        ...rest,
        createdAt: new Date(createdAt),
        ...(editedAt ? {editedAt: new Date(editedAt)} : {}),
      }));
    } catch {
      return []; // unreadable data from an older version or another script: start afresh
    }
  }

  protected override persist(threadId: string): void {
    const record = this.threads.get(threadId);
    if (!record) return;
    const confirmed = record.comments.filter((c) => !c.sending);
    const stored: StoredComment[] = confirmed.map(({sending: _sending, createdAt, editedAt, ...rest}) => ({
      ...rest,
      createdAt: createdAt.toISOString(),
      ...(editedAt ? {editedAt: editedAt.toISOString()} : {}),
    }));
    try {
      this.storage.setItem(KEY_PREFIX + threadId, JSON.stringify(stored));
    } catch {
      // Storage full or blocked (private mode): the comments still show for this visit.
    }
  }
}
