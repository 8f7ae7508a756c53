import type {FirebaseOptions} from '../boot/firebase-options.js';
import {providedStore, whenNearViewport} from './lazy-boot.js';

/** What the lazily loaded count logic exposes to its host element. */
export interface CountView {
  hostChanged(): void;
  disconnected(): void;
}

const OBSERVED = [
  'api-key', 'project-id', 'auth-domain', 'app-id', 'database-id', 'app-check-site-key', 'auth-emulator',
  'firestore-emulator', 'backend', 'page-id', 'page-url', 'lang', 'loading',
];

// Every count on the page shares one chunk load, so counts that boot together also count together.
let countModule: Promise<typeof import('./count-view.js')> | undefined;

/**
 * The published comment count of one page's thread, as text: "2 thoughts", "No thoughts yet".
 * For listing pages: every count on a page shares one Firebase app (and any enclosing
 * `<leave-a-reply-config>`), and the counts that come into view together are read in one batch,
 * at one document read per thread.
 *
 * Like `<leave-a-reply>` it is tiny at load and fetches its logic when it nears the viewport.
 * Until the count arrives it shows its own content, so `<leave-a-reply-count>Comments</leave-a-reply-count>`
 * reads "Comments" where scripts do not run or the count cannot be read.
 *
 * @summary A comment count badge for a page's thread ("2 thoughts").
 * @tagname leave-a-reply-count
 *
 * @attr {string} page-id - Explicit thread key, as on that page's `<leave-a-reply>`.
 * @attr {string} page-url - The URL of the page whose comments are counted. Default: this page's canonical URL.
 * @attr {string} lang - UI language (en, fr, de, es, ja, ar). Default: the page's `<html lang>`.
 * @attr {'lazy' | 'eager'} loading - `lazy` counts when near the viewport. Default `lazy`.
 * @attr {string} api-key - Firebase web app config, as on `<leave-a-reply>` (not needed inside `<leave-a-reply-config>`).
 * @attr {string} project-id - Firebase web app config: `projectId`.
 * @attr {string} auth-domain - Firebase web app config: `authDomain`.
 * @attr {string} app-id - Firebase web app config: `appId`.
 * @attr {string} database-id - A named Firestore database. Default `(default)`.
 * @attr {string} app-check-site-key - A reCAPTCHA Enterprise site key; turns on Firebase App Check.
 * @attr {string} auth-emulator - Use the Firebase Auth emulator.
 * @attr {string} firestore-emulator - Use the Firestore emulator, e.g. `127.0.0.1:8080`.
 * @attr {'firebase' | 'local'} backend - `local` counts the comments kept in this browser. Default `firebase`.
 *
 * @fires lar-error - The count could not be read, or the configuration is broken. `detail` is `{code, message}`.
 *
 * @csspart count - The count text.
 */
export class LeaveAReplyCountElement extends HTMLElement {
  static readonly observedAttributes = OBSERVED;

  /** The Firebase web app config as one object (instead of the separate attributes). */
  firebaseConfig: FirebaseOptions | undefined;

  /** The published comment count, once it has been read. */
  count: number | undefined;

  private view: CountView | undefined;
  private booting: Promise<void> | undefined;
  private stopWaiting: (() => void) | undefined;

  /** Explicit thread key; wins over the URL. */
  get pageId(): string | null {
    return this.getAttribute('page-id');
  }
  set pageId(value: string | null) {
    this.reflect('page-id', value);
  }

  /** The URL of the page whose comments are counted. */
  get pageUrl(): string | null {
    return this.getAttribute('page-url');
  }
  set pageUrl(value: string | null) {
    this.reflect('page-url', value);
  }

  connectedCallback(): void {
    // The page's own content shows until the count arrives.
    if (!this.shadowRoot) this.attachShadow({mode: 'open'}).innerHTML = '<slot></slot>';
    if (this.view) this.view.hostChanged();
    else if (this.getAttribute('loading') === 'eager') void this.boot();
    else if (!this.booting) this.stopWaiting ??= whenNearViewport(this, () => void this.boot());
  }

  disconnectedCallback(): void {
    this.stopWaiting?.();
    this.stopWaiting = undefined;
    this.view?.disconnected();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'loading' && value === 'eager' && old !== value && this.isConnected) void this.boot();
    this.view?.hostChanged();
  }

  /** Loads the count logic and reads the count now, whatever `loading` says. */
  boot(): Promise<void> {
    this.stopWaiting?.();
    this.stopWaiting = undefined;
    return (this.booting ??= (countModule ??= import('./count-view.js')).then(({createCountView}) => {
      // The provider lookup comes from here, so the lazy chunk shares no module with the entry.
      this.view = createCountView(this, providedStore);
      if (this.isConnected) this.view.hostChanged();
    }));
  }

  private reflect(name: string, value: string | null) {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'leave-a-reply-count': LeaveAReplyCountElement;
  }
}
