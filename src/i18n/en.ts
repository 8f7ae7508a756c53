import {plural} from './plural.js';

/**
 * English, the default catalog. Every visible string of the widget is here; the other catalogs
 * have the same shape (the type checker holds them to it).
 */
export const en = {
  lang: 'en',
  heading: (count: number, title: string) =>
    count === 0
      ? `No thoughts yet on “${title}”`
      : plural('en', count, {one: `# thought on “${title}”`, other: `# thoughts on “${title}”`}),
  headingUntitled: (count: number) =>
    count === 0 ? 'No thoughts yet' : plural('en', count, {one: '# thought', other: '# thoughts'}),
  /** `<leave-a-reply-count>` on listing pages. */
  countBadge: (count: number) =>
    count === 0 ? 'No thoughts yet' : plural('en', count, {one: '# thought', other: '# thoughts'}),
  headingLoading: (title: string) => (title ? `Thoughts on “${title}”` : 'Thoughts'),
  leaveReply: 'Leave a Reply',
  leaveReplyTo: (name: string) => `Leave a Reply to ${name}`,
  cancelReply: 'Cancel reply',
  guestIntro: 'Fill in your details below or click an icon to log in:',
  /** The same, when there are no icons to click (guests only). */
  guestDetails: 'Fill in your details below:',
  email: 'Email (required)',
  emailNote: 'Address never made public',
  name: 'Name (required)',
  website: 'Website',
  comment: 'Comment',
  /** Under the comment box: the formatting readers may use (body-format.ts); keep the markers as they are. */
  formattingHint: '**bold**, *italic*, `code`, > quote, - list',
  /** A toggle (aria-pressed): the comment as it will show, in place of the text box. */
  preview: 'Preview',
  remember: 'Save my name, email, and website in this browser for the next time I comment.',
  /** Under the form, when the site sends e-mails about new comments (`notifications="email"`). */
  notify: 'Notify me of new comments via email.',
  /** After subscribing with an address the account has not verified: the site e-mails a link to confirm it. */
  notifyConfirm: 'Check your inbox to confirm.',
  /** The comment is posted; the subscription to new comments was refused or could not be sent. */
  notifyError: 'Your comment was posted, but email notifications could not be turned on.',
  /** The label of a field people never see (a trap for bots that fill in every field). */
  honeypot: 'Leave this field empty',
  postComment: 'Post Comment',
  posting: 'Posting…',
  reply: 'Reply',
  replyTo: (name: string) => `Reply to ${name}`,
  inReplyTo: (name: string) => `In reply to ${name}`,
  /** In place of a deleted comment that still has replies under it. */
  deletedComment: 'This comment was deleted.',
  /** Next to a commenter's name: how they signed in (providers show their brand name). */
  providerBadge: {guest: 'guest', email: 'email', custom: 'member'},
  loadMore: 'Load more comments',
  loading: 'Loading comments…',
  sending: 'Sending…',
  awaitingModeration: 'Your comment is awaiting moderation.',
  offline: 'You are offline. New comments will be sent when the connection returns.',
  locked: 'Comments are closed.',
  posted: 'Your comment was posted.',
  queued: 'Your comment will be sent when the connection returns.',
  /** The same comment is on its way from another tab of the page. */
  sendingElsewhere: 'This comment is being sent from another tab of this page…',
  newComment: (name: string) => `New comment from ${name}.`,
  draftRestored: 'Your unsent comment was restored.',
  /** A link to `#comment-ID` names a comment this reader cannot see (deleted, hidden, or awaiting moderation). */
  linkedCommentMissing:
    'The comment this link points to is not here: it may have been deleted, or be awaiting moderation.',
  loadError: 'Comments could not be loaded.',
  postError: (reason: string) => `Your comment was not posted: ${reason} Your text is still here.`,
  fixErrors: (count: number) => plural('en', count, {one: 'Please fix # field.', other: 'Please fix # fields.'}),
  errors: {
    bodyRequired: 'Please write a comment.',
    bodyTooLong: (limit: number, length: number) =>
      plural('en', length, {
        one: `Your comment is # character; the limit is ${limit.toLocaleString('en')}.`,
        other: `Your comment is # characters; the limit is ${limit.toLocaleString('en')}.`,
      }),
    bodyTooManyLinks: (limit: number) =>
      plural('en', limit, {
        one: 'A comment may contain at most # link.',
        other: 'A comment may contain at most # links.',
      }),
    nameRequired: 'Please enter your name.',
    nameTooLong: (limit: number) =>
      plural('en', limit, {one: 'Names are limited to # character.', other: 'Names are limited to # characters.'}),
    emailRequired: 'Please enter your email address. It is never made public.',
    emailInvalid: 'Please enter a valid email address, like name@example.com.',
    emailTooLong: (limit: number) =>
      plural('en', limit, {
        one: 'Email addresses are limited to # character.',
        other: 'Email addresses are limited to # characters.',
      }),
    urlInvalid: 'Please enter a web address, like https://example.com.',
    urlTooLong: (limit: number) =>
      plural('en', limit, {
        one: 'Web addresses are limited to # character.',
        other: 'Web addresses are limited to # characters.',
      }),
    postTooSoon: (seconds: number) =>
      plural('en', seconds, {
        one: 'Please wait # second before posting again.',
        other: 'Please wait # seconds before posting again.',
      }),
  },
  /** The sign-in area. Provider names (Google, GitHub, X, …) are brand names and stay as they are. */
  signIn: {
    intro: 'Click an icon to log in:',
    logInWith: (provider: string) => `Log in with ${provider}`,
    logInWithEmail: 'Log in with a link sent by email',
    emailName: 'email',
    connecting: (provider: string) => `Connecting to ${provider}…`,
    signedIn: (provider: string) => `You are commenting using your ${provider} account.`,
    signedInEmail: 'You are commenting using your email address.',
    signedInSite: 'You are commenting using your account on this site.',
    logOut: 'Log Out',
    change: 'Change',
    keep: 'Cancel',
    asGuest: 'Comment as a guest',
    loggedOut: 'You have logged out.',
    linked: (provider: string) => `Your earlier comments as a guest are now part of your ${provider} account.`,
    switched: (provider: string) =>
      `That ${provider} account was already in use here, so you are now logged in with it. Comments you wrote as a guest stay under your guest name.`,
    emailLabel: 'Your email address',
    sendLink: 'Send link',
    sendingLink: 'Sending the link…',
    linkSent: (email: string) =>
      `We sent a sign-in link to ${email}. Open it in this browser to finish logging in; your comment will be waiting.`,
    confirmEmail: 'Confirm your email address to finish logging in:',
    logIn: 'Log in',
    finishing: 'Logging you in…',
    required: 'Please log in to comment.',
    errors: {
      cancelled: 'Logging in was cancelled. Your comment is still here.',
      notEnabled: (provider: string) =>
        `Logging in with ${provider} is not turned on for this site. Your comment is still here.`,
      accountExists:
        'That email address belongs to an account that logs in another way. Log in the way you did before. Your comment is still here.',
      invalidLink: 'This sign-in link has expired or was already used. Ask for a new one below.',
      invalidEmail: 'Please enter a valid email address, like name@example.com.',
      linkResent: (email: string) =>
        `${email} already has an account here, so we sent a new link that logs in to it. Comments you wrote as a guest stay under your guest name.`,
      network:
        'The sign-in service could not be reached. Check your connection and try again. Your comment is still here.',
      failed: (provider: string) =>
        `Could not log in with ${provider}. Please try again in a moment. Your comment is still here.`,
    },
  },
  /** A comment's actions besides Reply: its author's, and a moderator's. */
  actions: {
    edit: 'Edit',
    delete: 'Delete',
    approve: 'Approve',
    hide: 'Hide',
    pin: 'Pin',
    unpin: 'Unpin',
    copyLink: 'Copy link',
    like: 'Like',
    /** The Like button's accessible name: its count, and whose comment it is. */
    likeLabel: (count: number, name: string) =>
      plural('en', count, {one: `Like (# like, comment by ${name})`, other: `Like (# likes, comment by ${name})`}),
    /** A signed-out reader's like needs a guest account, and none could be made. */
    likeNeedsAccount: 'Liking needs a guest account, which could not be created.',
    /** A button's accessible name: its action, then whose comment it acts on. */
    on: (action: string, name: string) => `${action} (comment by ${name})`,
    editLabel: 'Edit your comment',
    save: 'Save',
    cancel: 'Cancel',
    confirmDelete: 'Delete this comment?',
    edited: 'edited',
    editedAt: (time: string) => `Edited ${time}`,
    pendingBadge: 'Awaiting moderation',
    hiddenBadge: 'Hidden',
    pinnedBadge: 'Pinned',
    closeComments: 'Close comments',
    reopenComments: 'Reopen comments',
    saved: 'Your edit was saved.',
    savedPending: 'Your edit was saved and is awaiting moderation.',
    deleted: 'The comment was deleted.',
    approved: 'The comment was approved.',
    hidden: 'The comment was hidden.',
    pinned: 'The comment was pinned.',
    unpinned: 'The comment was unpinned.',
    closed: 'Comments are now closed.',
    reopened: 'Comments are open again.',
    linkCopied: 'Link copied.',
    /** When the clipboard cannot be written: the link is in the address bar instead. */
    linkInAddressBar: 'The link is in the address bar.',
    failed: (reason: string) => `That did not work: ${reason}`,
    notAllowed: 'You are not allowed to do that.',
    expired: 'The time to edit this comment is over.',
  },
  /** Why the backend refused a post or a change, in the reader's words (never the backend's text). */
  refusals: {
    refused: 'The site did not accept it.',
    tryAgainIn: (seconds: number) =>
      plural('en', seconds, {
        one: 'Please wait # second and try again.',
        other: 'Please wait # seconds and try again.',
      }),
    gone: 'The comment you are answering is no longer there.',
    invalid: 'It was not accepted as written. Please check it and try again.',
    offline: 'You seem to be offline. Please try again when the connection returns.',
    busy: 'The site is receiving too many comments right now. Please try again in a few minutes.',
    unknown: 'Something went wrong. Please try again.',
  },
  configError: (detail: string) => `leave-a-reply cannot start: ${detail}`,
};

export type Messages = typeof en;
