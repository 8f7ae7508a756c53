import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {untilRelativeTimeChanges} from '../../src/controllers/relative-time-controller.js';
import {relativeTime} from '../../src/i18n/format.js';
import {resolveThread} from '../../src/model/page-identity.js';
import {MemoryStore} from '../../src/store/memory/memory-store.js';
import {comment, mount, PAGE} from '../helpers/mount.js';
import {waitUntil} from '../helpers/wait-until.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('relative times', () => {
  it('change exactly when their text would: often while minutes old, rarely once days old', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    for (const age of [0, 10_000, 59_000, 90_000, 40 * MINUTE, 59.4 * MINUTE, 3 * HOUR, 2 * DAY, 40 * DAY, 800 * DAY]) {
      const wait = untilRelativeTimeChanges(age);
      const at = (ms: number) => relativeTime(new Date(now.getTime() - ms), now, 'en');
      expect(at(age + wait - 1000), `${age} ms old: still the same just before`).to.equal(at(age));
      expect(at(age + wait + 1), `${age} ms old: different just after`).not.to.equal(at(age));
    }
    expect(untilRelativeTimeChanges(10_000)).to.equal(50_000);
    expect(untilRelativeTimeChanges(2 * DAY)).to.equal(DAY / 2, 'days-old text waits half a day, not an hour');
  });

  describe('in the widget', () => {
    let clock: sinon.SinonFakeTimers;
    // Fake time that also moves on its own, so the widget still loads; ticks jump it forward.
    beforeEach(() => {
      localStorage.clear();
      clock = sinon.useFakeTimers({
        now: Date.now(),
        shouldAdvanceTime: true,
        toFake: ['setTimeout', 'clearTimeout', 'Date'],
      });
    });
    afterEach(() => {
      clock.restore();
      delete (document as {hidden?: boolean}).hidden;
    });

    async function thread() {
      const store = new MemoryStore();
      const fresh = comment({createdAt: new Date(), body: 'Just posted'});
      const old = comment({createdAt: new Date(Date.now() - 3 * DAY), body: 'Three days ago'});
      store.seed(await resolveThread({pageUrl: PAGE}), [old, fresh]);
      const m = await mount({}, store);
      const time = (id: string) => m.$(`#comment-${id} time`)?.textContent?.trim();
      await waitUntil(() => m.$('lar-reply-form'), 'the form (and the rest) did not load');
      return {m, time, fresh, old};
    }

    it('move on as time passes, one timer for the whole thread', async () => {
      const {time, fresh, old} = await thread();
      expect(time(fresh.id)).to.equal('now');
      await clock.tickAsync(61_000);
      await waitUntil(() => time(fresh.id) === '1 minute ago', `saw “${time(fresh.id)}”`);
      await clock.tickAsync(2 * HOUR);
      await waitUntil(() => time(fresh.id) === '2 hours ago', `saw “${time(fresh.id)}”`);
      expect(time(old.id)).to.equal('3 days ago');
    });

    it('stop in a hidden tab and catch up when it is shown again', async () => {
      const {time, fresh} = await thread();
      // Chromium cannot hide the test's own tab from inside the page: the page's visibility is
      // stood in for here, and the widget reads it through the same document.hidden and event.
      Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});
      document.dispatchEvent(new Event('visibilitychange'));
      await clock.tickAsync(5 * MINUTE);
      expect(clock.countTimers(), 'no timer runs for the times while hidden').to.equal(0);
      expect(time(fresh.id)).to.equal('now');
      Object.defineProperty(document, 'hidden', {configurable: true, get: () => false});
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => time(fresh.id) === '5 minutes ago', `saw “${time(fresh.id)}”`);
    });
  });
});
