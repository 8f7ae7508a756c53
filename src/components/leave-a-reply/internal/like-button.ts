import {html, nothing, type TemplateResult} from 'lit';
import type {Messages} from '../../../i18n/en.js';
import {plural} from '../../../i18n/plural.js';
import type {Comment} from '../../../model/comment.js';

/**
 * A comment's Like button: pressed (`aria-pressed`) when the reader likes it, its count beside
 * it (none at 0), the count and the author in its accessible name. Rendered by the comment
 * actions, so it appears once they have loaded, after the thread's first paint.
 */
export function likeButton(comment: Comment, m: Messages, press: () => void): TemplateResult {
  const count = comment.likeCount ?? 0;
  // The count sits beside the button, out of the accessibility tree: the button's name says it.
  return html`<button
      part="like-button"
      type="button"
      class="like"
      aria-pressed=${comment.liked ? 'true' : 'false'}
      aria-label=${m.actions.likeLabel(count, comment.author.name)}
      @click=${press}
    >${m.actions.like}</button
    >${count ? html`<span class="like-count" aria-hidden="true">${plural(m.lang, count, {other: '#'})}</span>` : nothing}`;
}
