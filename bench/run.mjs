#!/usr/bin/env node
// `npm run bench`: bytes per stage, render times against a DOM baseline, the first comment side by
// side with Waline and Artalk, and Firestore cost, measured on the built dist/ in Chromium. Prints
// a Markdown report; `--readme` also puts it into README.md between the bench markers.
import {cpus, totalmem} from 'node:os';
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {launchChromium} from '../test/e2e/chromium.mjs';
import {BUDGETS, measureStages} from './stages.mjs';
import {measureRendering} from './render.mjs';
import {measureReads} from './reads.mjs';
import {measureImport} from './import.mjs';
import {LATENCY_MS, PEER_VERSIONS, measurePeers} from './peers.mjs';
import {withCloudSdkFirestore} from '../scripts/cloud-sdk-firestore.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build'], {stdio: 'ignore'});
const report = [];
const log = (line) => {
  report.push(line);
  console.log(line);
};

const browser = await launchChromium();
try {
  const version = browser.version();
  log(
    `${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${version}\n`,
  );

  log('JavaScript per stage, gzip -9:\n');
  log('| stage | budget | backend="local" | Firebase backend |');
  log('|---|---|---|---|');
  const local = await measureStages(browser, 'local');
  const firebase = await measureStages(browser, 'firebase');
  const rows = [
    ['the script-tag entry, at page load', 'entry'],
    ['up to the first render of the thread', 'firstRender'],
    ['everything loaded with no reader action', 'noAction'],
    ['ready to post as a guest', 'guestReady'],
  ];
  for (const [label, key] of rows) {
    const mark = (value) => `${kb(value)}${value > BUDGETS[key] ? ' ✗' : ''}`;
    log(`| ${label} | ≤ ${kb(BUDGETS[key])} | ${mark(local[key])} | ${mark(firebase[key])} |`);
  }

  log('\nFirst render of a thread (median of 7 runs; the page already has the code):\n');
  log('| comments in the thread | widget | hand-written DOM, same markup | ratio |');
  log('|---|---|---|---|');
  for (const {size, widget, baseline} of await measureRendering(browser)) {
    log(`| ${size.toLocaleString('en')} | ${ms(widget)} | ${ms(baseline)} | ${(widget / baseline).toFixed(1)}× |`);
  }
  log(
    '\nThe first screen shows 20 top-level comments with their replies whatever the thread\'s size ("Load more comments" pages the rest);',
  );
  log('what grows with the thread is reading its stored data.');

  await withFirestore(async (emulator) => {
    await sideBySide(browser, emulator);
    if (emulator) await firestoreReads(browser, emulator);
  });
} finally {
  await browser.close();
}

/** Runs `use` with a Firestore emulator: FIRESTORE_EMULATOR_HOST's, or the Cloud SDK's; else without. */
async function withFirestore(use) {
  if (process.env.FIRESTORE_EMULATOR_HOST) return use(process.env.FIRESTORE_EMULATOR_HOST);
  const run = await withCloudSdkFirestore(use);
  if (run.started) return;
  await use(undefined);
  log(`\nFirestore: not measured (no Firestore emulator: ${run.reason})`);
}

/** The first comment on screen: this widget, Waline and Artalk, same page, thread and latency. */
async function sideBySide(browser, emulator) {
  const runs = 9;
  const {medians, emulatorRead, comments} = await measurePeers(browser, {emulator, runs});
  const columns = [
    ...(emulator ? [['firebase', 'this widget, Firebase (emulator)']] : []),
    ['firebase-mock', 'this widget, Firebase (mock)'],
    ['local', 'this widget, `backend="local"`'],
    ['waline', `Waline ${PEER_VERSIONS.waline}`],
    ['artalk', `Artalk ${PEER_VERSIONS.artalk}`],
  ];
  // The faster peer, by the time to the first comment: the widget's cells give their ratio to it.
  const peer = medians.waline.firstComment <= medians.artalk.firstComment ? 'waline' : 'artalk';
  const cell = (kind, key, text) =>
    kind === 'waline' || kind === 'artalk'
      ? text
      : `${text} · ${(medians[kind][key] / medians[peer][key]).toFixed(2)}×`;
  const row = (label, key, format) =>
    log(`| ${label} | ${columns.map(([kind]) => cell(kind, key, format(medians[kind], kind))).join(' | ')} |`);
  log(
    `\nThe first comment on screen, side by side (median of ${runs} cold loads each, taking turns; the same page with the comments in view, the same thread of ${comments} comments, ${LATENCY_MS} ms added before every answer; after the widget's figures, their ratio to the faster peer's, ${peer === 'waline' ? 'Waline' : 'Artalk'}):\n`,
  );
  log(`| | ${columns.map(([, name]) => name).join(' | ')} |`);
  log(`|---|${columns.map(() => '---|').join('')}`);
  row('first comment on screen', 'firstComment', (m) => `${Math.round(m.firstComment).toLocaleString('en')} ms`);
  row('requests answered before it', 'requests', (m) => `${m.requests} (${m.preflights} preflights)`);
  row('JS + CSS before it, gzip -9', 'bytes', (m) => kb(m.bytes));
  log(
    `\nWaline's and Artalk's servers are the bench's mock, which answers at once in the JSON their clients read. The Firebase path reads the Firestore emulator, which answers slower than that mock${emulator ? `: a median ${Math.round(emulatorRead)} ms per read here, on top of the added latency` : ''}; "Firebase (mock)" is the same widget reading the same documents from a mock of Firestore's REST API on the peers' mock server (bench/firestore-mock.mjs), the same conditions as theirs. Every server waits the same ${LATENCY_MS} ms before it answers, CORS preflights included (the comment servers are on another origin than the page, as on a real site); the counts include the page itself.`,
  );
}

/** Reads per view and the command line's import and export, against a Firestore emulator. */
async function firestoreReads(browser, emulator) {
  log(
    "\nFirestore reads, counted from the emulator's answers (firestore.rules loaded; 20 top-level comments a page):\n",
  );
  log('| what | reads |');
  log('|---|---|');
  for (const [what, reads] of await measureReads(browser, emulator)) log(`| ${what} | ${reads} |`);
  const {total, imported, again, exported} = await measureImport(emulator);
  log(
    `\nThe command line on the same emulator: a WordPress export of ${total.toLocaleString('en')} comments (200 posts):\n`,
  );
  log('| `npx leave-a-reply …` | seconds |');
  log('|---|---|');
  log(`| import wordpress, into an empty project | ${imported.toFixed(1)} |`);
  log(`| the same import again (nothing new to write) | ${again.toFixed(1)} |`);
  log(`| export | ${exported.toFixed(1)} |`);
}

if (process.argv.includes('--readme')) {
  const readme = new URL('../README.md', import.meta.url);
  const text = readFileSync(readme, 'utf8');
  const block = `<!-- bench:start -->\n${report.join('\n')}\n<!-- bench:end -->`;
  writeFileSync(
    readme,
    text.replace(/<!-- bench:start -->[\s\S]*?<!-- bench:end -->/, () => block),
  );
  console.log('\nREADME.md updated.');
}
