import {fixture, html} from '@open-wc/testing';
import {waitUntil} from './wait-until.js';
import {LocalSession} from '../../src/auth/local-session.js';
import type {Session} from '../../src/auth/session.js';
import type {CommentSection} from '../../src/components/leave-a-reply/internal/comment-section.js';
import type {LeaveAReplyElement} from '../../src/components/leave-a-reply/leave-a-reply.js';
import type {ReplyForm} from '../../src/components/leave-a-reply/internal/reply-form.js';
import type {Comment, ThreadRef} from '../../src/model/comment.js';
import {MemoryStore} from '../../src/store/memory/memory-store.js';
import '../../src/leave-a-reply.js';
import './test-backend.js';

export const PAGE = 'https://blog.example/her-review/';
export const TITLE = 'Film Review for Her';

export interface Mounted {
  el: LeaveAReplyElement;
  store: MemoryStore;
  section: CommentSection;
  form: ReplyForm;
  /** Queries inside the section's shadow root. */
  $: <T extends Element = HTMLElement>(selector: string) => T | null;
  $$: <T extends Element = HTMLElement>(selector: string) => T[];
  /** Queries inside the form's shadow root. */
  f: <T extends Element = HTMLElement>(selector: string) => T;
}

/** Waits until the widget has loaded its view and the first state of the thread. */
export async function ready(el: LeaveAReplyElement): Promise<Omit<Mounted, 'store'>> {
  await el.boot();
  const section = el.shadowRoot!.querySelector('lar-comment-section')!;
  await waitUntil(() => {
    const root = section.shadowRoot;
    return (
      root &&
      (root.querySelector('.config-error') ||
        (root.querySelector('lar-reply-form') && !root.querySelector('.status:not(.offline)')))
    );
  }, 'widget did not render');
  await section.updateComplete;
  const form = section.shadowRoot!.querySelector('lar-reply-form')!;
  await form?.updateComplete;
  return {
    el,
    section,
    form,
    $: (s) => section.shadowRoot!.querySelector(s),
    $$: (s) => [...section.shadowRoot!.querySelectorAll(s)],
    f: (s) => form.shadowRoot!.querySelector(s)!,
  } as Omit<Mounted, 'store'>;
}

/** A `<leave-a-reply>` on a MemoryStore (and a given session: a guest-only LocalSession by default), as a reader would see it. */
export async function mount(
  attributes: Record<string, string> = {},
  store = new MemoryStore(),
  session: Session = new LocalSession(),
): Promise<Mounted> {
  const wrapper = await fixture(html`<lar-test-backend .store=${store} .session=${session}></lar-test-backend>`);
  const el = document.createElement('leave-a-reply');
  const attrs = {loading: 'eager', 'page-url': PAGE, 'page-title': TITLE, ...attributes};
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  wrapper.append(el);
  return {store, ...(await ready(el))};
}

let seq = 0;
export function comment(partial: Partial<Comment> & {body?: string; name?: string}): Comment {
  seq++;
  return {
    id: partial.id ?? `c${seq}`,
    parentId: partial.parentId ?? null,
    body: partial.body ?? `Comment ${seq}`,
    author: partial.author ?? {uid: `u${seq}`, name: partial.name ?? `Reader ${seq}`, provider: 'guest'},
    createdAt: partial.createdAt ?? new Date(Date.UTC(2026, 0, 1, 12, 0, seq)),
    status: partial.status ?? 'published',
  };
}

/**
 * The thread a widget from mount() shows (its page-url and page-title), without mounting one: for
 * a test that sets up what an earlier visit left (stored comments, a draft) before the widget loads.
 */
export function pageThread(): Promise<ThreadRef> {
  return import('../../src/model/page-identity.js').then(({resolveThread}) =>
    resolveThread({pageUrl: PAGE, pageTitle: TITLE}),
  );
}

/** A draft an earlier visit left in this browser for `threadId` (drafts.ts's storage). */
export function leaveDraft(threadId: string, draft: {body: string; parentId: string | null; id?: string}): void {
  localStorage.setItem(`leave-a-reply:draft:${threadId}`, JSON.stringify(draft));
}

export async function threadOf(el: LeaveAReplyElement): Promise<ThreadRef> {
  const {resolveThread} = await import('../../src/model/page-identity.js');
  return resolveThread({pageUrl: el.getAttribute('page-url'), pageTitle: el.getAttribute('page-title')});
}

/** Re-renders after the store's asynchronous answers. */
export async function settle(m: Pick<Mounted, 'section' | 'form'>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await m.section.updateComplete;
    await m.form?.updateComplete;
  }
}
