/**
 * The Firestore store's writes: posts, edits, deletes, moderation, locks. A module of its own,
 * loaded once the first thread view has rendered (or at the first write), so the code a reader
 * needs only to write is not on the way to the thread's first render. It asks the store for what
 * it shares with the views through FirestoreContext (firestore-context.ts).
 */
import {
  doc,
  getDoc,
  increment,
  serverTimestamp,
  writeBatch,
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
} from 'firebase/firestore/lite';
import type {Author, Comment, CommentStatus, NewComment, ThreadRef} from '../../model/comment.js';
import {LIMITS} from '../../model/limits.js';
import type {SiteConfig} from '../../model/site-config.js';
import type {ModerationChange, SettledAuthor, Subscription, Viewer} from '../comment-store.js';
import {threadFromData, toStoreError, type ThreadDoc} from './firestore-adapter.js';
import type {FirestoreContext} from './firestore-context.js';
import type {FirestoreThreadWatch} from './firestore-thread-watch.js';
import {
  approvesAuthor,
  authorRefusal,
  bodyProblem,
  editRefusal,
  moderationRefusal,
  postRefusal,
  published,
  removeRefusal,
  replyRefusal,
  statusAfterEdit,
  statusOfNewComment,
  storedAuthor,
  type Writer,
} from '../policy.js';
import {StoreError} from '../comment-store.js';
import {untilOnline} from '../../shell/until-online.js';
import {timeOfOrderedId, timeOrderedId} from '../../model/comment-id.js';

export {timeOfOrderedId, timeOrderedId};

/** Author fields as stored: exactly the keys the rules allow, no undefined values. */
function authorData(author: Author): Record<string, string> {
  return {
    uid: author.uid,
    name: author.name,
    provider: author.provider,
    ...(author.url ? {url: author.url} : {}),
    ...(author.avatarUrl ? {avatarUrl: author.avatarUrl} : {}),
  };
}

export class FirestoreWrites {
  /** The guest email last written per uid, so a post writes the profile only when it changed. */
  private readonly emails = new Map<string, string>();
  /** When each account last posted and edited through this store (the rules' limits are site-wide). */
  private readonly lastPostAt = new Map<string, number>();
  /** Ids of the posts this store saw land. */
  private readonly landedIds = new Set<string>();
  private readonly lastEditAt = new Map<string, number>();
  /** The post this store is sending: the next one is sent after it (see send). */
  private sendingTurn: Promise<void> = Promise.resolve();
  /** Posts not yet confirmed, by comment id: a change to one waits for it to land first. */
  private readonly posting = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: FirestoreContext,
    private readonly db: Firestore,
  ) {}

  post(thread: ThreadRef, input: NewComment, settling?: Promise<SettledAuthor>): Promise<Comment> {
    const id = input.id ?? timeOrderedId();
    const posting = this.send(thread, input, id, settling);
    this.posting.set(id, posting);
    const done = () => this.posting.delete(id);
    posting.then(done, done);
    return posting;
  }

  private async send(
    thread: ThreadRef,
    input: NewComment,
    id: string,
    settling?: Promise<SettledAuthor>,
  ): Promise<Comment> {
    const known = this.store.lastSeen(thread.id);
    // At once where the view has read them already (it starts that read as it opens).
    let site = await this.store.siteConfig();
    // Unread (offline), the settings are a guess: a refusal then reads them once more and sends
    // again as they say (once: a site whose rules hide config/site must not spin here).
    let siteGuessed = !this.store.knownSiteConfig();
    const commentRef = doc(this.db, 'threads', thread.id, 'comments', id);
    const refusalOf = (candidate: NewComment) => {
      // The rules' rate limit, told before a write when this store knows the reader's last post
      // (their stamp, posters/{uid}, is read only to explain a refusal: it costs a read). Sending
      // again a post that landed from here is no new post: no rate limit for it. Nor is a guessed
      // interval (the defaults, config/site unread) a reason to refuse: the rules know the real one.
      const unlimited = this.landedIds.has(id) || siteGuessed;
      const problem = bodyProblem(candidate.body);
      return (
        postRefusal({
          locked: !!known?.locked,
          site,
          lastPostAt: unlimited ? undefined : this.lastPostAt.get(candidate.author.uid),
        }) ??
        authorRefusal(candidate.author) ??
        (problem ? new StoreError('invalid', problem) : undefined)
      );
    };
    const refusal = refusalOf(input);
    if (refusal) throw refusal;
    let given = input.author;
    let author = storedAuthor(given, site);
    // Shown at once as sending: the author's account and role are settled (and the status decided
    // from them) while the reader already sees their comment.
    let local: Comment = {
      id: commentRef.id,
      parentId: input.parentId,
      ...(input.parentId ? {rootId: input.rootId ?? input.parentId} : {}),
      body: input.body,
      author: {...author},
      createdAt: new Date(timeOfOrderedId(commentRef.id) ?? Date.now()),
      status: statusOfNewComment(site, {moderator: false, approved: false}, input.body, author),
      likeCount: 0,
      sending: true,
    };
    this.tellWatches((watch) => watch.showPosted(thread.id, local));
    let status: 'published' | 'pending';
    try {
      if (settling) {
        input = {...input, ...(await settling)};
        given = input.author;
        author = storedAuthor(given, site);
        const late = refusalOf(input);
        if (late) throw late;
      }
      status = statusOfNewComment(site, await this.writer(site, author), input.body, author);
    } catch (error) {
      this.tellWatches((watch) => watch.forgetPosted(thread.id, commentRef.id));
      throw error;
    }
    const uid = author.uid;
    const stampKey = uid;
    const previousPost = this.lastPostAt.get(stampKey);
    this.lastPostAt.set(stampKey, Date.now());
    input = {...input, author};
    local = {...local, author: {...author}, status};
    this.tellWatches((watch) => watch.updatePosted(thread.id, local));

    const email = input.email?.trim();
    const writeEmail = !!email && this.emails.get(uid) !== email;
    if (writeEmail) this.emails.set(uid, email);

    // One post at a time from this store: two at once (a queue sent as the connection returns)
    // would race each other for the reader's rate-limit stamp and for creating the thread, and the
    // rules would refuse the one that lost.
    const previousTurn = this.sendingTurn;
    let endTurn!: () => void;
    this.sendingTurn = new Promise((resolve) => (endTurn = resolve));
    await previousTurn;
    try {
      // The thread's createdAt is written only when the thread is new. When no view has told us,
      // guess "new"; the rules refuse a wrong guess either way, and a retry flips it (below).
      const seen = this.store.lastSeen(thread.id);
      let asNew = !seen?.exists;
      // Later posts in this view no longer count as new, even before a poll confirms it.
      const assumed: ThreadDoc = {...(seen ?? threadFromData(undefined)), exists: true};
      this.store.see(thread.id, assumed);
      let flips = 0;
      let offlineTries = 0;
      for (;;) {
        try {
          await this.commit(thread, input, commentRef, status, asNew, writeEmail ? email : undefined);
          break;
        } catch (error) {
          const storeError = toStoreError(error);
          // Offline: wait for the connection and send it again; the view shows it as sending.
          if (storeError.code === 'unavailable') {
            await untilOnline(++offlineTries);
            continue;
          }
          offlineTries = 0; // an answer came: a later blip waits a second again, not longer and longer
          // Refused because it is already there (a write whose answer was lost, a reload, another tab
          // sending the same draft): then it is posted, once. Unable to look: wait, and send again.
          const landed = storeError.code === 'permission-denied' ? await this.landed(commentRef, input) : false;
          if (landed) break;
          if (landed === undefined) {
            await untilOnline(++offlineTries);
            continue;
          }
          // The site's settings could not be read, so their defaults decided how this post was
          // written (published or held, the picture kept or not): read them, then send it as they say.
          if (storeError.code === 'permission-denied' && siteGuessed) {
            siteGuessed = false;
            await untilOnline(++offlineTries);
            site = await this.store.siteConfig();
            input = {...input, author: storedAuthor(given, site)};
            status = statusOfNewComment(site, await this.writer(site, input.author), input.body, input.author);
            local = {...local, author: input.author, status};
            this.tellWatches((watch) => watch.updatePosted(thread.id, local));
            continue;
          }
          // A wrong guess of whether the thread is new: flip it. Twice at most, since a thread comes
          // into being only once: "exists" (taken from this view) before another tab's first post
          // landed, then "new" after it did.
          if (storeError.code === 'permission-denied' && flips < 2) {
            flips++;
            asNew = !asNew;
            continue;
          }
          if (writeEmail && this.emails.get(uid) === email) this.emails.delete(uid);
          if (previousPost === undefined) this.lastPostAt.delete(stampKey);
          else this.lastPostAt.set(stampKey, previousPost);
          if (this.store.lastSeen(thread.id) === assumed) this.store.see(thread.id, seen);
          this.tellWatches((watch) => watch.forgetPosted(thread.id, commentRef.id));
          if (storeError.code !== 'permission-denied') throw storeError;
          // The site's settings may have changed since they were read: read them again next time.
          this.store.forgetSiteConfig();
          throw (await this.whyRefused(thread, input, site)) ?? storeError;
        }
      }
    } finally {
      endTurn();
    }
    this.landedIds.add(id);
    const confirmed: Comment = {...local, sending: undefined};
    delete confirmed.sending;
    this.tellWatches((watch) => {
      watch.updatePosted(thread.id, confirmed);
      watch.pollNow(thread.id);
    });
    return confirmed;
  }

  /**
   * Whether the comment on the server shows `change` (its status, body, pin) already; undefined
   * when that could not be read (offline): not knowing is not "no".
   */
  private async changed(thread: ThreadRef, id: string, change: Partial<Comment>): Promise<boolean | undefined> {
    const snapshot = await readOrUnknown(doc(this.db, 'threads', thread.id, 'comments', id));
    if (snapshot === undefined) return undefined;
    const fields = ['status', 'body', 'pinned'] as const;
    return (
      !!snapshot?.exists() &&
      fields.every((field) => change[field] === undefined || snapshot.get(field) === change[field])
    );
  }

  /**
   * Whether this reader's comment with this id is on the server already (sent before, by any tab);
   * undefined when that could not be read (offline).
   */
  private async landed(ref: DocumentReference, input: Pick<NewComment, 'author'>): Promise<boolean | undefined> {
    const snapshot = await readOrUnknown(ref);
    if (snapshot === undefined) return undefined;
    return !!snapshot?.exists() && snapshot.get('author.uid') === input.author.uid;
  }

  /** Whether `by`'s comment `id` is on the server (a draft restored after a reload asks); rejects when it cannot tell. */
  async isPosted(thread: ThreadRef, id: string, by: Viewer): Promise<boolean> {
    const ref = doc(this.db, 'threads', thread.id, 'comments', id);
    const landed = await this.landed(ref, {author: {...by, name: ''}});
    if (landed === undefined) throw new StoreError('unavailable', 'offline');
    return landed;
  }

  /** "Notify me of new comments via email.": its module loads only for a reader who ticked the box. */
  subscribe(thread: ThreadRef, subscription: Subscription, by: Viewer): Promise<void> {
    return import('./firestore-subscriptions.js').then(({writeSubscription}) =>
      writeSubscription(this.db, thread.id, by.uid, subscription),
    );
  }

  async edit(thread: ThreadRef, comment: Comment, body: string, by: Viewer): Promise<void> {
    const site = await this.store.siteConfig();
    const refusal = editRefusal(comment, by, body, site, this.lastEditAt.get(by.uid));
    if (refusal) throw refusal;
    const writer = comment.status === 'published' ? await this.writer(site, by) : {moderator: false, approved: false};
    const status = statusAfterEdit(comment, site, writer, body) ? ({status: 'pending'} as const) : {};
    const previous = this.lastEditAt.get(by.uid);
    this.lastEditAt.set(by.uid, Date.now());
    try {
      await this.change(
        thread,
        comment,
        {body, editedAt: serverTimestamp(), ...status},
        {body, editedAt: new Date(), ...status},
        {stamp: by.uid},
      );
    } catch (error) {
      if (previous === undefined) this.lastEditAt.delete(by.uid);
      else this.lastEditAt.set(by.uid, previous);
      if (error instanceof StoreError && error.code === 'permission-denied') {
        throw (await this.stampWait(by.uid, 'editedAt', LIMITS.editIntervalSeconds)) ?? error;
      }
      throw error;
    }
  }

  async remove(thread: ThreadRef, comment: Comment, by: Viewer): Promise<void> {
    const moderator = comment.author.uid !== by.uid && (await this.store.isModerator(by));
    const refusal = removeRefusal(comment, by, moderator);
    if (refusal) throw refusal;
    // Anyone may read a deleted comment (a placeholder holding its replies): it keeps no name.
    const author = {uid: comment.author.uid, name: '', provider: comment.author.provider};
    await this.change(thread, comment, {status: 'deleted', body: '', author}, {status: 'deleted', body: '', author});
  }

  async moderate(thread: ThreadRef, comment: Comment, change: ModerationChange, by: Viewer): Promise<void> {
    const refusal = moderationRefusal(await this.store.isModerator(by), comment);
    if (refusal) throw refusal;
    const data: DocumentData = {
      ...(change.status ? {status: change.status} : {}),
      ...(change.pinned !== undefined ? {pinned: change.pinned} : {}),
    };
    await this.change(
      thread,
      comment,
      data,
      {...change},
      {
        approveAuthor: approvesAuthor(comment, change) ? comment.author.uid : undefined,
      },
    );
  }

  /** Who writes, as the policy asks: whether they moderate, and (first-time mode only) are approved. */
  private async writer(site: SiteConfig, who: Viewer): Promise<Writer> {
    const moderator = await this.store.isModerator(who);
    const approved = !moderator && site.moderation === 'first-time' ? await this.isApproved(who.uid) : false;
    return {moderator, approved};
  }

  /** users/{uid}.approved, which only moderators set; read only in first-time mode. */
  private isApproved(uid: string): Promise<boolean> {
    return getDoc(doc(this.db, 'users', uid)).then(
      (snapshot) => snapshot.get('approved') === true,
      () => false, // unknown: posting as pending is always allowed
    );
  }

  private tellWatches(tell: (watch: FirestoreThreadWatch) => void): void {
    this.store.tellWatches(tell);
  }

  /**
   * One batch: the comment's change and the thread naming it (with its counts when the status
   * moves one; the rules tie the two), so polling views see the change; `approveAuthor` marks
   * that author approved; `stamp` stamps an author's edit (the rules' edit interval). Views show
   * `shown` at once; offline, the batch waits for the connection.
   */
  private async change(
    thread: ThreadRef,
    comment: Comment,
    data: DocumentData,
    shown: Partial<Comment>,
    {approveAuthor, stamp}: {approveAuthor?: string; stamp?: string} = {},
  ): Promise<void> {
    this.tellWatches((watch) => watch.showChange(thread.id, comment.id, shown));
    // A comment still being posted from here must exist before it can change (lite keeps no queue).
    await this.posting.get(comment.id)?.catch(() => {});
    for (let offlineTries = 1; ; offlineTries++) {
      const batch = writeBatch(this.db);
      batch.update(doc(this.db, 'threads', thread.id, 'comments', comment.id), data);
      const counts = countChanges(comment.status, data.status ?? comment.status);
      batch.update(doc(this.db, 'threads', thread.id), {
        ...counts,
        lastCommentId: comment.id,
        changedAt: serverTimestamp(),
      });
      if (approveAuthor) batch.set(doc(this.db, 'users', approveAuthor), {approved: true}, {merge: true});
      if (stamp) batch.set(doc(this.db, 'posters', stamp), {editedAt: serverTimestamp()}, {merge: true});
      try {
        await batch.commit();
        break;
      } catch (error) {
        const storeError = toStoreError(error);
        if (storeError.code === 'unavailable') {
          await untilOnline(offlineTries);
          continue;
        }
        // Refused as a repeat: done if the comment already reads as changed (an earlier try whose
        // answer was lost, or another tab or moderator who made the same change first).
        const landed = storeError.code === 'permission-denied' && (await this.changed(thread, comment.id, shown));
        if (landed) break;
        if (landed === undefined) {
          await untilOnline(offlineTries);
          continue;
        }
        this.tellWatches((watch) => watch.showChange(thread.id, comment.id, undefined));
        throw storeError;
      }
    }
    this.tellWatches((watch) => watch.pollNow(thread.id));
  }

  /**
   * One batch of three writes: the comment; the thread with its counts naming it (its url and
   * title only when it is new: nobody rewrites them later); and the author's rate-limit stamp in
   * posters/{uid}, a document only they write (the rules compare it with their previous one).
   * Plus the guest's email, when it changed, in their private profile.
   */
  private commit(
    thread: ThreadRef,
    input: NewComment,
    commentRef: DocumentReference,
    status: 'published' | 'pending',
    asNew: boolean,
    email: string | undefined,
  ): Promise<void> {
    const batch = writeBatch(this.db);
    batch.set(commentRef, {
      parentId: input.parentId,
      rootId: input.parentId ? (input.rootId ?? input.parentId) : null,
      body: input.body,
      author: authorData(input.author),
      createdAt: serverTimestamp(),
      status,
      likeCount: 0,
    });
    batch.set(
      doc(this.db, 'threads', thread.id),
      {
        ...countChanges('none', status, true),
        // Lets the rules check that every count change comes with a new comment.
        lastCommentId: commentRef.id,
        ...(asNew ? {url: thread.url, title: thread.title, createdAt: serverTimestamp()} : {}),
      },
      {merge: true},
    );
    batch.set(doc(this.db, 'posters', input.author.uid), {postedAt: serverTimestamp()}, {merge: true});
    if (email) batch.set(doc(this.db, 'users', input.author.uid, 'private', 'profile'), {email}, {merge: true});
    return batch.commit();
  }

  /**
   * Why the rules refused a post, in a reader's terms, when that can be found out: the rate limit
   * (the author's stamp, posters/{uid}), a thread closed since it was read, or a reply to a comment
   * no longer visible. Reads one to three documents, only after a refusal.
   */
  private async whyRefused(thread: ThreadRef, input: NewComment, site: SiteConfig): Promise<StoreError | undefined> {
    const wait = await this.stampWait(input.author.uid, 'postedAt', site.postIntervalSeconds);
    if (wait) return wait;
    const threadDoc = await readPatiently(doc(this.db, 'threads', thread.id));
    if (threadDoc?.get('locked') === true) return postRefusal({locked: true, site});
    if (input.parentId !== null) {
      // Not readable (or not there): not published.
      const parent = await readPatiently(doc(this.db, 'threads', thread.id, 'comments', input.parentId));
      return replyRefusal(input.parentId, parent?.exists() ? ({status: parent.get('status')} as Comment) : undefined);
    }
    return undefined;
  }

  /** A rate-limit refusal when the account's stamp `field` is within `seconds` of now; else undefined. */
  private async stampWait(
    uid: string,
    field: 'postedAt' | 'editedAt',
    seconds: number,
  ): Promise<StoreError | undefined> {
    const stamp = (await readPatiently(doc(this.db, 'posters', uid)))?.get(field) as {toMillis(): number} | undefined;
    const wait = stamp ? stamp.toMillis() + seconds * 1000 - Date.now() : 0;
    if (wait <= 0) return undefined;
    const after = Math.ceil(wait / 1000);
    return new StoreError('rate-limited', `Please wait ${after} s before trying again.`, {retryAfterSeconds: after});
  }
}

/** A document, null when this reader may not read it, undefined when it could not be asked (offline). */
async function readOrUnknown(ref: DocumentReference): Promise<DocumentSnapshot | null | undefined> {
  try {
    return await getDoc(ref);
  } catch (error) {
    return toStoreError(error).code === 'unavailable' ? undefined : null;
  }
}

/** readOrUnknown, asked up to three times: a read dropped once is no reason to leave a refusal unexplained. */
async function readPatiently(ref: DocumentReference): Promise<DocumentSnapshot | null | undefined> {
  for (let tries = 1; ; tries++) {
    const snapshot = await readOrUnknown(ref);
    if (snapshot !== undefined || tries === 3) return snapshot;
    await untilOnline(tries);
  }
}

/**
 * The thread's count changes for a comment going from `was` to `now` ('none': a new comment), or
 * undefined when none moves. A new thread needs commentCount even when it stays 0 (`always`).
 */

function countChanges(was: CommentStatus | 'none', now: CommentStatus, always = false): DocumentData | undefined {
  const pending = (status: CommentStatus | 'none') => (status === 'pending' ? 1 : 0);
  const publishedOf = (status: CommentStatus | 'none') => (status === 'none' ? 0 : published(status));
  const dPublished = publishedOf(now) - publishedOf(was);
  const dPending = pending(now) - pending(was);
  if (!dPublished && !dPending && !always) return undefined;
  return {
    ...(dPublished || always ? {commentCount: increment(dPublished)} : {}),
    ...(dPending ? {pendingCount: increment(dPending)} : {}),
  };
}
