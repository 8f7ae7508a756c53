import {LitElement, html} from 'lit';
import {provide} from '@lit/context';
import {sessionContext, type Session} from '../../src/auth/session.js';
import {commentStoreContext, type CommentStore} from '../../src/store/comment-store.js';

/**
 * Provides a store and session to the widgets inside it, through the same contexts
 * `<leave-a-reply-config>` uses, so UI tests can hand the widget a MemoryStore.
 */
export class TestBackend extends LitElement {
  @provide({context: commentStoreContext}) store: CommentStore | undefined;
  @provide({context: sessionContext}) session: Session | undefined;

  override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get('lar-test-backend')) customElements.define('lar-test-backend', TestBackend);
