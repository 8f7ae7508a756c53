/** Fired when the signed-in reader signs out (Log Out, or the element's `signOut()`). */
export class SignOutEvent extends Event {
  static readonly eventName = 'lar-sign-out';
  constructor() {
    super(SignOutEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lar-sign-out': SignOutEvent;
  }
}
