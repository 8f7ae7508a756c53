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
  // A macrotask without setTimeout's 4 ms clamp, so polling adds no delay of its own.
  const channel = new MessageChannel();
  const nextTask = () =>
    new Promise((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
    const want = Math.min(size, 20);
    for (;;) {
      const root = el.shadowRoot?.querySelector('lar-comment-section')?.shadowRoot;
      if (root && root.querySelectorAll('[part=comment]').length >= want) break;
      await nextTask();
    }
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
    // The form the widget shows under the thread: heading, comment box, guest fields, checkbox, button.
    const form = document.createElement('form');
    const h3 = document.createElement('h3');
    h3.textContent = 'Leave a Reply';
    form.append(h3);
    for (const [name, label] of [['body', 'Comment'], ['email', 'Email (required)'], ['name', 'Name (required)'], ['url', 'Website']]) {
      const field = document.createElement('div');
      const labelEl = document.createElement('label');
      labelEl.htmlFor = name;
      labelEl.textContent = label;
      const input = document.createElement(name === 'body' ? 'textarea' : 'input');
      input.id = name;
      field.append(labelEl, input);
      form.append(field);
    }
    const remember = document.createElement('input');
    remember.type = 'checkbox';
    const submit = document.createElement('button');
    submit.textContent = 'Post Comment';
    form.append(remember, submit);
    root.append(h2, list, form);
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

/** Render times for each thread size, after a warm-up that loads every chunk once. */
export async function measureRendering(browser, sizes = [10, 100, 1000, 10000], runs = 7) {
  const server = await serveStatic(dist, {'/bench/': PAGE});
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/bench/`);
    await page.evaluate(renderInPage, {size: 5, runs: 2}); // warm-up: chunks loaded and compiled
    const results = [];
    for (const size of sizes) results.push({size, ...(await page.evaluate(renderInPage, {size, runs}))});
    return results;
  } finally {
    await page.close();
    await server.close();
  }
}
