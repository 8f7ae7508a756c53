import type {Context} from '@lit/context';
import type {ReactiveController, ReactiveElement} from 'lit';

/**
 * A value an enclosing provider gives by the context protocol (`<leave-a-reply-config>`, a test
 * harness, any @lit/context provider), followed while the host is connected. It is what
 * @lit/context's `@consume({subscribe: true})` does, in a few lines of the same protocol, so the
 * view's first render does not carry the library.
 */
export class ContextValue<T> implements ReactiveController {
  value: T | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly context: Context<unknown, T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // The shape of @lit/context's ContextRequestEvent; a provider answers at once if there is one.
    const request = Object.assign(new Event('context-request', {bubbles: true, composed: true}), {
      context: this.context,
      contextTarget: this.host,
      callback: this.receive,
      subscribe: true,
    });
    this.host.dispatchEvent(request);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private readonly receive = (value: T, unsubscribe?: () => void) => {
    // Another provider (a nearer one that appeared since) answers now: let go of the old one.
    if (this.unsubscribe && this.unsubscribe !== unsubscribe) this.unsubscribe();
    this.unsubscribe = unsubscribe;
    this.value = value;
    this.host.requestUpdate();
  };
}
