import {providedStore} from '../../shell/lazy-boot.js';
import {reflectAttributes} from '../../shell/attribute-properties.js';
import {LazyPageElement, type HostedView} from '../../shell/lazy-page-element.js';
import {preconnectFirestore} from '../../shell/preload.js';

/** What the lazily loaded count logic exposes to its host element. */
export interface CountView extends HostedView {
  disconnected(): void;
}

const OBSERVED = [
  'api-key',
  'project-id',
  'auth-domain',
  'app-id',
  'database-id',
  'app-check-site-key',
  'auth-emulator',
  'firestore-emulator',
  'backend',
  'page-id',
  'page-url',
  'lang',
  'loading',
];

// Every count on the page shares one chunk load, so counts that boot together also count together.
let countModule: Promise<typeof import('./internal/count-view.js')> | undefined;

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
 * @slot - Shown until the count arrives, and instead of it where scripts do not run or the count cannot be read.
 *
 * @csspart count - The count text.
 */
export class LeaveAReplyCountElement extends LazyPageElement<CountView> {
  static readonly observedAttributes = OBSERVED;

  static {
    reflectAttributes(this);
  }

  /** The published comment count, once it has been read. */
  count: number | undefined;

  // The page's own content shows until the count arrives.
  protected readonly placeholder = '<slot></slot>';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.disconnected();
  }

  protected async loadView(): Promise<CountView> {
    preconnectFirestore(this);
    const {createCountView} = await (countModule ??= import('./internal/count-view.js'));
    // The provider lookup comes from here, so the lazy chunk shares no module with the entry.
    const view = createCountView(this, providedStore);
    if (this.isConnected) view.hostChanged();
    return view;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'leave-a-reply-count': LeaveAReplyCountElement;
  }
}
