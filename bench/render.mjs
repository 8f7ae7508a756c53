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
  // The widget's first page: the first 20 top-level comments, each with the replies under it
  // (pages count top-level comments). In storage order a reply comes after the comment it answers.
  const firstPage = (comments) => {
    const shown = new Set();
    let tops = 0;
    return comments.filter((c) => {
      const inPage = c.parentId ? shown.has(c.parentId) : tops++ < 20;
      if (inPage) shown.add(c.id);
      return inPage;
    });
  };
  const want = firstPage(JSON.parse(stored)).length;
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
    await commentsShown(el, want);
    void el.offsetHeight; // include layout, as the baseline does
    const time = performance.now() - start;
    sheets ??= el.shadowRoot.querySelector('lar-comment-section').shadowRoot.adoptedStyleSheets;
    el.remove();
    localStorage.removeItem(key(id));
    return time;
  }

  // The widget's stylesheets, taken from its first render: the baseline's shadow root adopts the
  // very same sheets, as the widget's does (Lit builds them once per page, so neither side pays
  // for parsing them in the time measured).
  let sheets;

  // Formatters made once, as the widget caches its own.
  const relative = new Intl.RelativeTimeFormat('en', {numeric: 'auto'});
  const exact = new Intl.DateTimeFormat('en', {dateStyle: 'long', timeStyle: 'short'});
  const UNITS = [
    ['year', 31536000],
    ['month', 2592000],
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  function relativeTime(date, now) {
    const seconds = (date - now) / 1000;
    for (const [unit, length] of UNITS)
      if (Math.abs(seconds) >= length) return relative.format(Math.round(seconds / length), unit);
    return relative.format(0, 'second');
  }
  const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/gi;

  // The same markup as the widget's first screen, built by hand: the same elements, attributes and
  // text, nested replies included, under the same stylesheets. It reads the stored comments as
  // they are ordered in storage (oldest first), so it skips the sorting the widget must do.
  function baselineOnce() {
    const start = performance.now();
    const comments = firstPage(JSON.parse(stored));
    const now = new Date();
    const host = document.createElement('div');
    const root = host.attachShadow({mode: 'open'});
    root.adoptedStyleSheets = sheets;
    const section = document.createElement('section');
    section.className = 'root';
    section.setAttribute('aria-labelledby', 'lar-title');
    section.lang = 'en';
    section.dir = 'ltr';
    const header = document.createElement('header');
    header.setAttribute('part', 'header');
    header.className = 'header';
    const h2 = document.createElement('h2');
    h2.setAttribute('part', 'title');
    h2.id = 'lar-title';
    h2.tabIndex = -1;
    h2.textContent = `${size.toLocaleString('en')} thoughts on “Bench”`;
    header.append(h2);
    const list = document.createElement('ol');
    list.setAttribute('part', 'thread');
    list.className = 'thread';
    const shown = new Map(); // id → [comment, its <li>, its depth]
    for (const c of comments) {
      const name = c.author.name;
      const parent = c.parentId ? shown.get(c.parentId) : undefined;
      const li = document.createElement('li');
      li.setAttribute('part', 'comment');
      li.className = 'comment';
      li.id = `comment-${c.id}`;
      const depth = parent ? parent[2] + 1 : 1;
      li.dataset.depth = String(depth);
      li.dataset.status = c.status;
      li.setAttribute('aria-busy', 'false');
      const article = document.createElement('article');
      article.setAttribute('aria-label', parent ? `${name}, In reply to ${parent[0].author.name}` : name);
      const head = document.createElement('header');
      head.className = 'comment-head';
      const avatar = document.createElement('span');
      avatar.setAttribute('part', 'avatar');
      avatar.className = 'avatar';
      let hue = 0;
      for (const ch of c.author.uid) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
      avatar.setAttribute('aria-hidden', 'true');
      avatar.setAttribute('style', `--lar-avatar-hue: ${hue}`);
      avatar.textContent = name[0].toUpperCase();
      const byline = document.createElement('div');
      byline.className = 'byline';
      const author = document.createElement('span');
      author.setAttribute('part', 'author');
      author.className = 'author';
      author.dir = 'auto';
      author.textContent = name;
      const meta = document.createElement('span');
      meta.setAttribute('part', 'meta');
      meta.className = 'meta';
      const permalink = document.createElement('a');
      permalink.className = 'permalink';
      permalink.href = `#comment-${c.id}`;
      const time = document.createElement('time');
      const created = new Date(c.createdAt);
      time.dateTime = c.createdAt;
      time.title = exact.format(created);
      time.textContent = relativeTime(created, now);
      permalink.append(time);
      meta.append(permalink);
      byline.append(author, ' ', meta);
      head.append(avatar, byline);
      const body = document.createElement('div');
      body.setAttribute('part', 'body');
      body.className = 'body';
      for (const para of c.body.split('\n\n')) {
        const p = document.createElement('p');
        p.dir = 'auto';
        let last = 0;
        for (const match of para.matchAll(URL_IN_TEXT)) {
          const href = match[0].replace(/[.,;:!?'")\]]+$/, '');
          if (match.index > last) p.append(para.slice(last, match.index));
          const a = document.createElement('a');
          a.href = href;
          a.rel = 'nofollow ugc noopener';
          a.target = '_blank';
          a.textContent = href;
          p.append(a);
          last = match.index + href.length;
        }
        if (last < para.length) p.append(para.slice(last));
        body.append(p);
      }
      const actions = document.createElement('div');
      actions.setAttribute('part', 'actions');
      actions.className = 'actions';
      const reply = document.createElement('button');
      reply.setAttribute('part', 'reply-button');
      reply.type = 'button';
      reply.className = 'reply';
      reply.setAttribute('aria-label', `Reply to ${name}`);
      reply.setAttribute('aria-pressed', 'false');
      reply.textContent = 'Reply';
      actions.append(reply);
      article.append(head, body, actions);
      li.append(article);
      if (parent) {
        let children = parent[1].lastElementChild;
        if (children?.tagName !== 'OL') {
          children = document.createElement('ol');
          children.className = 'children';
          parent[1].append(children);
        }
        children.append(li);
      } else {
        list.append(li);
      }
      shown.set(c.id, [c, li, depth]);
    }
    section.append(header, list);
    if (size > comments.length) {
      const more = document.createElement('button');
      more.setAttribute('part', 'load-more');
      more.className = 'load-more';
      more.type = 'button';
      more.textContent = 'Load more comments';
      section.append(more);
    }
    const live = document.createElement('div');
    live.className = 'visually-hidden';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    section.append(live);
    // No form: the widget's first render of a thread holds none. Its form loads and renders once
    // the thread is on screen, so neither side builds one in the time measured here.
    root.append(section);
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
