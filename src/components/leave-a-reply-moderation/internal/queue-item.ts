/**
 * One comment of the moderation queue: who wrote it, on which page (a link to the comment there),
 * when, its status, its text (as text: Lit's text bindings, never HTML) and the moderator's buttons.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {exactTime, relativeTime} from '../../../i18n/format.js';
import {PROVIDER_NAMES} from '../../../model/providers.js';
import type {QueueItem} from '../../../store/moderation-queue.js';
import {MODERATION_STRINGS as s} from './moderation-strings.js';

export type QueueAction =
  'approve' | 'hide' | 'delete' | 'confirm-delete' | 'cancel-delete' | 'approve-all' | 'block' | 'unblock';

export interface ItemState {
  /** An action on it is under way: its buttons wait. */
  busy: boolean;
  /** Its author was blocked from this queue. */
  blocked: boolean;
  /** Delete was pressed once: "Delete for good" and Cancel show instead. */
  confirmingDelete: boolean;
  /** The moderator's own comment: no blocking oneself. */
  own: boolean;
  now: Date;
  act(action: QueueAction): void;
}

/** The key of an item in the list: comment ids are unique only within their thread. */
export const keyOf = (item: QueueItem): string => `${item.thread.id}/${item.comment.id}`;

/** Ids for aria references: the key made safe for an id attribute. */
const idOf = (item: QueueItem, suffix: string) => `q-${keyOf(item).replace(/[^\w-]/g, '_')}-${suffix}`;

export function authorName(item: QueueItem): string {
  return item.comment.author.name || s.noName;
}

/**
 * The comment's address on its page (`#comment-ID`, as the widget's permalinks), only for a web
 * page: a thread's url is written by the first reader who posts on it, so it is not trusted to be
 * one (a `javascript:` URL must never become a link).
 */
export function commentLink(item: QueueItem): string | undefined {
  const {url} = item.thread;
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    const link = new URL(url);
    link.hash = `comment-${item.comment.id}`;
    return link.href;
  } catch {
    return undefined;
  }
}

export function renderQueueItem(item: QueueItem, state: ItemState): TemplateResult {
  const {comment} = item;
  const name = authorName(item);
  const provider =
    comment.author.provider === 'guest'
      ? s.guest
      : (PROVIDER_NAMES[comment.author.provider as keyof typeof PROVIDER_NAMES] ?? comment.author.provider);
  const link = commentLink(item);
  const page = item.thread.title || item.thread.url || s.untitledPage;
  const heading = idOf(item, 'heading');
  const warning = idOf(item, 'warning');
  const button = (action: QueueAction, label: string, kind = '', describedBy?: string) =>
    html`<button
      part="action"
      class=${kind}
      data-action=${action}
      ?disabled=${state.busy}
      aria-describedby=${describedBy ?? nothing}
      @click=${() => state.act(action)}
    >
      ${label}
    </button>`;

  const actions = state.confirmingDelete
    ? html`<p id=${warning}>${s.deleteWarning}</p>
        ${button('confirm-delete', s.confirmDelete, 'danger', warning)} ${button('cancel-delete', s.cancel)}`
    : html`${comment.status !== 'published' ? button('approve', s.approve, 'primary') : nothing}
      ${comment.status !== 'hidden' ? button('hide', s.hide) : nothing} ${button('delete', s.delete, 'danger')}
      ${comment.status === 'pending' ? button('approve-all', s.approveAll) : nothing}
      ${state.own ? nothing : state.blocked ? button('unblock', s.unblock) : button('block', s.block)}`;

  return html`<li part="item" class="item" data-key=${keyOf(item)}>
    <article aria-labelledby=${heading} tabindex="-1">
      <h3 class="meta" part="meta" id=${heading}>
        <span class="author" part="author">${name}</span> (${provider})
        ${state.blocked ? html`<span class="badge">${s.blockedBadge}</span>` : nothing} ${s.onPage}
        ${link ? html`<a part="page" href=${link}>${page}</a>` : html`<span part="page">${page}</span>`}
      </h3>
      <p class="meta">
        <time datetime=${comment.createdAt.toISOString()} title=${exactTime(comment.createdAt, 'en')}
          >${relativeTime(comment.createdAt, state.now, 'en')}</time
        >
        · <span class="badge">${s.statusNames[comment.status]}</span>
      </p>
      <p class="body" part="body">${comment.body}</p>
      <div class="actions" part="actions" role="group" aria-label=${s.actionsFor(name)}>
        ${actions}
      </div>
    </article>
  </li>`;
}
