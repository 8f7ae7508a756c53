/**
 * The Firestore comment store: its state (private) and the reading half, with
 * firestore-thread-watch.ts (polled thread views) and firestore-counts.ts (count badges); the
 * writing half is firestore-writes.ts. The parts ask the store only through the narrow
 * FirestoreContext (firestore-context.ts). This folder alone imports `firebase/firestore` (lint),
 * and only its writing side at run time (test/e2e/boundaries.test.mjs).
 *
 * Data model (firestore.rules is the gate):
 *   threads/{threadId}                 url, title, createdAt, commentCount, pendingCount?, lastCommentId,
 *                                      changedAt?, locked?
 *   threads/{threadId}/comments/{id}   parentId, body, author, createdAt, status, editedAt?, pinned?,
 *                                      likeCount? (firestore-likes.ts)
 *   threads/{threadId}/likes/{uid}     ids, changed (what one reader likes; owner-only)
 *   posters/{uid}                      postedAt?, editedAt? (the account's rate-limit stamps; owner-only)
 *   users/{uid}                        approved? (set by moderators)
 *   users/{uid}/private/profile        email (guests; owner-only)
 *   subscriptions/{threadId}/subscribers/{uid}
 *                                      email, createdAt, lang? (owner-only; firestore-subscriptions.ts)
 *   admins/{uid}, config/site          moderators; the site's moderation settings (console-written)
 *
 * It reads over Firestore's REST API (firestore-rest.ts), so a thread's first render needs no Firebase
 * SDK, and writes with firestore/lite (about a third of the full SDK's size), loaded after that first
 * render (firebase-sdk.ts; README: Performance). Both go straight to the server: live updates are
 * polls of the thread document, and a post made offline waits and goes out when the connection
 * returns (the form also keeps the text as a draft).
 *
 * Reads are budgeted: a thread view reads its thread document first and queries comments
 * only when that document says there are some, so an empty thread costs one read. What only some
 * viewers need costs only them: a moderator's pending/hidden query, a reader's own pending
 * comments (only when the thread counts some), config/site (when posting or editing, or when the
 * viewer has comments of their own in view), admins/{uid} (signed-in readers other than guests).
 */
import type {Firestore} from 'firebase/firestore/lite';
import type {Comment, NewComment, ThreadRef} from '../../model/comment.js';
import {SITE_DEFAULTS, siteConfigFrom, type SiteConfig} from '../../model/site-config.js';
import {
  type CommentStore,
  type ModerationChange,
  type SettledAuthor,
  type Subscription,
  type ThreadState,
  type ThreadWatch,
  type Viewer,
  type WatchOptions,
} from '../comment-store.js';
import {toStoreError, type ThreadDoc} from './firestore-adapter.js';
import type {FirestoreContext} from './firestore-context.js';
import type {FirestoreRest} from './firestore-rest.js';
import {FirestoreThreadWatch} from './firestore-thread-watch.js';
import type {FirestoreWrites} from './firestore-writes.js';
import {POLL_TIMING, type PollTiming} from './poll-schedule.js';

/**
 * Where the store reads and writes: the REST API for reading (firestore-rest.ts), and the SDK's
 * Firestore for writing, loaded when first needed (firebase-sdk.ts), so a thread's first render
 * waits for no SDK.
 */
export interface FirestoreAccess {
  rest: FirestoreRest;
  firestore: () => Promise<Firestore>;
}

export class FirestoreStore implements CommentStore {
  /** What thread views last saw, so a post knows whether the thread is new without a read. */
  private readonly threads = new Map<string, ThreadDoc>();
  /** config/site, read once when first needed (a post, an edit, a viewer with comments of their own). */
  private site?: Promise<SiteConfig>;
  /** The settings once read, for thread views to show the edit window. */
  private knownSite?: SiteConfig;
  private readonly moderators = new Map<string, Promise<boolean>>();
  private readonly watches = new Set<FirestoreThreadWatch>();
  private writes?: Promise<FirestoreWrites>;
  /** All the parts may ask of the store (firestore-context.ts). */
  private readonly context: FirestoreContext;

  readonly rest: FirestoreRest;
  /** The SDK's Firestore, loaded at the first write (or a like, or a moderator's action). */
  readonly firestore: () => Promise<Firestore>;

  /** `pollTiming`: how often open views look for changes (tests make it short). */
  constructor(
    access: FirestoreAccess,
    private readonly pollTiming: PollTiming = POLL_TIMING,
  ) {
    this.rest = access.rest;
    this.firestore = access.firestore;
    this.context = {
      rest: access.rest,
      siteConfig: () => this.siteConfig(),
      knownSiteConfig: () => this.knownSite,
      forgetSiteConfig: () => (this.site = undefined),
      isModerator: (viewer) => this.isModerator(viewer),
      knowsModerator: (viewer) => viewer.provider === 'guest' || this.moderators.has(viewer.uid),
      lastSeen: (threadId) => this.threads.get(threadId),
      see: (threadId, thread) => (thread ? this.threads.set(threadId, thread) : this.threads.delete(threadId)),
      tellWatches: (tell) => this.watches.forEach(tell),
      writer: () => this.writer(),
    };
  }

  watchThread(thread: ThreadRef, options: WatchOptions, onChange: (state: ThreadState) => void): ThreadWatch {
    const watch = new FirestoreThreadWatch(this.context, thread.id, options, onChange, this.pollTiming);
    this.watches.add(watch);
    watch.onClose = () => this.watches.delete(watch);
    return watch;
  }

  /**
   * Count badges: one read per thread, in batched queries (firestore-counts.ts, loaded on first
   * use: a page with only a thread never needs it).
   */
  countComments(threads: ThreadRef[]): Promise<number[]> {
    return import('./firestore-counts.js')
      .then(({countThreadComments}) => countThreadComments(this.rest, threads))
      .catch((error: unknown) => Promise.reject(toStoreError(error)));
  }

  async post(thread: ThreadRef, input: NewComment, settling?: Promise<SettledAuthor>): Promise<Comment> {
    return (await this.writer()).post(thread, input, settling);
  }

  async isPosted(thread: ThreadRef, id: string, by: Viewer): Promise<boolean> {
    return (await this.writer()).isPosted(thread, id, by);
  }

  async subscribe(thread: ThreadRef, subscription: Subscription, by: Viewer): Promise<void> {
    return (await this.writer()).subscribe(thread, subscription, by);
  }

  async edit(thread: ThreadRef, comment: Comment, body: string, by: Viewer): Promise<void> {
    return (await this.writer()).edit(thread, comment, body, by);
  }

  async remove(thread: ThreadRef, comment: Comment, by: Viewer): Promise<void> {
    return (await this.writer()).remove(thread, comment, by);
  }

  async moderate(thread: ThreadRef, comment: Comment, change: ModerationChange, by: Viewer): Promise<void> {
    return (await this.writer()).moderate(thread, comment, change, by);
  }

  /** Likes: their module loads at the first press (the Like button shows on confirmed comments only). */
  async like(thread: ThreadRef, comment: Comment, liked: boolean, by: Viewer): Promise<void> {
    const [{likeAs}, db] = await Promise.all([import('./firestore-likes.js'), this.firestore()]);
    return likeAs(this.context, db, thread, comment, liked, by);
  }

  /** Closing and reopening: a moderator's action, its module loaded at first use. */
  async setLocked(thread: ThreadRef, locked: boolean, by: Viewer): Promise<void> {
    const [{setLocked}, db] = await Promise.all([import('./firestore-thread-lock.js'), this.firestore()]);
    return setLocked(this.context, db, thread, locked, by);
  }

  /** The writing half (firestore-writes.ts): loaded at the first write, or once a view has shown its thread. */
  private writer(): Promise<FirestoreWrites> {
    if (!this.writes) {
      this.writes = Promise.all([import('./firestore-writes.js'), this.firestore()]).then(
        ([{FirestoreWrites}, db]) => new FirestoreWrites(this.context, db),
      );
      this.writes.catch(() => (this.writes = undefined)); // a failed load is tried again next time
    }
    return this.writes;
  }

  /** config/site with defaults; offline, the settings last read or else the defaults (the rules have the last word). */
  private siteConfig(): Promise<SiteConfig> {
    this.site ??= this.rest.get('config/site').then(
      (found) => {
        const site = siteConfigFrom(found?.data);
        if (!this.knownSite || JSON.stringify(site) !== JSON.stringify(this.knownSite)) {
          this.knownSite = site;
          this.watches.forEach((watch) => watch.refresh());
        }
        return site;
      },
      () => {
        this.site = undefined; // try again next time; meanwhile the settings last read, or the defaults
        return {...(this.knownSite ?? SITE_DEFAULTS)};
      },
    );
    return this.site;
  }

  /**
   * Whether the viewer moderates (admins/{uid} exists), read once per reader. Guests (anonymous
   * accounts) are taken as readers without a read: a site's moderators sign in with an account.
   */
  private isModerator(viewer: Viewer): Promise<boolean> {
    if (viewer.provider === 'guest') return Promise.resolve(false);
    let answer = this.moderators.get(viewer.uid);
    if (!answer) {
      answer = this.rest.get(`admins/${viewer.uid}`).then(
        (found) => found !== undefined,
        (error: unknown) => {
          // Offline: ask again next time. Refused: not theirs to read, so not a moderator.
          if (toStoreError(error).code === 'unavailable') this.moderators.delete(viewer.uid);
          return false;
        },
      );
      this.moderators.set(viewer.uid, answer);
    }
    return answer;
  }
}
