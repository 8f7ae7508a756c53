/**
 * What the comment section loads as a chunk of its own once the thread has painted, so the
 * thread shows without waiting for it: the reply form (with sign-in, provider icons, drafts and
 * validation), the thread's JSON-LD for search engines, the lar-sign-in and lar-sign-out events,
 * and what the buttons on a comment do (Edit, Delete, moderation).
 */
import './reply-form.js';

export {SessionController} from '../auth/session-controller.js';
export {CommentActions} from './comment-actions.js';
export {JsonLdController} from './json-ld-controller.js';
