import type {ThreadRef} from '../../model/comment.js';
import {siteConfigFrom, type SiteConfig} from '../../model/site-config.js';
import {getStored, getStoredJson, setStored, storedKeys, type StorageArea} from '../../shell/safe-storage.js';
import {MemoryStore, type KeptComment} from './memory-store.js';

const KEY_PREFIX = 'leave-a-reply:thread:';
/**
 * A comment posted or changed since its thread was stored whole has a key of its own, so a post
 * writes one comment, not the thread: `leave-a-reply:thread:{threadId}#{commentId}`.
 */
const commentKeys = (threadId: string) => `${KEY_PREFIX}${threadId}#`;
const LOCKED_PREFIX = 'leave-a-reply:locked:';
const APPROVED_KEY = 'leave-a-reply:approved';
/**
 * The demo's moderator switch: `localStorage.setItem('leave-a-reply:moderator', 'on')` makes
 * whoever reads comments in this browser a moderator of its local comments (README: Security).
 */
export const LOCAL_MODERATOR_KEY = 'leave-a-reply:moderator';
/** Local stand-in for config/site: the same fields, as JSON (README: Security). */
export const LOCAL_SITE_KEY = 'leave-a-reply:site';

// toISOString's format, the one this store writes: such times sort as strings.
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * backend="local": comments live in this browser's localStorage, a key per thread (and one per
 * comment posted or changed since), and other tabs of the same site see changes through the
 * `storage` event.
 */
export class LocalStore extends MemoryStore {
  /** Nothing sends e-mail about comments kept in one browser: no "Notify me" checkbox. */
  override subscribe = undefined;
  private readonly area: StorageArea;

  constructor(private readonly storage?: Storage) {
    super();
    this.area = storage ? () => storage : () => localStorage;
    addEventListener('storage', this.onStorage);
    const approved = getStoredJson<unknown>(APPROVED_KEY, this.area) ?? [];
    if (Array.isArray(approved)) for (const uid of approved) if (typeof uid === 'string') this.approvedIds.add(uid);
  }

  protected override isModerator(uid: string | undefined): boolean {
    return getStored(LOCAL_MODERATOR_KEY, this.area) === 'on' || super.isModerator(uid);
  }

  /**
   * The settings from storage, else the defaults without a rate limit: comments kept in the
   * reader's own browser cost nobody anything, and a demo should not make its visitor wait.
   */
  protected override siteConfig(): SiteConfig {
    const stored = getStoredJson<unknown>(LOCAL_SITE_KEY, this.area);
    const settings = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
    return siteConfigFrom({postIntervalSeconds: 0, ...settings});
  }

  protected override loadLocked(ref: ThreadRef): boolean {
    return getStored(LOCKED_PREFIX + ref.id, this.area) === 'true';
  }

  protected override persistLocked(threadId: string, locked: boolean): void {
    setStored(LOCKED_PREFIX + threadId, locked ? 'true' : undefined, this.area);
  }

  protected override persistApproved(): void {
    setStored(APPROVED_KEY, JSON.stringify([...this.approvedIds]), this.area);
  }

  /** Read again from storage when next watched: other tabs may have changed it meanwhile. */
  protected override unwatched(threadId: string): void {
    this.threads.delete(threadId);
  }

  /** Stops following other tabs. */
  dispose(): void {
    removeEventListener('storage', this.onStorage);
  }

  private readonly onStorage = (event: StorageEvent) => {
    if (event.storageArea !== (this.storage ?? localStorage) || !event.key?.startsWith(KEY_PREFIX)) return;
    const threadId = event.key.slice(KEY_PREFIX.length).split('#')[0];
    const record = this.threads.get(threadId);
    if (!record) return;
    // Another tab wrote the thread; what this one is still sending is not in storage yet: keep it.
    const stored = this.load(record.ref);
    const storedIds = new Set(stored.map((c) => c.id));
    record.comments = [...stored, ...record.comments.filter((c) => c.sending && !storedIds.has(c.id))];
    this.changed(threadId);
  };

  /**
   * The stored comments, kept as parsed: the store sorts and pages them by their ISO times, and
   * makes Comments (with Dates) only of those it shows. A time in another format (written by
   * another script) is rewritten in toISOString's, so that it sorts with the others.
   */
  protected override load(ref: ThreadRef): KeptComment[] {
    // Unreadable data from an older version or another script: start afresh.
    const whole = getStoredJson<unknown>(KEY_PREFIX + ref.id, this.area);
    const byId = new Map<string, KeptComment>();
    for (const comment of Array.isArray(whole) ? (whole as KeptComment[]) : []) byId.set(comment.id, comment);
    // What was posted or changed since, newer than the thread's copy.
    for (const key of storedKeys(commentKeys(ref.id), this.area)) {
      const comment = getStoredJson<KeptComment>(key, this.area);
      if (comment && typeof comment.id === 'string') byId.set(comment.id, comment);
    }
    const stored = [...byId.values()];
    for (const comment of stored) {
      const time = comment.createdAt;
      if (typeof time !== 'string' || !ISO_TIME.test(time)) {
        const date = new Date(time);
        if (!Number.isNaN(date.getTime())) comment.createdAt = date.toISOString();
      }
    }
    return stored;
  }

  // Storage full or blocked (private mode): the comments still show for this visit.
  protected override persist(threadId: string, comment?: KeptComment): void {
    // One comment: its own key, whatever the thread's size.
    if (comment) {
      setStored(commentKeys(threadId) + comment.id, JSON.stringify(comment), this.area);
      return;
    }
    const record = this.threads.get(threadId);
    if (!record) return;
    // Kept as they are stored; a confirmed comment has no `sending`.
    // The comments' own keys stay: they are newer than the thread's copy (load() lets them win), and
    // one may be another tab's, or all that is left if this write does not fit.
    const confirmed = record.comments.filter((c) => !c.sending);
    setStored(KEY_PREFIX + threadId, JSON.stringify(confirmed), this.area);
  }
}
