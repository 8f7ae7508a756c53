#!/usr/bin/env node
// `npm run bench`: bytes per stage, render times against a DOM baseline, and Firestore cost,
// measured on the built dist/ in Chromium. Prints a Markdown report; `--readme` also puts it into
// README.md between the bench markers.
import {cpus, totalmem} from 'node:os';
import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {launchChromium} from '../test/e2e/chromium.mjs';
import {BUDGETS, measureStages} from './stages.mjs';
import {measureRendering} from './render.mjs';
import {measureReads} from './reads.mjs';
import {measureImport} from './import.mjs';
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

  await firestoreReads(browser);
} finally {
  await browser.close();
}

/** Reads per view against a Firestore emulator: FIRESTORE_EMULATOR_HOST's, or the Cloud SDK's. */
async function firestoreReads(browser) {
  const print = async (emulator) => {
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
  };
  if (process.env.FIRESTORE_EMULATOR_HOST) return print(process.env.FIRESTORE_EMULATOR_HOST);
  const run = await withCloudSdkFirestore(print);
  if (!run.started) log(`\nFirestore reads: not measured (no Firestore emulator: ${run.reason})`);
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
