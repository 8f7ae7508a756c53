import {css, type ReactiveController, type ReactiveElement} from 'lit';
import type {Messages} from '../../../i18n/en.js';
import type {Comment} from '../../../model/comment.js';

/** The comment a URL's fragment links to (`#comment-ID`, as each comment's time links), if any. */
export function linkedCommentId(hash: string): string | undefined {
  return /^#comment-([\w-]{1,128})$/.exec(hash)?.[1];
}

/** What following a link needs from the comment section. */
export interface CommentLinksHost extends ReactiveElement {
  readonly messages: Messages;
  /** The comments read so far, and whether the first of them are still on their way. */
  readonly threadState: {readonly comments: readonly Comment[]; readonly loading: boolean};
  /** Shows one more comment, wherever its page is; settles once it has been looked for. */
  showOneMore(id: string): Promise<void>;
  /** A short notice at the top of the thread ('' clears it). */
  linkNotice(text: string): void;
}

// The comment a link points to, outlined for a moment: fading, or held under reduced motion (the
// section's styles stop animations then). Added to the section when the first link is followed.
const LINKED = css`
  .linked > article {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    animation: lar-linked 4s ease-in forwards;
  }
  @keyframes lar-linked {
    to {
      outline-color: transparent;
    }
  }
`;

/** The first comment missing on the way from `id` up to its top-level comment, if any. */
function firstMissing(id: string, comments: readonly Comment[]): string | undefined {
  const byId = new Map(comments.map((c) => [c.id, c]));
  let current = byId.get(id);
  if (!current) return id;
  while (current.parentId) {
    const parent = byId.get(current.parentId);
    if (!parent) return current.parentId;
    current = parent;
  }
  return undefined;
}

/**
 * Makes links to comments work. The browser cannot: each comment's id is inside the widget's
 * shadow root, where fragment navigation does not look. On load and at every `hashchange` that
 * names a comment, this shows it (reading it, and the comments it answers, when they are on no
 * page read yet), scrolls to it, highlights it briefly and moves focus to it; a comment that is
 * gone, or not visible to this reader, gets a short notice instead.
 */
export class CommentLinks implements ReactiveController {
  private wanted: string | undefined;
  private following = false;

  constructor(private readonly host: CommentLinksHost) {
    host.addController(this); // calls hostConnected when the host is connected already
  }

  hostConnected(): void {
    addEventListener('hashchange', this.onHashChange);
    this.onHashChange();
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHashChange);
    this.wanted = undefined;
  }

  hostUpdated(): void {
    if (this.wanted && !this.following && !this.host.threadState.loading) void this.follow(this.wanted);
  }

  private readonly onHashChange = () => {
    this.wanted = linkedCommentId(location.hash);
    this.host.linkNotice('');
    this.hostUpdated();
  };

  private async follow(id: string): Promise<void> {
    this.following = true;
    try {
      // Each hop reads one comment: the linked one, then the ones it answers that no page held.
      const asked = new Set<string>();
      for (let missing = firstMissing(id, this.host.threadState.comments); missing && !asked.has(missing);) {
        asked.add(missing);
        await this.host.showOneMore(missing);
        await this.host.updateComplete;
        if (this.wanted !== id) return;
        missing = firstMissing(id, this.host.threadState.comments);
      }
      await this.host.updateComplete;
      if (this.wanted !== id) return;
      this.wanted = undefined;
      const item = this.host.renderRoot.querySelector<HTMLElement>(`#comment-${id}`);
      if (!item || item.classList.contains('deleted')) {
        this.host.linkNotice(this.host.messages.linkedCommentMissing);
        return;
      }
      this.reveal(item);
    } finally {
      this.following = false;
      // A newer link came while this one was read: follow it now rather than at the next update.
      if (this.wanted) this.hostUpdated();
    }
  }

  private reveal(item: HTMLElement): void {
    const root = this.host.renderRoot as ShadowRoot;
    const sheet = LINKED.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    item.scrollIntoView({block: 'center', behavior: still ? 'auto' : 'smooth'});
    const article = item.querySelector('article') ?? item;
    article.tabIndex = -1;
    article.focus({preventScroll: true});
    // The highlight fades (or, with reduced motion, simply goes) after a few seconds.
    item.classList.remove('linked');
    void item.offsetWidth; // restarts the fade when the same comment is linked again
    item.classList.add('linked');
    setTimeout(() => item.classList.remove('linked'), 4000);
  }
}
