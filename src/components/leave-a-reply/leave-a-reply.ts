import {providedStore} from '../../shell/lazy-boot.js';
import {reflectAttributes} from '../../shell/attribute-properties.js';
import {LazyPageElement, type HostedView} from '../../shell/lazy-page-element.js';
import {preconnectFirestore, preloadChains} from '../../shell/preload.js';

/** What the lazily loaded view exposes to its host element. */
export interface SectionView extends HTMLElement, HostedView {
  signInWithCustomToken(token: string): Promise<void>;
  signOut(): Promise<void>;
}

// Asked for once per page: later widgets (a single-page app's next page) then start without the
// tasks a dynamic import takes even when its module is loaded. A failed load is asked for again.
let sectionModule: Promise<typeof import('./internal/comment-section.js')> | undefined;
const loadSectionModule = () =>
  (sectionModule ??= import('./internal/comment-section.js').catch((error: unknown) => {
    sectionModule = undefined;
    throw error;
  }));

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
  'page-title',
  'providers',
  'sort',
  'max-depth',
  'reactions',
  'notifications',
  'lang',
  'theme',
  'loading',
];

/** Every ::part of the view, forwarded so the host page can style them. */
export const PARTS =
  'header,title,thread,comment,deleted,avatar,author,provider,meta,body,actions,reply-button,like-button,form,form-title,field,input,textarea,submit,sign-in,provider-button,status,error,load-more';

/**
 * The comment section: heading, thread and the Leave a Reply form, stored in your Firebase project.
 *
 * This element is deliberately tiny: it holds the public API and waits until it nears the viewport,
 * then loads the view (Lit, the store, Firebase) as a separate chunk.
 *
 * @summary An embeddable comment section backed by Cloud Firestore and Firebase Auth.
 * @tagname leave-a-reply
 *
 * @attr {string} api-key - Firebase web app config: `apiKey` (or set the `firebaseConfig` property).
 * @attr {string} project-id - Firebase web app config: `projectId`.
 * @attr {string} auth-domain - Firebase web app config: `authDomain`.
 * @attr {string} app-id - Firebase web app config: `appId`.
 * @attr {string} database-id - A named Firestore database. Default `(default)`.
 * @attr {string} app-check-site-key - A reCAPTCHA Enterprise site key; turns on Firebase App Check.
 * @attr {string} auth-emulator - Use the Firebase Auth emulator, e.g. `http://127.0.0.1:9099`.
 * @attr {string} firestore-emulator - Use the Firestore emulator, e.g. `127.0.0.1:8080`.
 * @attr {'firebase' | 'local'} backend - `local` keeps comments in this browser only (demos, previews). Default `firebase`.
 * @attr {string} page-id - Explicit thread key; wins over the URL.
 * @attr {string} page-url - The URL that scopes the thread. Default: `<link rel=canonical>`, then `og:url`, then `location.href`.
 * @attr {string} page-title - The title in the heading. Default: `og:title`, then `document.title`.
 * @attr {string} providers - Sign-in choices in display order: `guest google github twitter facebook microsoft apple email`. Default `guest`.
 * @attr {'oldest' | 'newest' | 'top'} sort - Order of top-level comments: `top` is most liked first, then oldest. Default `oldest`.
 * @attr {number} max-depth - Reply nesting depth; deeper replies attach at the last level. Default `3`.
 * @attr {'on' | 'off'} reactions - `off` hides the Like buttons (and their counts). Default `on`.
 * @attr {'email' | 'off'} notifications - `email` offers "Notify me of new comments via email." under the form; turn it on once the notification Cloud Functions (`functions/`) are deployed. Never with `backend="local"`. Default `off`.
 * @attr {string} lang - UI language (en, fr, de, es, ja, ar). Default: the page's `<html lang>`.
 * @attr {'auto' | 'light' | 'dark'} theme - `auto` follows the host page's colours live. Default `auto`.
 * @attr {'lazy' | 'eager'} loading - `lazy` boots when near the viewport. Default `lazy`.
 *
 * @fires lar-comment-posted - The backend accepted a reader's comment. `detail` is the comment `{id, parentId, body, author, createdAt, status}` (never an email).
 * @fires lar-error - A configuration problem, a backend that failed to load, or a refused post; the reader sees a message in the widget too. `detail` is `{code, message}`, e.g. `invalid-config`, `backend-failed`, `permission-denied`, `post-failed`.
 * @fires lar-sign-in - The widget learned who the reader is: they signed in (a provider, an email link, your custom token, or as a guest with their first comment), a guest upgraded to an account, or a signed-in reader came back. `detail` is the user `{uid, provider, name?, avatarUrl?}`.
 * @fires lar-sign-out - The reader signed out (Log Out, or `signOut()`).
 *
 * @csspart header - The heading area.
 * @csspart title - The "N thoughts on “T”" heading.
 * @csspart thread - The list of comments.
 * @csspart comment - One comment (an `li`).
 * @csspart deleted - A deleted comment kept as the place of its replies ("This comment was deleted."); also `comment`.
 * @csspart avatar - A commenter's picture or initial.
 * @csspart author - A commenter's name (a link when they gave a website).
 * @csspart provider - How a commenter signed in, next to their name: "Google", "GitHub", "guest"…
 * @csspart meta - The line with the time.
 * @csspart body - A comment's text.
 * @csspart actions - A comment's buttons.
 * @csspart reply-button - A comment's Reply button.
 * @csspart like-button - A comment's Like button (`aria-pressed` when the reader likes it), with its count.
 * @csspart form - The Leave a Reply form.
 * @csspart form-title - "Leave a Reply".
 * @csspart field - A label with its input and messages.
 * @csspart input - A text input.
 * @csspart textarea - The comment box.
 * @csspart submit - The Post Comment button.
 * @csspart sign-in - The sign-in area of the form.
 * @csspart provider-button - A sign-in provider's button.
 * @csspart status - Status lines (loading, offline, sending, posted).
 * @csspart error - Error messages.
 * @csspart load-more - The "Load more comments" button.
 *
 * @cssprop --lar-font - Font of the widget. Default: inherited from the page.
 * @cssprop --lar-color-text - Text colour. Default: inherited from the page.
 * @cssprop --lar-color-muted - Secondary text (times, notes). Default: 72% of the text colour.
 * @cssprop --lar-color-accent - Links, focus rings and the Post Comment button. Default `#0b57d0` (light), `#a8c7fa` (dark).
 * @cssprop --lar-color-accent-text - Text on the accent colour. Default `#ffffff` (light), `#062e6f` (dark).
 * @cssprop --lar-color-surface - Background of each comment. Default transparent.
 * @cssprop --lar-color-input - Background of inputs. Default transparent.
 * @cssprop --lar-color-border - Borders and reply guides. Default: 30% of the text colour.
 * @cssprop --lar-color-error - Error text. Default `#b3261e` (light), `#ffb4ab` (dark).
 * @cssprop --lar-radius - Corner radius of inputs, buttons and comments. Default `0.375rem`.
 * @cssprop --lar-space-m - The base spacing unit. Default `1rem`.
 * @cssprop --lar-comment-gap - Space between comments. Default `var(--lar-space-m)`.
 * @cssprop --lar-indent - Indent of replies. Default: avatar size + 0.75rem.
 * @cssprop --lar-avatar-size - Avatar diameter. Default `2.5rem`.
 * @cssprop --lar-title-size - Heading size. Default `1.5em`.
 * @cssprop --lar-form-title-size - "Leave a Reply" size. Default `1.25em`.
 */
export class LeaveAReplyElement extends LazyPageElement<SectionView> {
  static readonly observedAttributes = OBSERVED;

  static {
    reflectAttributes(this, ['max-depth']);
  }

  /** The title in the heading; defaults to og:title, then document.title. */
  declare pageTitle: string | null;
  /** Sign-in choices in display order, space-separated: `guest google github twitter facebook microsoft apple email`. */
  declare providers: string | null;
  /** Order of top-level comments: `oldest` (default), `newest`, or `top` (most liked first). */
  declare sort: 'oldest' | 'newest' | 'top' | (string & {}) | null;
  /** `off` hides the Like buttons; `on` (default). */
  declare reactions: 'on' | 'off' | (string & {}) | null;
  /** Reply nesting depth; deeper replies attach at the last level. Default 3. */
  declare maxDepth: number | null;
  /** `email` offers "Notify me of new comments via email." (needs the notification Cloud Functions); `off` (default). */
  declare notifications: 'email' | 'off' | (string & {}) | null;
  /** `auto` (default) follows the host page's colours; `light` or `dark`. */
  declare theme: 'auto' | 'light' | 'dark' | (string & {}) | null;

  protected readonly placeholder = '<style>:host{display:block}</style>';

  // A link to a comment (`#comment-ID`) is followed at once, however far down the widget is.
  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.bootForLink);
    this.bootForLink();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.bootForLink);
  }

  private readonly bootForLink = () => location.hash.startsWith('#comment-') && void this.boot();

  protected async loadView(): Promise<SectionView> {
    // Inside <leave-a-reply-config>, the view starts once the config's backend is ready, so it
    // never mistakes "not loaded yet" for "no backend given".
    // Every chunk of the first render at once; inside <leave-a-reply-config>, the config loads the backend.
    const configured = this.closest('leave-a-reply-config');
    preloadChains('section', ...(configured ? [] : [this.getAttribute('backend') === 'local' ? 'local' : 'firebase']));
    preconnectFirestore(this);
    const [{createSectionView}] = await Promise.all([loadSectionModule(), providedStore(this)]);
    const view = createSectionView(this);
    view.setAttribute('exportparts', PARTS);
    this.shadowRoot!.append(view);
    return view;
  }

  /**
   * Signs the reader in with a Firebase custom token minted by your server (Admin SDK
   * `createCustomToken(uid)`), so readers comment with your site's own accounts. Loads the widget
   * first if it has not loaded yet. Rejects when the token is refused.
   */
  async signInWithCustomToken(token: string): Promise<void> {
    await this.boot();
    await this.view!.signInWithCustomToken(token);
  }

  /** Signs the reader out (as the form's Log Out button does). */
  async signOut(): Promise<void> {
    await this.boot();
    await this.view!.signOut();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'leave-a-reply': LeaveAReplyElement;
  }
}
