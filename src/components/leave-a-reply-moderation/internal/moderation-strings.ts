/**
 * Every word `<leave-a-reply-moderation>` shows, in one object. English only for now: the queue is
 * for a site's moderators, not its readers (the widget's catalogs are in src/i18n/).
 */
import type {CommentStatus} from '../../../model/comment.js';
import type {QueueFilter} from '../../../store/moderation-queue.js';

export const MODERATION_STRINGS = {
  title: 'Comments to review',
  starting: 'Loading the moderation queue…',
  setupProblem: 'The moderation queue is not set up:',
  localBackend:
    'The moderation queue works with the Firebase backend only: backend="local" keeps comments in one browser.',

  signInPrompt: 'Sign in with your moderator account to review this site’s comments.',
  signInWith: (provider: string) => `Sign in with ${provider}`,
  connecting: (provider: string) => `Connecting to ${provider}…`,
  noProviders: 'No sign-in provider is set: give this element a providers attribute, e.g. providers="google".',
  signedInAs: (name: string) => `Signed in as ${name}.`,
  signedIn: 'Signed in.',
  signOut: 'Log Out',
  checking: 'Checking that you moderate this site…',
  notModerator: 'You are not a moderator of this site.',
  notModeratorHelp:
    'A site owner makes an account a moderator by creating the document admins/UID in Firestore (UID: the account’s user id).',
  yourUid: (uid: string) => `This account’s user id: ${uid}`,
  retry: 'Try again',
  checkAgain: 'Check again',
  guestNotModerator: 'You are signed in as a guest. Moderators sign in with an account.',

  filters: 'Show',
  filterNames: {pending: 'Pending', hidden: 'Hidden', recent: 'All recent'} satisfies Record<QueueFilter, string>,
  refresh: 'Refresh',
  loading: 'Loading comments…',
  empty: {
    pending: 'No comments are waiting for review.',
    hidden: 'No hidden comments.',
    recent: 'No comments yet.',
  } satisfies Record<QueueFilter, string>,
  shown: (count: number, filter: QueueFilter) =>
    `${count} ${filter === 'recent' ? 'recent' : filter} comment${count === 1 ? '' : 's'} shown.`,
  loadMore: 'Load more',

  statusNames: {
    published: 'Published',
    pending: 'Pending',
    hidden: 'Hidden',
    deleted: 'Deleted',
  } satisfies Record<CommentStatus, string>,
  guest: 'guest',
  noName: '(no name)',
  onPage: 'on',
  untitledPage: '(untitled page)',
  blockedBadge: 'Blocked',

  actionsFor: (name: string) => `Actions for the comment by ${name}`,
  approve: 'Approve',
  hide: 'Hide',
  delete: 'Delete',
  confirmDelete: 'Delete for good',
  cancel: 'Cancel',
  deleteWarning: 'Deleting cannot be undone. Press “Delete for good” to delete this comment, or Cancel.',
  approveAll: 'Approve all by this author',
  block: 'Block author',
  unblock: 'Unblock author',

  approved: (name: string) => `Approved the comment by ${name}.`,
  hidden: (name: string) => `Hid the comment by ${name}.`,
  deleted: (name: string) => `Deleted the comment by ${name}.`,
  approvedAll: (count: number, name: string) =>
    count === 0
      ? `${name} has no comments waiting for review.`
      : `Approved ${count} comment${count === 1 ? '' : 's'} by ${name}.`,
  blocked: (name: string) => `Blocked ${name}: the site now refuses their new comments and edits.`,
  unblocked: (name: string) => `Unblocked ${name}: they may comment again.`,

  errors: {
    refused:
      'Firestore refused this. The comment may have changed since it was listed (press Refresh), or this account is no longer a moderator.',
    offline: 'Firestore cannot be reached. Check the connection and try again.',
    index:
      'Firestore needs an index for this list: deploy firestore.indexes.json (firebase deploy --only firestore:indexes) and wait for it to build.',
    quota: 'Firestore is over its quota for now. Try again later.',
    unknown: 'Something went wrong. Try again.',
    signIn: 'Signing in did not work:',
  },
};

export type ModerationStrings = typeof MODERATION_STRINGS;
