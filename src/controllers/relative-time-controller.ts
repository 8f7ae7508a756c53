import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {UNITS} from '../i18n/format.js';

/**
 * Milliseconds until relativeTime's text for something `ageMs` old changes ("now" → "1 minute ago",
 * "3 hours ago" → "4 hours ago"…): a minute at most while it is minutes old, hours once it is days.
 */
export function untilRelativeTimeChanges(ageMs: number): number {
  const age = Math.max(0, ageMs) / 1000;
  let larger = Infinity; // when the next larger unit takes over
  for (const [, size] of UNITS) {
    // The unit shown is rounded (below: half a unit past one reads as one), so its number moves
    // just past each half unit.
    if (age >= size) return (Math.min(larger, (Math.ceil(age / size - 0.5) + 0.5) * size) - age) * 1000;
    larger = size;
  }
  return (larger - age) * 1000; // "now" until it is a minute old
}

/** What a host shows relative times for. */
type Times = () => readonly {createdAt: Date}[];

// One timer for every widget on the page, set for the next moment any shown text changes: every
// few seconds only while something is under a minute old, hourly once the newest is a day old.
// Nothing runs in a hidden tab; coming back re-renders at once.
const hosts = new Map<ReactiveControllerHost, Times>();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  clearTimeout(timer);
  timer = undefined;
  if (!hosts.size || document.hidden) return;
  const now = Date.now();
  let wait = Infinity;
  for (const times of hosts.values()) {
    for (const {createdAt} of times()) wait = Math.min(wait, untilRelativeTimeChanges(now - createdAt.getTime()));
  }
  // A little late rather than early, when the text has not changed yet; no more than daily.
  if (wait < Infinity) timer = setTimeout(tick, Math.min(wait + 250, 86_400_000));
}

function tick(): void {
  for (const host of hosts.keys()) host.requestUpdate();
  schedule();
}

function onVisibility(): void {
  if (document.hidden)
    schedule(); // stops the timer
  else tick();
}

/**
 * Keeps a host's relative times ("now", "5 minutes ago") true as time passes: it re-renders the
 * host when one of them would read differently.
 */
export class RelativeTimeController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly times: Times,
  ) {
    host.addController(this); // calls hostConnected when the host is connected already
  }

  hostConnected(): void {
    if (!hosts.size) document.addEventListener('visibilitychange', onVisibility);
    hosts.set(this.host, this.times);
    schedule();
  }

  /** New times to follow (the thread changed): the next tick may be sooner. */
  hostUpdated(): void {
    if (hosts.has(this.host)) schedule();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (!hosts.size) document.removeEventListener('visibilitychange', onVisibility);
    schedule();
  }
}
