/**
 * The npm entry: registers `<leave-a-reply>`, `<leave-a-reply-count>` and `<leave-a-reply-config>`, and exports its types, events and the store seam
 * for developers who bring their own backend.
 */
export {
  LeaveAReplyConfigElement,
  LeaveAReplyCountElement,
  LeaveAReplyElement,
  registerLanguage,
  type Messages,
  type ShippedLanguage,
  type StringOverrides,
} from './leave-a-reply.js';
export {CommentPostedEvent} from './events/comment-posted-event.js';
export {LarErrorEvent, type LarErrorDetail} from './events/error-event.js';
export {SignInEvent} from './events/sign-in-event.js';
export {SignOutEvent} from './events/sign-out-event.js';
export type {
  Author,
  AuthorProvider,
  Comment,
  CommentStatus,
  NewComment,
  SortOrder,
  ThreadRef,
} from './model/comment.js';
export {LIMITS} from './model/limits.js';
export {normalizePageUrl, threadIdForUrl} from './model/page-identity.js';
export {
  commentStoreContext,
  StoreError,
  type CommentStore,
  type ThreadState,
  type ThreadWatch,
  type WatchOptions,
} from './store/comment-store.js';
export {
  sessionContext,
  SessionError,
  type OAuthProviderName,
  type ResumedSignIn,
  type Session,
  type SessionErrorCode,
  type SessionUser,
  type SignInKind,
  type SignInOutcome,
} from './auth/session.js';
export {MemoryStore} from './store/memory/memory-store.js';
export type {FirebaseOptions} from './boot/firebase-options.js';
