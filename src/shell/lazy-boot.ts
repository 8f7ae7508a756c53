/**
 * What the lazy element shells share: waiting for the viewport, and waiting for an enclosing
 * provider's store. This module is part of the script-tag entry, so it stays small and Lit-free.
 */
import type {CommentStore} from '../store/comment-store.js';

/**
 * The keys of `commentStoreContext` and `sessionContext` (registered symbols, so every copy of
 * the library agrees on them). Spelled out here rather than imported, so the entry shares no
 * module with the lazy chunks and loads as one file; test/shell/lazy-boot.test.ts holds them equal.
 */
export const STORE_CONTEXT = Symbol.for('leave-a-reply/comment-store');
export const SESSION_CONTEXT = Symbol.for('leave-a-reply/session');

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

/**
 * Calls `boot` once `el` comes within 600px of the viewport, or at once where there is no
 * IntersectionObserver. One observer serves every element, so all the elements that are in view
 * together boot in the same callback (count badges batch their reads on that). Returns a function
 * that stops waiting.
 */
export function whenNearViewport(el: Element, boot: () => void): () => void {
  if (!('IntersectionObserver' in window)) {
    boot();
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const callback = entry.isIntersecting && waiting.get(entry.target);
        if (!callback) continue;
        stopWaiting(entry.target);
        callback();
      }
    },
    {rootMargin: '600px 0px'},
  );
  waiting.set(el, boot);
  observer.observe(el);
  return () => stopWaiting(el);
}

function stopWaiting(el: Element) {
  waiting.delete(el);
  observer?.unobserve(el);
}

type ContextCallback = (value: unknown, unsubscribe?: () => void) => void;

/**
 * The store an enclosing provider (`<leave-a-reply-config>`, or any `@lit/context` provider of
 * `commentStoreContext`) gives `el`, once it has one; `undefined` at once when no provider answers.
 * A provider that is still loading its backend answers `undefined` now and the store later, so a
 * view booted after this never starts on its own settings by mistake. A provider that answers
 * `undefined` a second time has given up (a broken configuration): the element then boots alone.
 */
export function providedStore(el: Element): Promise<CommentStore | undefined> {
  return new Promise((resolve) => {
    let answered = false;
    const callback: ContextCallback = (value, unsubscribe) => {
      if (value || answered) {
        unsubscribe?.();
        resolve(value as CommentStore | undefined);
      }
      answered = true;
    };
    // The context protocol's request event (the shape of @lit/context's ContextRequestEvent),
    // built by hand so the entry carries none of the library.
    const request = Object.assign(new Event('context-request', {bubbles: true, composed: true}), {
      context: STORE_CONTEXT,
      contextTarget: el,
      callback,
      subscribe: true,
    });
    el.dispatchEvent(request);
    if (!answered) resolve(undefined);
  });
}
