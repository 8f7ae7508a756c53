// Times the built widget's first render of threads of several sizes against a hand-written DOM
// baseline that parses the same stored data and builds the same markup for the same comments.
import {fileURLToPath} from 'node:url';
import {serveStatic} from '../test/e2e/static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<script type="module" src="/leave-a-reply.js"></script></head><body><div id="stage"></div></body></html>`;

// Runs in the page. Returns {widget, baseline} in milliseconds (medians of `runs`).
async function renderInPage({size, runs}) {
  const key = (id) => `leave-a-reply:thread:${id}`;
  const stored = JSON.stringify(
    Array.from({length: size}, (_, i) => ({
      id: `c${String(i).padStart(6, '0')}`,
      parentId: i % 4 === 3 ? `c${String(i - 1).padStart(6, '0')}` : null,
      body: `Comment number ${i}. The middle stretch drags, but the ending earns it.\n\nSecond paragraph with https://film.example/${i}.`,
      author: {uid: `u${i % 50}`, name: `Reader ${i % 50}`, provider: 'guest'},
      status: 'published',
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString(),
    })),
  );
  const stage = document.getElementById('stage');
  // A macrotask without setTimeout's 4 ms clamp, to let the page settle between runs.
  const channel = new MessageChannel();
  const nextTask = () =>
    new Promise((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

  // Resolves once the widget's view holds `want` comments. Mutation observers on its shadow roots
  // see them in the task that inserts them; polling from later tasks would also count whatever
  // the browser does first (often painting a frame), which the synchronous baseline never pays.
  function commentsShown(el, want) {
    return new Promise((resolve) => {
      const observers = [];
      const watch = (root) => {
        const observer = new MutationObserver(check);
        observer.observe(root, {childList: true, subtree: true});
        observers.push(observer);
      };
      let viewRoot;
      function check() {
        viewRoot ??= el.shadowRoot.querySelector('lar-comment-section')?.shadowRoot;
        if (viewRoot && observers.length === 1) watch(viewRoot);
        if (viewRoot?.querySelectorAll('[part=comment]').length >= want) {
          for (const observer of observers) observer.disconnect();
          resolve();
        }
      }
      watch(el.shadowRoot);
      check();
    });
  }

  async function widgetOnce(run) {
    const id = `bench-${size}-${run}`;
    localStorage.setItem(key(id), stored);
    const el = document.createElement('leave-a-reply');
    el.setAttribute('backend', 'local');
    el.setAttribute('loading', 'eager');
    el.setAttribute('page-id', id);
    el.setAttribute('page-title', 'Bench');
    const start = performance.now();
    stage.append(el);
    await commentsShown(el, Math.min(size, 20));
    void el.offsetHeight; // include layout, as the baseline does
    const time = performance.now() - start;
    el.remove();
    localStorage.removeItem(key(id));
    return time;
  }

  // The same markup, built by hand for the comments the widget shows on its first screen.
  function baselineOnce() {
    const start = performance.now();
    const comments = JSON.parse(stored).slice(0, 20);
    const host = document.createElement('div');
    const root = host.attachShadow({mode: 'open'});
    const h2 = document.createElement('h2');
    h2.textContent = `${size} thoughts on “Bench”`;
    const list = document.createElement('ol');
    for (const c of comments) {
      const li = document.createElement('li');
      li.id = `comment-${c.id}`;
      const article = document.createElement('article');
      const header = document.createElement('header');
      const avatar = document.createElement('span');
      avatar.textContent = c.author.name[0];
      const author = document.createElement('span');
      author.textContent = c.author.name;
      const time = document.createElement('time');
      time.dateTime = c.createdAt;
      time.title = new Date(c.createdAt).toLocaleString('en');
      time.textContent = 'months ago';
      header.append(avatar, author, time);
      const body = document.createElement('div');
      for (const para of c.body.split('\n\n')) {
        const p = document.createElement('p');
        p.textContent = para;
        body.append(p);
      }
      const button = document.createElement('button');
      button.textContent = 'Reply';
      article.append(header, body, button);
      li.append(article);
      list.append(li);
    }
    // No form: the widget's first render of a thread holds none. Its form loads and renders once
    // the thread is on screen, so neither side builds one in the time measured here.
    root.append(h2, list);
    stage.append(host);
    void host.offsetHeight;
    const time = performance.now() - start;
    host.remove();
    return time;
  }

  const widget = [];
  const baseline = [];
  for (let run = 0; run < runs; run++) {
    widget.push(await widgetOnce(run));
    baseline.push(baselineOnce());
    await nextTask();
  }
  return {widget: median(widget), baseline: median(baseline)};
}

/**
 * Render times for each thread size, after a warm-up: both renderers first draw a first screen
 * of comments 30 times, so every chunk has loaded and V8 has optimised both before anything is
 * timed. (The first few renders on a page run unoptimised code and take several times as long,
 * the widget's more than the baseline's, whose work is mostly inside the DOM.)
 */
export async function measureRendering(browser, sizes = [10, 100, 1000, 10000], runs = 7) {
  const server = await serveStatic(dist, {'/bench/': PAGE});
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/bench/`);
    await page.evaluate(renderInPage, {size: 100, runs: 30});
    const results = [];
    for (const size of sizes) results.push({size, ...(await page.evaluate(renderInPage, {size, runs}))});
    return results;
  } finally {
    await page.close();
    await server.close();
  }
}
