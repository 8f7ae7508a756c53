import type {FirebaseOptions} from '../../boot/firebase-options.js';
import {LarErrorEvent} from '../../events/error-event.js';
import {reflectAttributes} from '../../shell/attribute-properties.js';
import {HTMLElementBase} from '../../shell/html-element.js';

/** What the lazily loaded view offers its host element. */
export interface ModerationView extends HTMLElement {
  /** The host's attributes or properties changed. */
  hostChanged(): void;
  signInWithCustomToken(token: string): Promise<void>;
  signOut(): Promise<void>;
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
  'providers',
  'page-size',
];

/** Every ::part of the view, forwarded so the host page can style them. */
export const MODERATION_PARTS =
  'header,title,account,sign-in,provider-button,filters,list,item,author,meta,page,body,actions,action,load-more,status,error';

/**
 * The site-wide moderation queue: every thread's comments in one list, newest first, for the
 * site's moderators (accounts with an `admins/{uid}` document). Approve, Hide, Delete, Approve all
 * by an author, Block an author; filters for pending, hidden and all recent comments; paging.
 * firestore.rules decide, as in the widget, what a moderator may do.
 *
 * It ships as its own bundle (`dist/moderation/leave-a-reply-moderation.js`) with a ready page
 * (`dist/moderation/index.html`), apart from the widget's: readers never load it. Set up and
 * limits: docs/moderation-queue.md.
 *
 * @summary A site-wide moderation queue for Leave a Reply, on Cloud Firestore.
 * @tagname leave-a-reply-moderation
 *
 * @attr {string} api-key - Firebase web app config: `apiKey` (or set the `firebaseConfig` property). Without any, an enclosing `<leave-a-reply-config>`'s settings are used.
 * @attr {string} project-id - Firebase web app config: `projectId`.
 * @attr {string} auth-domain - Firebase web app config: `authDomain`.
 * @attr {string} app-id - Firebase web app config: `appId`.
 * @attr {string} database-id - A named Firestore database. Default `(default)`.
 * @attr {string} app-check-site-key - A reCAPTCHA Enterprise site key; turns on Firebase App Check.
 * @attr {string} auth-emulator - Use the Firebase Auth emulator, e.g. `http://127.0.0.1:9099`.
 * @attr {string} firestore-emulator - Use the Firestore emulator, e.g. `127.0.0.1:8080`.
 * @attr {string} providers - How moderators sign in, in display order: `google github twitter facebook microsoft apple`. Default `google`.
 * @attr {number} page-size - Comments per page. Default `20`.
 *
 * @fires lar-error - The configuration is broken or the backend failed to load. `detail` is `{code, message}`.
 *
 * @csspart header - The heading and the account line.
 * @csspart title - The heading.
 * @csspart account - "Signed in as …" with the Log Out button.
 * @csspart sign-in - The sign-in area.
 * @csspart provider-button - A sign-in provider's button.
 * @csspart filters - The Pending / Hidden / All recent choice.
 * @csspart list - The list of comments.
 * @csspart item - One comment (an `li`).
 * @csspart author - The commenter's name.
 * @csspart meta - The line with the page, the time and the status.
 * @csspart page - The link to the comment on its page.
 * @csspart body - The comment's text.
 * @csspart actions - The comment's buttons.
 * @csspart action - One of those buttons.
 * @csspart load-more - The "Load more" button.
 * @csspart status - Status lines and the results of actions (a live region).
 * @csspart error - Error messages.
 *
 * @cssprop --lar-font - Font. Default: inherited from the page.
 * @cssprop --lar-color-text - Text colour. Default: inherited from the page.
 * @cssprop --lar-color-muted - Secondary text. Default: 72% of the text colour.
 * @cssprop --lar-color-accent - Links, focus rings, the Approve button. Default `#0b57d0` (light), `#a8c7fa` (dark).
 * @cssprop --lar-color-accent-text - Text on the accent colour. Default `#ffffff` (light), `#062e6f` (dark).
 * @cssprop --lar-color-surface - Background of each comment. Default transparent.
 * @cssprop --lar-color-border - Borders. Default: 30% of the text colour.
 * @cssprop --lar-color-error - Error text. Default `#b3261e` (light), `#ffb4ab` (dark).
 * @cssprop --lar-radius - Corner radius. Default `0.375rem`.
 * @cssprop --lar-space-m - The base spacing unit. Default `1rem`.
 */
export class LeaveAReplyModerationElement extends HTMLElementBase {
  static readonly observedAttributes = OBSERVED;

  static {
    reflectAttributes(this, ['page-size']);
  }

  // A property for each attribute, reflecting it (shell/attribute-properties.ts).
  /** Firebase web app config: `apiKey`. */
  declare apiKey: string | null;
  /** Firebase web app config: `projectId`. */
  declare projectId: string | null;
  /** Firebase web app config: `authDomain`. */
  declare authDomain: string | null;
  /** Firebase web app config: `appId`. */
  declare appId: string | null;
  /** A named Firestore database. */
  declare databaseId: string | null;
  /** A reCAPTCHA Enterprise site key; turns on Firebase App Check. */
  declare appCheckSiteKey: string | null;
  /** The Firebase Auth emulator's address. */
  declare authEmulator: string | null;
  /** The Firestore emulator's address. */
  declare firestoreEmulator: string | null;
  /** How moderators sign in, space-separated. Default `google`. */
  declare providers: string | null;
  /** Comments per page. Default 20. */
  declare pageSize: number | null;

  private view: ModerationView | undefined;
  private booting: Promise<ModerationView> | undefined;
  private config: FirebaseOptions | undefined;

  /** The Firebase web app config as one object (instead of the separate attributes). */
  get firebaseConfig(): FirebaseOptions | undefined {
    return this.config;
  }
  set firebaseConfig(value: FirebaseOptions | undefined) {
    this.config = value;
    this.view?.hostChanged();
  }

  // A moderator opens the queue to use it: it loads at once, not when scrolled to.
  connectedCallback(): void {
    if (!this.shadowRoot) this.attachShadow({mode: 'open'}).innerHTML = '<style>:host{display:block}</style>';
    this.boot().catch((error: unknown) => {
      const message = `The moderation queue could not load: ${error instanceof Error ? error.message : String(error)}`;
      console.error(`<leave-a-reply-moderation> ${message}`);
      this.dispatchEvent(new LarErrorEvent({code: 'backend-failed', message}));
    });
  }

  attributeChangedCallback(): void {
    this.view?.hostChanged();
  }

  /** Loads the view (Lit, Firebase) if it has not loaded yet. Resolves when it is in place. */
  async boot(): Promise<void> {
    this.booting ??= import('./internal/moderation-view.js').then(
      ({createModerationView}) => {
        const view = createModerationView(this);
        view.setAttribute('exportparts', MODERATION_PARTS);
        this.shadowRoot!.append(view);
        this.view = view;
        return view;
      },
      (error: unknown) => {
        this.booting = undefined; // a chunk that failed to load is asked for again next time
        throw error;
      },
    );
    await this.booting;
  }

  /**
   * Signs a moderator in with a Firebase custom token minted by your server (Admin SDK
   * `createCustomToken(uid)`). Rejects when the token is refused.
   */
  async signInWithCustomToken(token: string): Promise<void> {
    await this.boot();
    await this.view!.signInWithCustomToken(token);
  }

  /** Signs the moderator out (as the Log Out button does). */
  async signOut(): Promise<void> {
    await this.boot();
    await this.view!.signOut();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'leave-a-reply-moderation': LeaveAReplyModerationElement;
  }
}
