/**
 * What the comment section loads as a chunk of its own once the thread has painted, so the
 * thread shows without waiting for it: replying and the Leave a Reply form (with sign-in,
 * provider icons, drafts and validation), what the buttons on a comment do (Edit, Delete,
 * moderation), the thread's JSON-LD for search engines, the lar-sign-in and lar-sign-out events,
 * relative times that keep moving, and links to comments that work.
 */
export {SessionController} from '../../../controllers/session-controller.js';
export {CommentActions} from './comment-actions.js';
export {JsonLdController} from '../../../controllers/json-ld-controller.js';
export {ReplyFlow} from './reply-flow.js';
export {RelativeTimeController} from '../../../controllers/relative-time-controller.js';
export {followCommentLinks} from './follow-comment-links.js';
