/**
 * When a thread view of the Firestore store next asks whether its thread changed. The store uses
 * firestore/lite, which has no listeners (the full SDK's would cost the page ~60 KB more gzip),
 * so live updates are polls of the thread document, one read each: often while the thread is
 * changing, less and less often while it is not, no scheduled ones while the tab is hidden or the
 * thread is scrolled out of view, and at once when it is shown again (if a poll is due), the
 * connection comes back or this reader has just written. A read that failed (a dropped answer,
 * a moment offline) is tried again within a second, then less often, never waiting for the quiet
 * thread's long delay.
 */
export interface PollTiming {
  /** The delay after a poll that saw a change (and the first delay). */
  minMs: number;
  /** The longest delay, reached after quiet polls (each waits 1.5× the one before). */
  maxMs: number;
}

export const POLL_TIMING: PollTiming = {minMs: 20_000, maxMs: 120_000};

export class PollSchedule {
  private delay: number;
  private timer?: ReturnType<typeof setTimeout>;
  private lastPoll = 0;
  private polling = false;
  private pollAgain = false;
  private stopped = false;
  private offScreen = false;
  /** Polls in a row in which a read failed; `missed`: one failed since the last poll began. */
  private failures = 0;
  private missed = false;

  /** `poll` resolves true when it saw a change. It is called at once. */
  constructor(
    private readonly poll: () => Promise<boolean>,
    private readonly timing: PollTiming,
  ) {
    this.delay = timing.minMs;
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('online', this.now);
    this.now();
  }

  /** Polls now, or right after the poll under way (this reader just wrote, or came back online). */
  readonly now = (): void => {
    if (this.stopped) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    clearTimeout(this.timer);
    void this.run();
  };

  /** Things are happening: poll at the shortest delay again. */
  quicken(): void {
    this.delay = this.timing.minMs;
    if (!this.polling) this.schedule(this.timing.minMs);
  }

  /** A read failed: poll again soon (after 1 s, then twice as long each time up to minMs). */
  retrySoon(): void {
    this.missed = true;
    if (!this.polling) this.schedule(this.retryDelay(this.failures));
  }

  /** The view scrolled away (no scheduled polls) or back (a poll at once if one is due). */
  setOnScreen(onScreen: boolean): void {
    if (this.offScreen === !onScreen) return;
    this.offScreen = !onScreen;
    this.onVisibility();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('online', this.now);
  }

  private readonly onVisibility = (): void => {
    if (this.stopped || this.polling) return;
    if (document.hidden || this.offScreen) clearTimeout(this.timer);
    else this.schedule(this.lastPoll + this.delay - Date.now());
  };

  private async run(): Promise<void> {
    this.polling = true;
    let changed = false;
    this.missed = false;
    try {
      changed = await this.poll();
    } catch {
      // The view reports its own errors; the schedule only slows down.
    } finally {
      this.polling = false;
      this.lastPoll = Date.now();
    }
    if (this.stopped) return;
    if (this.missed) this.failures++;
    else {
      this.failures = 0;
      this.delay = changed ? this.timing.minMs : Math.min(this.timing.maxMs, Math.round(this.delay * 1.5));
    }
    if (this.pollAgain) {
      this.pollAgain = false;
      this.now();
    } else {
      this.schedule(this.failures ? this.retryDelay(this.failures - 1) : this.delay);
    }
  }

  private retryDelay(failedBefore: number): number {
    return Math.min(this.timing.minMs, 1000 * 2 ** failedBefore);
  }

  private schedule(inMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped || document.hidden || this.offScreen) return;
    this.timer = setTimeout(this.now, Math.max(0, inMs));
  }
}
