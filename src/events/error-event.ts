/** What went wrong, for the host page (the reader sees a message inside the widget). */
export interface LarErrorDetail {
  code: string;
  message: string;
}

export class LarErrorEvent extends CustomEvent<LarErrorDetail> {
  static readonly eventName = 'lar-error';
  constructor(detail: LarErrorDetail) {
    super(LarErrorEvent.eventName, {detail, bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lar-error': LarErrorEvent;
  }
}
