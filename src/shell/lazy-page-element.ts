import type {FirebaseOptions} from '../boot/firebase-options.js';
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
export abstract class LazyPageElement<View extends HostedView> extends HTMLElement {
  protected view: View | undefined;
  private booting: Promise<void> | undefined;
  private stopWaiting: (() => void) | undefined;
  private config: FirebaseOptions | undefined;

  /** The Firebase web app config as one object (instead of the separate attributes). */
  get firebaseConfig(): FirebaseOptions | undefined {
    return this.config;
  }
  set firebaseConfig(value: FirebaseOptions | undefined) {
    this.config = value;
    this.view?.hostChanged();
  }

  /** Explicit thread key; wins over the URL. */
  get pageId(): string | null {
    return this.getAttribute('page-id');
  }
  set pageId(value: string | null) {
    this.reflect('page-id', value);
  }

  /** The URL that scopes the thread; defaults to the page's canonical URL. */
  get pageUrl(): string | null {
    return this.getAttribute('page-url');
  }
  set pageUrl(value: string | null) {
    this.reflect('page-url', value);
  }

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

  protected reflect(name: string, value: string | null) {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }
}
