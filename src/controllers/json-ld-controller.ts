import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Comment, ThreadRef} from '../model/comment.js';
import {detectPageUrl} from '../model/page-identity.js';
import type {ThreadState} from '../store/comment-store.js';

/** What the controller reads from its host after every render. */
export interface JsonLdSource {
  /** The `<leave-a-reply>` element: the script goes into its light DOM, in the host page. */
  element: HTMLElement | undefined;
  thread: ThreadRef | undefined;
  state: ThreadState;
}

/** The page's own URL for links to comments: page-url, else the canonical URL; no fragment. */
export function pageUrlOf(element: HTMLElement): string {
  const doc = element.ownerDocument;
  const raw = element.getAttribute('page-url')?.trim() || detectPageUrl(doc);
  try {
    const url = new URL(raw, doc.baseURI);
    url.hash = '';
    return url.href;
  } catch {
    return '';
  }
}

/**
 * The published comments as schema.org data: the page (a CreativeWork) with its `comment` list.
 * Replies name their parent with `parentItem`; each comment links to `#comment-ID` on the page.
 */
export function commentsJsonLd(pageUrl: string, title: string, count: number, comments: Comment[]): object {
  const link = (id: string) => `${pageUrl}#comment-${id}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    ...(pageUrl ? {url: pageUrl} : {}),
    ...(title ? {name: title} : {}),
    commentCount: count,
    comment: comments.map((c) => ({
      '@type': 'Comment',
      '@id': link(c.id),
      url: link(c.id),
      text: c.body,
      dateCreated: c.createdAt.toISOString(),
      ...(c.editedAt ? {dateModified: c.editedAt.toISOString()} : {}),
      author: {'@type': 'Person', name: c.author.name, ...(c.author.url ? {url: c.author.url} : {})},
      ...(c.parentId ? {parentItem: {'@id': link(c.parentId)}} : {}),
    })),
  };
}

/**
 * JSON for the inside of a `<script>` element. `<`, `>` and `&` become \u escapes, so a comment
 * body such as `</script><script>…` or `<!--` cannot end the script or change how it parses, even
 * when the page is serialized (prerendering, a crawler's snapshot) and parsed again.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Keeps a `<script type="application/ld+json">` child of the widget's host element in step with
 * the thread's published comments, so search engines can index them: the comments live in the
 * host page's light DOM as data, which an iframe-based widget cannot offer. Written with
 * textContent, never as markup; removed while the thread has no published comments and when the
 * view goes away.
 */
export class JsonLdController implements ReactiveController {
  private script: HTMLScriptElement | undefined;
  private last: unknown[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly source: () => JsonLdSource,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const {element, thread, state} = this.source();
    const pageUrl = element ? pageUrlOf(element) : '';
    const inputs = [element, thread, state, pageUrl];
    if (inputs.every((value, i) => value === this.last[i])) return;
    this.last = inputs;
    const comments = state.comments.filter((c) => c.status === 'published' && !c.sending);
    if (!element || !thread || !comments.length) {
      this.remove();
      return;
    }
    const json = jsonForScript(commentsJsonLd(pageUrl, thread.title, Math.max(state.count, comments.length), comments));
    if (!this.script || this.script.parentNode !== element) {
      this.script?.remove();
      this.script = element.ownerDocument.createElement('script');
      this.script.type = 'application/ld+json';
      this.script.dataset.leaveAReply = 'comments';
      element.append(this.script);
    }
    if (this.script.textContent !== json) this.script.textContent = json;
  }

  hostDisconnected(): void {
    this.remove();
    this.last = [];
  }

  private remove() {
    this.script?.remove();
    this.script = undefined;
  }
}
