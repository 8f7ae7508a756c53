import type {Comment} from '../model/comment.js';

/** Fired when a reader's comment has been accepted by the backend. */
export class CommentPostedEvent extends CustomEvent<Comment> {
  static readonly eventName = 'lar-comment-posted';
  constructor(comment: Comment) {
    super(CommentPostedEvent.eventName, {detail: comment, bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lar-comment-posted': CommentPostedEvent;
  }
}
