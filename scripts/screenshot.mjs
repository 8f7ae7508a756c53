#!/usr/bin/env node
// Makes docs/demo.png, docs/demo-dark.png and docs/demo-ar.png: starts the demo's dev server (the same code as `npm start`, always on
// backend="local"), opens /demo/ in headless Chromium at 1280 px wide, posts a comment and a
// reply through the widget's form as two different guests, and saves the comments area in light,
// dark and Arabic.
//
//   node scripts/screenshot.mjs [output.png]
//
// Chromium: CHROME_PATH, else Debian's /usr/bin/chromium (or chromium-browser, google-chrome).
import {mkdirSync, statSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright';
import {chromiumLaunchOptions} from './chromium.mjs';
import {startDemo} from './start-demo.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const output = resolve(repoRoot, process.argv[2] ?? 'docs/demo.png');

// Each reader gets a fixed guest id (the local session's storage key), so the avatar colours, which
// derive from it, are the same on every run.
const GUEST_KEY = 'leave-a-reply:guest-uid';

const readers = [
  {
    guestId: 'local-reader-17',
    name: 'Maya Okafor',
    email: 'maya@example.com',
    comment:
      'The letter-writing job is such a quiet thesis for the whole film. He can only say what he feels when he is borrowing someone else’s life.\n\nAgreed about the middle stretch, though. I checked my watch once.',
  },
  {
    guestId: 'local-reader-4',
    name: 'Tomás Reyes',
    email: 'tomas@example.com',
    website: 'https://tomas.example',
    comment: 'Saw it twice. The second time the ending felt less like a break-up and more like a graduation.',
    replyTo: 'Maya Okafor',
  },
];

/** Types one reader's comment into the form and posts it, as a person would. */
async function post(page, reader) {
  if (reader.replyTo) {
    await page.getByRole('button', {name: `Reply to ${reader.replyTo}`}).click();
  }
  await page.getByLabel('Comment', {exact: true}).fill(reader.comment);
  await page.getByLabel('Email (required)', {exact: true}).fill(reader.email);
  await page.getByLabel('Name (required)', {exact: true}).fill(reader.name);
  await page.getByLabel('Website', {exact: true}).fill(reader.website ?? '');
  await page.getByRole('button', {name: 'Post Comment'}).click();
  // Posted when it shows in the thread and is no longer marked as sending.
  await page
    .locator('leave-a-reply li.comment[aria-busy="false"]', {has: page.getByText(reader.name, {exact: true})})
    .first()
    .waitFor();
}

async function openDemo(browser, url, storageState) {
  const context = await browser.newContext({
    viewport: {width: 1280, height: 900},
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    storageState,
  });
  // Offline-friendly and deterministic: avatars fall back to the reader's initial.
  await context.route(/^https?:\/\/([a-z0-9-]+\.)*gravatar\.com\//, (route) => route.abort());
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.locator('#comments').scrollIntoViewIfNeeded();
  await page.getByRole('button', {name: 'Post Comment'}).waitFor();
  await page.locator('leave-a-reply button[type="submit"]:not([disabled])').waitFor();
  return {context, page};
}

const {server, url} = await startDemo({port: 5199, useEnv: false, logLevel: 'warn'});
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  // The first reader posts; the second arrives later in another browser profile that sees the
  // same thread (backend="local" keeps it in localStorage) but has its own guest identity.
  const {origin} = new URL(url);
  const guest = (reader) => ({name: GUEST_KEY, value: reader.guestId});
  const first = await openDemo(browser, url, {cookies: [], origins: [{origin, localStorage: [guest(readers[0])]}]});
  await post(first.page, readers[0]);
  const state = await first.context.storageState();
  await first.context.close();
  for (const saved of state.origins) {
    saved.localStorage = saved.localStorage.filter(({name}) => name.startsWith('leave-a-reply:thread:'));
    if (saved.origin === origin) saved.localStorage.push(guest(readers[1]));
  }

  const {page} = await openDemo(browser, url, state);
  await post(page, readers[1]);
  await page.getByRole('heading', {name: '2 thoughts on “Film Review for Her”'}).waitFor();
  // Show the thread as the next visitor sees it: reloaded, with an empty form ("Save my name…"
  // was left unticked).
  await page.reload();
  await page.locator('#comments').scrollIntoViewIfNeeded();
  await page.getByRole('heading', {name: '2 thoughts on “Film Review for Her”'}).waitFor();
  await page.locator('leave-a-reply li.comment').nth(1).waitFor();

  // From the end of the article through the form, across the main column (page coordinates).
  const shoot = async (path) => {
    const clip = await page.evaluate(() => {
      const box = (selector) => document.querySelector(selector).getBoundingClientRect();
      const [from, to, column] = [box('.entry-footer'), box('#comments'), box('.content-area')];
      const margin = 24;
      return {
        x: Math.max(0, column.x - margin),
        y: Math.max(0, from.y + scrollY - margin),
        width: column.width + 2 * margin,
        height: to.bottom - from.y + 2 * margin,
      };
    });
    mkdirSync(dirname(path), {recursive: true});
    await page.screenshot({path, clip, fullPage: true});
    console.log(`Saved ${path} (${Math.round(statSync(path).size / 1024)} KB)`);
  };
  await shoot(output);

  // The same page in the reader's dark mode: the page follows prefers-color-scheme and the
  // widget (theme="auto") follows the page, with no glue code.
  await page.emulateMedia({colorScheme: 'dark'});
  await page.waitForFunction(
    () =>
      document.querySelector('leave-a-reply').shadowRoot.querySelector('lar-comment-section').getAttribute('scheme') ===
      'dark',
  );
  await shoot(output.replace(/\.png$/, '-dark.png'));

  // And in Arabic, laid out right to left.
  await page.emulateMedia({colorScheme: 'light'});
  await page.evaluate(() => document.querySelector('leave-a-reply').setAttribute('lang', 'ar'));
  await page.getByRole('heading', {name: 'رأيان حول «Film Review for Her»'}).waitFor();
  await shoot(output.replace(/\.png$/, '-ar.png'));
} finally {
  await browser.close();
  await server.close();
}
