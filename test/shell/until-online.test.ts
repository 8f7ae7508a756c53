import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {untilOnline} from '../../src/shell/until-online.js';

describe('untilOnline', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers()));
  afterEach(() => clock.restore());

  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    return () => done;
  };

  it('resolves as soon as the browser says it is online', async () => {
    const done = settled(untilOnline(5));
    await clock.tickAsync(100);
    expect(done()).to.equal(false);
    window.dispatchEvent(new Event('online'));
    await clock.tickAsync(0);
    expect(done()).to.equal(true);
  });

  it('otherwise waits a time that doubles with each failed try, up to 30 s', async () => {
    for (const [tries, ms] of [
      [1, 1000],
      [2, 2000],
      [4, 8000],
      [10, 30_000],
    ]) {
      const done = settled(untilOnline(tries));
      await clock.tickAsync(ms - 1);
      expect(done(), `try ${tries} before ${ms} ms`).to.equal(false);
      await clock.tickAsync(1);
      expect(done(), `try ${tries} at ${ms} ms`).to.equal(true);
    }
  });
});
