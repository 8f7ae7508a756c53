import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {untilOnline} from '../../src/shell/until-online.js';

describe('untilOnline, edge cases', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers()));
  afterEach(() => {
    clock.restore();
    delete (navigator as {onLine?: boolean}).onLine; // back to Navigator.prototype's getter
  });

  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    return () => done;
  };
  const sayOnline = (online: boolean) =>
    Object.defineProperty(navigator, 'onLine', {value: online, configurable: true});

  it('waits one second for a first try, or a nonsense count of tries', async () => {
    for (const tries of [0, -3, 1]) {
      const done = settled(untilOnline(tries));
      await clock.tickAsync(999);
      expect(done(), `${tries} tries, 999 ms`).to.equal(false);
      await clock.tickAsync(1);
      expect(done(), `${tries} tries, 1000 ms`).to.equal(true);
    }
  });

  it('still waits when the browser already says it is online: the server may be out of reach', async () => {
    sayOnline(true);
    const done = settled(untilOnline(3));
    await clock.tickAsync(3999);
    expect(done(), 'navigator.onLine alone does not end the wait').to.equal(false);
    await clock.tickAsync(1);
    expect(done()).to.equal(true);
  });

  it('ends the wait early on an online event while offline', async () => {
    sayOnline(false);
    const done = settled(untilOnline(10));
    await clock.tickAsync(29_000);
    expect(done()).to.equal(false);
    sayOnline(true);
    window.dispatchEvent(new Event('online'));
    await clock.tickAsync(0);
    expect(done()).to.equal(true);
  });

  it('wakes every waiter on one online event, and ignores offline events', async () => {
    const waiters = [settled(untilOnline(5)), settled(untilOnline(6)), settled(untilOnline(7))];
    window.dispatchEvent(new Event('offline'));
    await clock.tickAsync(10);
    expect(waiters.map((done) => done())).to.deep.equal([false, false, false]);
    window.dispatchEvent(new Event('online'));
    await clock.tickAsync(0);
    expect(waiters.map((done) => done())).to.deep.equal([true, true, true]);
  });

  it('leaves no timer and no listener behind once settled', async () => {
    const added = sinon.spy(window, 'addEventListener');
    const removed = sinon.spy(window, 'removeEventListener');
    try {
      const early = untilOnline(8);
      window.dispatchEvent(new Event('online'));
      await early;
      expect(clock.countTimers(), 'the backoff timer is cleared').to.equal(0);

      const late = untilOnline(1);
      await clock.tickAsync(1000);
      await late;
      const listeners = (spy: sinon.SinonSpy) =>
        spy
          .getCalls()
          .filter((call) => call.args[0] === 'online')
          .map((call) => call.args[1] as unknown);
      expect(listeners(added)).to.have.length(2);
      expect(listeners(removed)).to.deep.equal(listeners(added));
    } finally {
      added.restore();
      removed.restore();
    }
  });
});
