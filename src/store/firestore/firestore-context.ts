/**
 * What the Firestore store's parts may ask of it: the one narrow seam between the store
 * (firestore-store.ts), its polled thread views (firestore-thread-watch.ts) and its writes
 * (firestore-writes.ts). The store keeps its state private and hands each part this object.
 */
import type {SiteConfig} from '../../model/site-config.js';
import type {Viewer} from '../comment-store.js';
import type {ThreadDoc} from './firestore-adapter.js';
import type {FirestoreRest} from './firestore-rest.js';
import type {FirestoreThreadWatch} from './firestore-thread-watch.js';
import type {FirestoreWrites} from './firestore-writes.js';

export interface FirestoreContext {
  /** The REST API the views and the store read with. */
  readonly rest: FirestoreRest;
  /** config/site with defaults, read once when first needed. */
  siteConfig(): Promise<SiteConfig>;
  /** The settings if already read (views show the edit window from them), else undefined. */
  knownSiteConfig(): SiteConfig | undefined;
  /** A write was refused: the site's settings may have changed, so read them again when next needed. */
  forgetSiteConfig(): void;
  /** Whether the viewer moderates (admins/{uid}), read once per reader. */
  isModerator(viewer: Viewer): Promise<boolean>;
  /** False while isModerator's last answer for the viewer was a guess (its read failed offline). */
  knowsModerator(viewer: Viewer): boolean;
  /** The thread document as a view or a write last saw it, so a post knows whether the thread is new. */
  lastSeen(threadId: string): ThreadDoc | undefined;
  /** Records what was seen of a thread document (undefined: forget it). */
  see(threadId: string, thread: ThreadDoc | undefined): void;
  /** Tells every open thread view of a change made here. */
  tellWatches(tell: (watch: FirestoreThreadWatch) => void): void;
  /** The writing half, loaded on first use (a view starts it once its thread has rendered). */
  writer(): Promise<FirestoreWrites>;
}
