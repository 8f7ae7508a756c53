import type {SessionUser} from '../auth/session.js';

/**
 * Fired when the widget learns who the reader is: after they sign in (with a provider, an email
 * link, the site's custom token, or as a guest with their first comment), when a guest's identity
 * is upgraded to an account, and when a signed-in reader comes back on a later page load.
 * `detail` is the user: `{uid, provider, name?, avatarUrl?}` (never an email address).
 */
export class SignInEvent extends CustomEvent<Omit<SessionUser, 'email'>> {
  static readonly eventName = 'lar-sign-in';
  constructor({email: _private, ...user}: SessionUser) {
    super(SignInEvent.eventName, {detail: user, bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lar-sign-in': SignInEvent;
  }
}
