/**
 * Single-page apps: the router changes `pageUrl`/`pageTitle` on the same `<leave-a-reply>`, and
 * each route must show its own thread, never a frame of the previous route's comments.
 */
import {expect} from '@open-wc/testing';
import {waitUntil} from '../../helpers/wait-until.js';
import sinon from 'sinon';
import type {ThreadRef} from '../../../src/model/comment.js';
import {resolveThread} from '../../../src/model/page-identity.js';
import {comment, mount, type Mounted} from '../../helpers/mount.js';

const ROUTES = [
  {url: 'https://the-long-take.example/reviews/her/', title: 'Her', bodies: ['Samantha felt real.', 'The letters!']},
  {url: 'https://the-long-take.example/reviews/arrival/', title: 'Arrival', bodies: ['Heptapods, at last.']},
  {url: 'https://the-long-take.example/reviews/solaris/', title: 'Solaris', bodies: []},
];

interface Frame {
  title: string;
  bodies: string[];
}

/** Records what the section shows after every DOM change and on every animation frame. */
function recordFrames(m: Mounted): {frames: Frame[]; stop(): void} {
  const frames: Frame[] = [];
  const snapshot = () =>
    frames.push({
      title: (m.$('[part=title]')?.textContent ?? '').trim(),
      bodies: m.$$('[part=body]').map((b) => (b.textContent ?? '').trim()),
    });
  const observer = new MutationObserver(snapshot);
  observer.observe(m.section.shadowRoot!, {subtree: true, childList: true, characterData: true, attributes: true});
  let frame = requestAnimationFrame(function tick() {
    snapshot();
    frame = requestAnimationFrame(tick);
  });
  return {
    frames,
    stop() {
      observer.disconnect();
      cancelAnimationFrame(frame);
    },
  };
}

/** What the demo's router does on a route change. */
function navigate(m: Mounted, route: (typeof ROUTES)[number]) {
  m.el.pageUrl = route.url;
  m.el.pageTitle = route.title;
}

describe('<leave-a-reply> in a single-page app', () => {
  let threads: ThreadRef[];

  beforeEach(async () => {
    localStorage.clear();
    threads = await Promise.all(ROUTES.map((r) => resolveThread({pageUrl: r.url, pageTitle: r.title})));
  });

  /** Navigates through the routes, checking every recorded frame after each switch. */
  async function tour(m: Mounted) {
    for (const [from, to] of [
      [0, 1],
      [1, 2],
      [2, 0],
      [0, 1],
    ]) {
      const recorder = recordFrames(m);
      navigate(m, ROUTES[to]);
      const n = ROUTES[to].bodies.length;
      const heading = `${n === 0 ? 'No thoughts yet' : n === 1 ? '1 thought' : `${n} thoughts`} on “${ROUTES[to].title}”`;
      await waitUntil(
        () => (m.$('[part=title]')?.textContent ?? '').trim() === heading && m.$$('[part=body]').length === n,
        `route ${ROUTES[to].title} did not show its thread`,
      );
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      recorder.stop();

      expect(recorder.frames.length, 'frames recorded').to.be.above(0);
      const stale = recorder.frames.filter((f) => f.bodies.some((b) => ROUTES[from].bodies.includes(b)));
      expect(
        stale,
        `frames showing ${ROUTES[from].title}’s comments after navigating to ${ROUTES[to].title}`,
      ).to.deep.equal([]);
      for (const frame of recorder.frames) {
        expect(
          frame.bodies.every((b) => ROUTES[to].bodies.includes(b)),
          JSON.stringify(frame),
        ).to.equal(true);
      }
      expect(m.$$('[part=body]').map((b) => (b.textContent ?? '').trim())).to.deep.equal(ROUTES[to].bodies);
    }
  }

  async function mountOnFirstRoute(): Promise<Mounted> {
    const m = await mount({'page-url': ROUTES[0].url, 'page-title': ROUTES[0].title});
    ROUTES.forEach((route, i) =>
      m.store.seed(
        threads[i],
        route.bodies.map((body) => comment({body})),
      ),
    );
    await waitUntil(() => m.$$('[part=body]').length === 2, 'first route’s comments');
    return m;
  }

  it('shows each route’s own comments, with no frame of the previous route’s', async () => {
    await tour(await mountOnFirstRoute());
  });

  it('shows no frame of the previous route’s comments even while the new page’s URL is still being hashed', async () => {
    const m = await mountOnFirstRoute();
    // A slow device: naming the new thread (SHA-256 of its URL) takes a few frames.
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    const slow = sinon.stub(crypto.subtle, 'digest').callsFake(async (algorithm, data) => {
      await new Promise((r) => setTimeout(r, 60));
      return digest(algorithm, data);
    });
    try {
      await tour(m);
    } finally {
      slow.restore();
    }
  });
});
