/** When a polling thread view asks again: the Firestore store's live updates (poll-schedule.ts). */
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {PollSchedule} from '../../../src/store/firestore/poll-schedule.js';

describe('PollSchedule', () => {
  let clock: sinon.SinonFakeTimers;
  let schedule: PollSchedule | undefined;
  let hidden = false;

  beforeEach(() => {
    clock = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
    hidden = false;
    sinon.stub(document, 'hidden').get(() => hidden);
  });
  afterEach(() => {
    schedule?.stop();
    sinon.restore();
    clock.restore();
  });

  /** Starts a schedule whose polls report `changes` in turn (then "nothing new"); returns the poll times. */
  function start(changes: boolean[] = []) {
    const times: number[] = [];
    schedule = new PollSchedule(
      async () => {
        times.push(Date.now());
        return changes.shift() ?? false;
      },
      {minMs: 1000, maxMs: 3000},
    );
    return times;
  }

  it('polls at once, then less often while nothing changes, up to the longest delay', async () => {
    const times = start();
    await clock.tickAsync(10_000);
    // 0, then waits of 1.5 s, 2.25 s, 3 s (capped), 3 s.
    expect(times).to.deep.equal([0, 1500, 3750, 6750, 9750]);
  });

  it('after a failed read, asks again within a second, then twice as long each time, never past the longest wait', async () => {
    const times: number[] = [];
    let failing = 4;
    schedule = new PollSchedule(
      async () => {
        times.push(Date.now());
        await Promise.resolve(); // (the first poll starts inside the constructor)
        if (failing-- > 0) schedule!.retrySoon(); // the view's read failed during this poll
        return false;
      },
      {minMs: 6000, maxMs: 60_000},
    );
    await clock.tickAsync(20_000);
    // Fails at 0, 1 s, 3 s, 7 s (waits 1, 2, 4, then capped at 6 s); the poll at 13 s succeeds, then quiet polls.
    expect(times).to.deep.equal([0, 1000, 3000, 7000, 13_000]);
    await clock.tickAsync(10_000);
    expect(times.at(-1), 'then the quiet thread’s longer wait').to.equal(22_000);
  });

  it('polls again soon when a read outside a poll fails (a page of comments)', async () => {
    const times = start();
    await clock.tickAsync(100);
    schedule!.retrySoon();
    await clock.tickAsync(1000);
    expect(times).to.deep.equal([0, 1100]);
  });

  it('goes back to the shortest delay after a poll that saw a change', async () => {
    const times = start([false, false, true]);
    await clock.tickAsync(6000);
    expect(times).to.deep.equal([0, 1500, 3750, 4750]);
  });

  it('does not poll in a hidden tab, and polls when it is shown again if a poll is due', async () => {
    const times = start();
    await clock.tickAsync(0);
    hidden = true;
    document.dispatchEvent(new Event('visibilitychange'));
    await clock.tickAsync(20_000);
    expect(times).to.deep.equal([0]);
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await clock.tickAsync(0);
    expect(times).to.deep.equal([0, 20_000]);
  });

  it('does not poll while the thread is scrolled away, and polls when it is back if a poll is due', async () => {
    const times = start();
    await clock.tickAsync(0);
    schedule!.setOnScreen(false);
    await clock.tickAsync(10_000);
    expect(times).to.deep.equal([0]);
    schedule!.setOnScreen(true);
    await clock.tickAsync(0);
    expect(times).to.deep.equal([0, 10_000]);
    // Back on screen before the next poll is due: it waits for its time.
    schedule!.setOnScreen(false);
    schedule!.setOnScreen(true);
    await clock.tickAsync(1000);
    expect(times).to.deep.equal([0, 10_000]);
  });

  it('polls at once when the connection comes back, or when asked', async () => {
    const times = start();
    await clock.tickAsync(100);
    window.dispatchEvent(new Event('online'));
    await clock.tickAsync(100);
    schedule!.now();
    await clock.tickAsync(0);
    expect(times).to.deep.equal([0, 100, 200]);
  });

  it('polls no more once stopped', async () => {
    const times = start();
    await clock.tickAsync(0);
    schedule!.stop();
    window.dispatchEvent(new Event('online'));
    await clock.tickAsync(10_000);
    expect(times).to.deep.equal([0]);
  });
});
