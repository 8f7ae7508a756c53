import {html, nothing, type TemplateResult} from 'lit';
import {guard} from 'lit/directives/guard.js';
import {repeat} from 'lit/directives/repeat.js';
import type {OAuthProviderName} from '../../../auth/session.js';
import {isKnownAvatar} from '../../../model/avatars.js';
import type {Author, Comment} from '../../../model/comment.js';
import {PROVIDER_NAMES} from '../../../model/providers.js';
import {FORMATTING, parseBody} from '../../../model/body-text.js';
import {withinEditWindow} from '../../../model/site-config.js';
import type {CommentNode} from '../../../model/thread-tree.js';
import type {Messages} from '../../../i18n/en.js';
import {exactTime, relativeTime} from '../../../i18n/format.js';

/** What a reader can do to a comment besides replying. */
export type CommentAction =
  | 'copy-link'
  | 'edit'
  | 'save-edit'
  | 'cancel-edit'
  | 'delete'
  | 'confirm-delete'
  | 'cancel-delete'
  | 'approve'
  | 'hide'
  | 'pin'
  | 'unpin';

export interface CommentViewContext {
  messages: Messages;
  lang: string;
  now: Date;
  /** The comment being answered, to mark its Reply button as pressed. */
  replyingTo: string | null;
  onReply: (comment: Comment) => void;
  /** Replies are open (the thread is not closed). */
  canReply: boolean;
  /** The reader's uid, once they have one. */
  viewerUid: string | null;
  /** Comments this reader wrote in this visit (before their identity is known to the view). */
  ownIds: ReadonlySet<string>;
  moderator: boolean;
  editWindowMinutes: number;
  onAction: (action: CommentAction, comment: Comment) => void;
  /** What the comment actions show in a comment, once they have loaded (after the first paint). */
  inPlace?: InPlace;
}

/** What the comment actions show in place of a comment's text or buttons. */
export interface InPlace {
  /** The open editor, in place of the comment's text and buttons. */
  editor(comment: Comment): TemplateResult | undefined;
  /** "Delete this comment?", in place of its buttons. */
  confirmation(comment: Comment): TemplateResult | undefined;
  /** Why the last action on the comment failed. */
  problem(comment: Comment): string | undefined;
  /** The Like button with its count, on a published comment where the site has likes. */
  like?(comment: Comment): TemplateResult | undefined;
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

/**
 * A link in a comment's text, with nothing in it yet: only http(s) targets, opened apart, marked
 * as the reader's. Formatted bodies are given it (not importing it: see formatted-body.ts).
 */
function bodyLink(href: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.setAttribute('href', safeHttpUrl(href) ?? '#');
  a.rel = LINK_REL;
  a.target = '_blank';
  return a;
}

let formatter: Promise<typeof import('./formatted-body.js') | undefined> | undefined;

/**
 * Loads the formatter (formatted-body.ts) once: for the first body on screen that may hold
 * formatting, or for Preview. Undefined if it failed; the next body or Preview asks again.
 */
export function loadFormatter() {
  return (formatter ??= import('./formatted-body.js').catch(() => (formatter = undefined)));
}

/**
 * A comment's text as paragraphs, line breaks and links, built from text nodes and attributes:
 * never parsed as markup. Built by hand rather than as a template per paragraph, line and link,
 * which cost several times as much on a page of comments. A body that may hold formatting is
 * formatted in place once the formatter is there: in a microtask when it is (before the paint),
 * else when it has loaded (plain text until then). One path, so the first render carries little.
 */
export function bodyNodes(body: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const lines of parseBody(body)) {
    const p = document.createElement('p');
    p.dir = 'auto'; // each paragraph takes the direction of its own text, whatever the page's language
    lines.forEach((line, i) => {
      if (i > 0) p.append(document.createElement('br'));
      for (const run of line) {
        if (run.kind === 'text') {
          p.append(run.text);
          continue;
        }
        const a = bodyLink(run.href);
        a.textContent = run.text;
        p.append(a);
      }
    });
    fragment.append(p);
  }
  if (FORMATTING.test(body)) {
    const shown = [...fragment.childNodes];
    void loadFormatter().then((loaded) => loaded?.replacePlain(shown, body, bodyLink));
  }
  return fragment;
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

/**
 * The photo over the initial, when the author has one from a host readers may load (a comment
 * stored before the rules checked hosts, or by other tools, may name any URL: model/avatars.ts).
 */
function renderPhoto(author: Author): TemplateResult | typeof nothing {
  const src = isKnownAvatar(author.avatarUrl, author.provider) ? author.avatarUrl : undefined;
  return src
    ? html`<img src=${src} alt="" loading="lazy" referrerpolicy="no-referrer" @error=${hideBrokenImage} />`
    : nothing;
}

/**
 * The name, then how its author signed in ("Google", "guest"): the rules tie that badge to the
 * real sign-in, so a display name cannot pass for someone else's account unnoticed.
 */
function renderAuthor(author: Author, m: Messages): TemplateResult {
  const href = safeHttpUrl(author.url);
  const badge =
    PROVIDER_NAMES[author.provider as OAuthProviderName] ??
    m.providerBadge[author.provider as keyof Messages['providerBadge']] ??
    m.providerBadge.guest;
  return html`<span class="who"
    >${
      href
        ? html`<a part="author" class="author" dir="auto" href=${href} rel=${LINK_REL} target="_blank">${author.name}</a>`
        : html`<span part="author" class="author" dir="auto">${author.name}</span>`
    } <span part="provider" class="provider">${badge}</span></span
  >`;
}

/** What follows the time: edited, sending, and whom a flattened reply answers. */
function renderNotes(
  node: CommentNode,
  label: string | undefined,
  ctx: CommentViewContext,
): TemplateResult | typeof nothing {
  const {comment} = node;
  const m = ctx.messages;
  // A reply shown apart from its parent (paged, or deeper than max-depth) says whom it answers.
  const inReplyTo = label && (node.depth === 1 || node.flattened);
  if (!comment.editedAt && !comment.sending && !inReplyTo) return nothing;
  return html`${
    comment.editedAt
      ? html` · <span class="edited" title=${m.actions.editedAt(exactTime(comment.editedAt, ctx.lang))}>${m.actions.edited}</span>`
      : nothing
  }${comment.sending ? html` · <span class="sending">${m.sending}</span>` : nothing}${
    inReplyTo ? html` · <span class="in-reply-to">${label}</span>` : nothing
  }`;
}

/** Whether the reader wrote this comment. */
function isOwn(comment: Comment, ctx: CommentViewContext): boolean {
  return (!!ctx.viewerUid && comment.author.uid === ctx.viewerUid) || ctx.ownIds.has(comment.id);
}

/** The buttons a reader has on a comment: Reply for all; Edit and Delete for its author; the rest for moderators. */
export function commentActions(comment: Comment, ctx: CommentViewContext): CommentAction[] {
  const own = isOwn(comment, ctx);
  const live = comment.status === 'published' || comment.status === 'pending';
  const actions: CommentAction[] = comment.status === 'published' ? ['copy-link'] : [];
  if (own && live && withinEditWindow(comment.createdAt, ctx.editWindowMinutes, ctx.now)) actions.push('edit');
  if (ctx.moderator && comment.status !== 'published') actions.push('approve');
  if (ctx.moderator && live) actions.push('hide');
  if (ctx.moderator && comment.status === 'published') actions.push(comment.pinned ? 'unpin' : 'pin');
  if (own || ctx.moderator) actions.push('delete');
  return actions;
}

const ACTION_TEXT = {
  'copy-link': 'copyLink',
  edit: 'edit',
  delete: 'delete',
  approve: 'approve',
  hide: 'hide',
  pin: 'pin',
  unpin: 'unpin',
} as const;

function renderStatusLine(comment: Comment, ctx: CommentViewContext): TemplateResult | typeof nothing {
  const m = ctx.messages;
  if (comment.status === 'pending' && isOwn(comment, ctx)) {
    return html`<p part="status" class="pending">${m.awaitingModeration}</p>`;
  }
  const badges = [
    comment.status === 'pending' ? m.actions.pendingBadge : '',
    comment.status === 'hidden' ? m.actions.hiddenBadge : '',
    comment.pinned ? m.actions.pinnedBadge : '',
  ].filter(Boolean);
  return badges.length
    ? html`<p part="status" class="badges">${badges.map((b) => html`<span class="badge">${b}</span>`)}</p>`
    : nothing;
}

function renderActions(comment: Comment, ctx: CommentViewContext): TemplateResult {
  const m = ctx.messages;
  const others = commentActions(comment, ctx).map((action) => {
    const text = m.actions[ACTION_TEXT[action as keyof typeof ACTION_TEXT]];
    return html`<button type="button" class=${action} aria-label=${m.actions.on(text, comment.author.name)} @click=${() =>
      ctx.onAction(action, comment)}>${text}</button>`;
  });
  // Like comes with the comment actions, after the first paint (nothing until then).
  const like = ctx.inPlace?.like?.(comment);
  if (!ctx.canReply || comment.status !== 'published') {
    return html`<div part="actions" class="actions">${like}${others}</div>`;
  }
  // Reply is in the row's own template rather than a template of its own: one fewer to make per
  // comment. No whitespace between the buttons (the flex row ignores it): no nodes for it either.
  return html`<div part="actions" class="actions"
    ><button
      part="reply-button"
      type="button"
      class="reply"
      aria-label=${m.replyTo(comment.author.name)}
      aria-pressed=${ctx.replyingTo === comment.id ? 'true' : 'false'}
      @click=${() => ctx.onReply(comment)}
    >${m.reply}</button
    >${like}${others.length ? others : nothing}</div
  >`;
}

/**
 * One comment and its replies. A page shows dozens of these, so the template has no whitespace
 * between its elements (the lines break inside the tags instead): each text node there would be
 * one more node to clone, walk and lay out, per comment. The one space left keeps the name and
 * the time apart in the text (copied, or read without the styles).
 */
export function renderComment(node: CommentNode, ctx: CommentViewContext): TemplateResult {
  const {comment, parent} = node;
  const {author} = comment;
  const {messages, lang} = ctx;
  const children = node.children.length
    ? html`<ol class="children">${renderComments(node.children, ctx)}</ol>`
    : nothing;
  if (comment.status === 'deleted') {
    // Only the place of the replies under it: no name, time or buttons (the tree drops it without them).
    return html`<li part="comment deleted" class="comment deleted" id=${`comment-${comment.id}`} data-depth=${node.depth}
      ><p part="body" class="body">${messages.deletedComment}</p>${children}</li
    >`;
  }
  const label = parent && parent.status !== 'deleted' ? messages.inReplyTo(parent.author.name) : undefined;
  const editor = ctx.inPlace?.editor(comment);
  const problem = ctx.inPlace?.problem(comment);
  return html`<li
    part="comment"
    class="comment"
    id=${`comment-${comment.id}`}
    data-depth=${node.depth}
    data-status=${comment.status}
    aria-busy=${comment.sending ? 'true' : 'false'}
    ><article aria-label=${`${author.name}${label ? `, ${label}` : ''}`}
      ><header class="comment-head"
        ><span part="avatar" class="avatar" style="--lar-avatar-hue: ${hue(author.uid)}" aria-hidden="true"
          >${initials(author.name)}${renderPhoto(author)}</span
        ><div class="byline"
          >${renderAuthor(author, messages)} <span part="meta" class="meta"
            ><a class="permalink" href=${`#comment-${comment.id}`}
              ><time datetime=${comment.createdAt.toISOString()} title=${exactTime(comment.createdAt, lang)}
                >${relativeTime(comment.createdAt, ctx.now, lang)}</time
              ></a
            >${renderNotes(node, label, ctx)}</span
          ></div
        ></header
      >${renderStatusLine(comment, ctx)}${
        editor ?? html`<div part="body" class="body">${guard([comment.body], () => bodyNodes(comment.body))}</div>`
      }${
        problem ? html`<p part="error" class="error" role="alert">${problem}</p>` : nothing
      }${editor ? nothing : (ctx.inPlace?.confirmation(comment) ?? renderActions(comment, ctx))}</article
    >${children}</li
  >`;
}

/** Comments keyed by id, so each keeps its DOM (and focus) as others arrive or leave. */
export function renderComments(nodes: CommentNode[], ctx: CommentViewContext) {
  return repeat(
    nodes,
    (node) => node.comment.id,
    (node) => renderComment(node, ctx),
  );
}
