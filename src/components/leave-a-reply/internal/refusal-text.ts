import type {Messages} from '../../../i18n/en.js';
import {StoreError} from '../../../store/comment-store.js';

/**
 * Why a post or a change was refused, in the reader's words and language: by the store's code,
 * never the backend's own text (rules' evaluation errors, SDK messages).
 */
export function refusalText(m: Messages, error: unknown, doing: 'post' | 'change'): string {
  const code = error instanceof StoreError ? error.code : undefined;
  const seconds = (error instanceof StoreError && error.retryAfterSeconds) || 1;
  switch (code) {
    case 'rate-limited':
      return doing === 'post' ? m.errors.postTooSoon(seconds) : m.refusals.tryAgainIn(seconds);
    case 'locked':
      return m.locked;
    case 'gone':
      return m.refusals.gone;
    case 'invalid':
      return m.refusals.invalid;
    case 'permission-denied':
      return doing === 'post' ? m.refusals.refused : m.actions.notAllowed;
    case 'expired':
      return m.actions.expired;
    case 'unavailable':
      return m.refusals.offline;
    case 'quota':
      return m.refusals.busy;
    default:
      // A chunk that could not load, a fetch that failed: most often the connection.
      return navigator.onLine === false ? m.refusals.offline : m.refusals.unknown;
  }
}
