import {html, nothing, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import type {Author, Comment} from '../model/comment.js';
import {parseBody, type Paragraph} from '../model/body-text.js';
import type {CommentNode} from '../model/thread-tree.js';
import type {Messages} from '../i18n/en.js';
import {exactTime, relativeTime} from '../i18n/format.js';

export interface CommentViewContext {
  messages: Messages;
  lang: string;
  now: Date;
  /** The comment being answered, to mark its Reply button as pressed. */
  replyingTo: string | null;
  onReply: (comment: Comment) => void;
}

/** Only http(s) links leave the widget: a `javascript:` website can never become a link. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const LINK_REL = 'nofollow ugc noopener';

function renderParagraph(paragraph: Paragraph): TemplateResult {
  // dir=auto: each paragraph takes the direction of its own text, whatever the page's language.
  return html`<p dir="auto">
    ${paragraph.map(
      (line, i) =>
        html`${i > 0 ? html`<br />` : nothing}${line.map((run) =>
          run.kind === 'link'
            ? html`<a href=${safeHttpUrl(run.href) ?? '#'} rel=${LINK_REL} target="_blank">${run.text}</a>`
            : run.text,
        )}`,
    )}
  </p>`;
}

function initials(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?';
}

// A stable hue per author, so initials avatars are told apart at a glance.
function hue(uid: string): number {
  let h = 0;
  for (const ch of uid) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

function hideBrokenImage(event: Event) {
  (event.target as HTMLImageElement).hidden = true;
}

function renderAvatar(author: Author): TemplateResult {
  const src = safeHttpUrl(author.avatarUrl);
  return html`<span part="avatar" class="avatar" style="--lar-avatar-hue: ${hue(author.uid)}" aria-hidden="true"
    >${initials(author.name)}${src
      ? html`<img src=${src} alt="" loading="lazy" referrerpolicy="no-referrer" @error=${hideBrokenImage} />`
      : nothing}</span
  >`;
}

function renderAuthor(author: Author): TemplateResult {
  const href = safeHttpUrl(author.url);
  return href
    ? html`<a part="author" class="author" dir="auto" href=${href} rel=${LINK_REL} target="_blank">${author.name}</a>`
    : html`<span part="author" class="author" dir="auto">${author.name}</span>`;
}

export function renderComment(node: CommentNode, ctx: CommentViewContext): TemplateResult {
  const {comment, parent} = node;
  const {messages, lang} = ctx;
  const label = parent ? messages.inReplyTo(parent.author.name) : undefined;
  return html`<li
    part="comment"
    class="comment"
    id=${`comment-${comment.id}`}
    data-depth=${node.depth}
    aria-busy=${comment.sending ? 'true' : 'false'}
  >
    <article aria-label=${`${comment.author.name}${label ? `, ${label}` : ''}`}>
      <header class="comment-head">
        ${renderAvatar(comment.author)}
        <div class="byline">
          ${renderAuthor(comment.author)}
          <span part="meta" class="meta">
            <a class="permalink" href=${`#comment-${comment.id}`}
              ><time datetime=${comment.createdAt.toISOString()} title=${exactTime(comment.createdAt, lang)}
                >${relativeTime(comment.createdAt, ctx.now, lang)}</time
              ></a
            >${comment.sending ? html` · <span class="sending">${messages.sending}</span>` : nothing}
            ${label && node.depth === 1 ? html` · <span class="in-reply-to">${label}</span>` : nothing}
          </span>
        </div>
      </header>
      ${comment.status === 'pending' ? html`<p part="status" class="pending">${messages.awaitingModeration}</p>` : nothing}
      <div part="body" class="body">${parseBody(comment.body).map(renderParagraph)}</div>
      <div part="actions" class="actions">
        <button
          part="reply-button"
          type="button"
          class="reply"
          aria-label=${messages.replyTo(comment.author.name)}
          aria-pressed=${ctx.replyingTo === comment.id ? 'true' : 'false'}
          @click=${() => ctx.onReply(comment)}
        >
          ${messages.reply}
        </button>
      </div>
    </article>
    ${node.children.length ? html`<ol class="children">${renderComments(node.children, ctx)}</ol>` : nothing}
  </li>`;
}

export function renderComments(nodes: CommentNode[], ctx: CommentViewContext): TemplateResult {
  return html`${repeat(
    nodes,
    (node) => node.comment.id,
    (node) => renderComment(node, ctx),
  )}`;
}
