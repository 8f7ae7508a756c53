import type {Session} from '../../auth/session.js';
import type {FirebaseOptions} from '../../boot/firebase-options.js';
import type {CommentStore} from '../../store/comment-store.js';
import {reflectAttributes} from '../../shell/attribute-properties.js';
import {HTMLElementBase} from '../../shell/html-element.js';
import {SESSION_CONTEXT, STORE_CONTEXT} from '../../shell/lazy-boot.js';

/** The attributes that choose a backend; anything else (providers, sort, …) stays per widget. */
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
];

type Callback = (value: unknown, unsubscribe?: () => void) => void;

/** The context protocol's request (what @lit/context's ContextRequestEvent carries). */
interface ContextRequest extends Event {
  context: unknown;
  callback: Callback;
  subscribe?: boolean;
}

/** What the lazily loaded part gives back: a backend, or null when the configuration is broken. */
export type ProvidedBackend = {store: CommentStore; session: Session} | null;

/**
 * Configure once per page: holds the Firebase/backend attributes and provides the comment store
 * and the reader's session (through `@lit/context`) to every `<leave-a-reply>` and
 * `<leave-a-reply-count>` inside it, so a listing page need not repeat the config on each badge.
 *
 * It renders nothing of its own (`display: contents`). The backend loads on the first request
 * from a widget or badge inside it, so a page whose widgets never come into view loads nothing.
 * When its configuration is broken it says so in the console (naming the attribute) and steps
 * aside: the widgets inside then show the problem themselves.
 *
 * @summary Provides one Firebase configuration to the widgets and counts inside it.
 * @tagname leave-a-reply-config
 *
 * @attr {string} api-key - Firebase web app config: `apiKey` (or set the `firebaseConfig` property).
 * @attr {string} project-id - Firebase web app config: `projectId`.
 * @attr {string} auth-domain - Firebase web app config: `authDomain`.
 * @attr {string} app-id - Firebase web app config: `appId`.
 * @attr {string} database-id - A named Firestore database. Default `(default)`.
 * @attr {string} app-check-site-key - A reCAPTCHA Enterprise site key; turns on Firebase App Check.
 * @attr {string} auth-emulator - Use the Firebase Auth emulator, e.g. `http://127.0.0.1:9099`.
 * @attr {string} firestore-emulator - Use the Firestore emulator, e.g. `127.0.0.1:8080`.
 * @attr {'firebase' | 'local'} backend - `local` keeps comments in this browser only. Default `firebase`.
 *
 * @fires lar-error - The configuration is broken or the backend failed to load. `detail` is `{code, message}`.
 *
 * @slot - The widgets and counts to configure, anywhere inside.
 */
export class LeaveAReplyConfigElement extends HTMLElementBase {
  static readonly observedAttributes = OBSERVED;

  static {
    reflectAttributes(this);
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
  /** `firebase` (default) or `local`. */
  declare backend: 'firebase' | 'local' | (string & {}) | null;

  private config: FirebaseOptions | undefined;
  /** undefined: not loaded (yet); null: broken, stepped aside. */
  private provided: ProvidedBackend | undefined;
  private pending: Promise<void> | undefined;
  private generation = 0;
  private readonly subscribers = new Map<Callback, {key: 'store' | 'session'; unsubscribe: () => void}>();

  /** The Firebase web app config as one object (instead of the separate attributes). */
  get firebaseConfig(): FirebaseOptions | undefined {
    return this.config;
  }
  set firebaseConfig(value: FirebaseOptions | undefined) {
    this.config = value;
    this.reload();
  }

  connectedCallback(): void {
    if (!this.shadowRoot)
      this.attachShadow({mode: 'open'}).innerHTML = '<style>:host{display:contents}</style><slot></slot>';
    this.addEventListener('context-request', this.onContextRequest);
  }

  disconnectedCallback(): void {
    this.removeEventListener('context-request', this.onContextRequest);
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (old !== value) this.reload();
  }

  private readonly onContextRequest = (event: Event) => {
    const request = event as ContextRequest;
    const key =
      request.context === STORE_CONTEXT ? 'store' : request.context === SESSION_CONTEXT ? 'session' : undefined;
    if (!key || this.provided === null) return; // not ours, or broken: let the widget fend for itself
    event.stopPropagation();
    const {callback} = request;
    if (request.subscribe) {
      let subscription = this.subscribers.get(callback);
      if (!subscription) {
        subscription = {key, unsubscribe: () => this.subscribers.delete(callback)};
        this.subscribers.set(callback, subscription);
      }
      callback(this.provided?.[key], subscription.unsubscribe);
    } else if (this.provided) {
      callback(this.provided[key]);
    }
    this.load();
  };

  /** Loads the backend for the current attributes, once; answers every waiting subscriber. */
  private load() {
    if (this.pending) return;
    const generation = this.generation;
    this.pending = import('./internal/config-backend.js')
      .then(({loadConfiguredBackend}) => loadConfiguredBackend(this))
      .then((backend) => {
        if (generation !== this.generation) return;
        this.provided = backend;
        for (const [callback, {key, unsubscribe}] of this.subscribers) callback(backend?.[key], unsubscribe);
        // A consumer that was told "broken" boots alone and no longer needs us.
        if (!backend) this.subscribers.clear();
      });
  }

  /** The settings changed: load the backend they ask for, if anyone has asked for one. */
  private reload() {
    if (!this.pending) return;
    this.generation++;
    this.pending = undefined;
    this.provided = undefined;
    this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'leave-a-reply-config': LeaveAReplyConfigElement;
  }
}
