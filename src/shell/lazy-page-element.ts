import type {FirebaseOptions} from '../boot/firebase-options.js';
import type {StringOverrides} from '../i18n/registered-strings.js';
import {HTMLElementBase} from './html-element.js';
import {whenNearViewport} from './lazy-boot.js';

/** What a lazily loaded view offers the element that hosts it. */
export interface HostedView {
  /** The host's attributes or properties changed. */
  hostChanged(): void;
}

/**
 * What `<leave-a-reply>` and `<leave-a-reply-count>` share: the page and Firebase properties,
 * and loading their view only when they near the viewport (at once with `loading="eager"`).
 * Lit-free, as it is part of the script-tag entry.
 */
export abstract class LazyPageElement<View extends HostedView> extends HTMLElementBase {
  protected view: View | undefined;
  private booting: Promise<void> | undefined;
  private stopWaiting: (() => void) | undefined;
  private config: FirebaseOptions | undefined;
  private ownStrings: StringOverrides | undefined;

  /** The Firebase web app config as one object (instead of the separate attributes). */
  get firebaseConfig(): FirebaseOptions | undefined {
    return this.config;
  }
  set firebaseConfig(value: FirebaseOptions | undefined) {
    this.config = value;
    this.view?.hostChanged();
  }

  /**
   * This element's own text, laid over its language's catalog (and over what the site gave
   * `registerLanguage`), whatever the language: `{leaveReply: 'Join the discussion'}`. Give a new
   * object to change it again.
   */
  get strings(): StringOverrides | undefined {
    return this.ownStrings;
  }
  set strings(value: StringOverrides | undefined) {
    this.ownStrings = value;
    this.view?.hostChanged();
  }

  // A property for each attribute, reflecting it (shell/attribute-properties.ts defines them;
  // these declarations give them their types and their place in the manifest).
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
  /** Explicit thread key; wins over the URL. */
  declare pageId: string | null;
  /** The URL that scopes the thread; defaults to the page's canonical URL. */
  declare pageUrl: string | null;
  /** `lazy` (default): boots when near the viewport; `eager`: at once. */
  declare loading: 'lazy' | 'eager' | (string & {}) | null;

  /** What the shadow root holds until the view arrives. */
  protected abstract readonly placeholder: string;

  /** Fetches the view's chunk and makes the view. */
  protected abstract loadView(): Promise<View>;

  connectedCallback(): void {
    if (!this.shadowRoot) this.attachShadow({mode: 'open'}).innerHTML = this.placeholder;
    if (this.view) this.view.hostChanged();
    else if (this.getAttribute('loading') === 'eager') void this.boot();
    else if (!this.booting) this.stopWaiting ??= whenNearViewport(this, () => void this.boot());
  }

  disconnectedCallback(): void {
    this.stopWaiting?.();
    this.stopWaiting = undefined;
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'loading' && value === 'eager' && old !== value && this.isConnected) void this.boot();
    this.view?.hostChanged();
  }

  /** Loads the view now, whatever `loading` says. Resolves when it is in place. */
  boot(): Promise<void> {
    this.stopWaiting?.();
    this.stopWaiting = undefined;
    return (this.booting ??= this.loadView().then((view) => {
      this.view = view;
    }));
  }
}
