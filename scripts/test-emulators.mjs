#!/usr/bin/env node
// npm run test:emulators [-- --require]
//
// Runs what needs the Firebase emulators:
//   - with the Firestore and Auth emulators: the security rules tests (test/rules, node --test),
//     the Cloud Functions' tests (test/functions, on functions/ built into functions/lib/),
//     and the browser tests that talk to the emulators (Firestore store contract, session, backend),
//     then, when dist/ is built, the built widget's end-to-end tests (test/e2e-emulators);
//   - when the Firestore emulator cannot start: says so plainly and why, then runs the browser
//     tests that need only the Auth emulator.
// Where to find a Firestore emulator, in order:
//   1. firebase-tools' own (needs Java 21+, and downloads its JAR on first use);
//   2. the Google Cloud SDK's `cloud-firestore-emulator` component (`gcloud components install
//      cloud-firestore-emulator`, or Debian's google-cloud-cli-firestore-emulator), which this
//      script starts itself on firebase.json's Firestore port with firestore.rules loaded; it runs
//      on older Java (17 here) and needs no download.
// A skipped Firestore run exits 0 unless --require is given. Failing tests always exit 1.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {withCloudSdkFirestore} from './cloud-sdk-firestore.mjs';
import {emulatorConfig} from './emulator-config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const PROJECT = 'demo-lar';
const BROWSER_TESTS = {
  firestore: [
    'test/store/firestore/firestore-store.test.ts',
    'test/store/firestore/firestore-rest.test.ts',
    'test/store/firestore/firestore-dropped-answers.test.ts',
    'test/store/firestore/firestore-counts.test.ts',
    'test/store/firestore/firestore-subscriptions.test.ts',
    'test/auth/firebase/firebase-session.test.ts',
    'test/store/firestore/firebase-backend.test.ts',
    'test/components/leave-a-reply-moderation/moderation-queue.test.ts',
  ],
  auth: ['test/auth/firebase/firebase-session.test.ts', 'test/store/firestore/firebase-backend.test.ts'],
};

const args = process.argv.slice(2);
const inside = args.find((a) => a.startsWith('--inside='))?.slice('--inside='.length);
process.exitCode = inside ? runInside(inside) : await runOutside(args.includes('--require'));

/** Inside `firebase emulators:exec`: the emulators are up and their addresses are in the env. */
function runInside(kind) {
  if (process.env.LAR_EMULATORS_STARTED) writeFileSync(process.env.LAR_EMULATORS_STARTED, kind);
  const run = (command, commandArgs) => {
    console.log(`\n$ ${command.replace(root + '/', '')} ${commandArgs.join(' ')}`);
    return spawnSync(command, commandArgs, {cwd: root, stdio: 'inherit'}).status ?? 1;
  };
  let failed = 0;
  if (kind === 'firestore') {
    const rulesTests = readdirSync(join(root, 'test/rules'))
      .filter((f) => f.endsWith('.test.mjs'))
      .map((f) => `test/rules/${f}`);
    failed |= run(process.execPath, ['--test', ...rulesTests]);
    // The Cloud Functions (functions/, built first) against this emulator and a local SMTP server.
    failed |=
      run(bin('tsc'), ['-p', 'functions/tsconfig.json']) || run(process.execPath, ['--test', 'test/functions/']);
  }
  // web-test-runner.config.js hands both emulators' addresses to the test page.
  failed |= run(bin('wtr'), BROWSER_TESTS[kind]);
  // The built widget against both emulators (posting when a fault strikes); `npm test` builds first.
  if (kind === 'firestore') {
    if (existsSync(join(root, 'dist/leave-a-reply.js')))
      failed |= run(process.execPath, ['--test', 'test/e2e-emulators/']);
    else console.log('\nNot run: test/e2e-emulators (no dist/leave-a-reply.js; run `npm run build` first).');
  }
  return failed ? 1 : 0;
}

async function runOutside(required) {
  const reasons = [];
  const javaReason = javaProblem();
  if (!javaReason) {
    const result = await withEmulators('firestore,auth', 'firestore');
    if (result.started) return result.code;
    reasons.push(`firebase-tools: ${result.reason}`);
  } else {
    reasons.push(`firebase-tools: ${javaReason}`);
  }

  const sdk = await withCloudSdkFirestore(async (host) => {
    // (withCloudSdkFirestore picks a free port of its own.)
    console.log(`\nUsing the Google Cloud SDK's Firestore emulator at ${host}, with firestore.rules loaded.\n`);
    return withEmulators('auth', 'firestore', {FIRESTORE_EMULATOR_HOST: host});
  });
  if (sdk.started) {
    if (sdk.result.started) return sdk.result.code;
    console.log(`\nFAILED: the Firestore emulator ran, but the Auth emulator could not start: ${sdk.result.reason}`);
    return 1;
  }
  reasons.push(`Google Cloud SDK: ${sdk.reason}`);

  console.log(
    `\nSKIPPED: no Firestore emulator could start.\n${reasons.map((r) => `  - ${r}\n`).join('')}` +
      '  Not run: test/rules (firestore.rules) and the Firestore store against the emulator.\n' +
      '  Needs Java 21+ (and, on first use, network access to download the emulator), or the Google Cloud\n' +
      "  SDK's cloud-firestore-emulator component. Running the tests that need only the Auth emulator.\n",
  );
  const auth = await withEmulators('auth', 'auth');
  if (!auth.started) {
    console.log(`\nSKIPPED: the Auth emulator could not start either: ${auth.reason}`);
    return required ? 1 : 0;
  }
  if (auth.code !== 0) return auth.code;
  if (required) console.log('\nFAILED: --require was given and the Firestore emulator tests were skipped.');
  return required ? 1 : 0;
}

/** Why the installed Java cannot run the Firestore emulator, or undefined if it can. */
function javaProblem() {
  const java = spawnSync('java', ['-version'], {encoding: 'utf8'});
  if (java.error) return 'no Java found (install a JDK, version 21 or later).';
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${java.stderr}${java.stdout}`);
  const major = version ? Number(version[1] === '1' ? version[2] : version[1]) : NaN;
  if (!(major >= 21))
    return `Java ${version?.[1] ? major : '(unknown version)'} is installed; firebase-tools needs Java 21 or later.`;
  return undefined;
}

/**
 * Runs this script with --inside=<kind> under `firebase emulators:exec`. A marker file tells
 * "the emulators started and the tests ran (and maybe failed)" from "the emulators never started".
 */
async function withEmulators(only, kind, env = {}) {
  // Free ports for every emulator, the hub and the logging server (scripts/emulator-config.mjs).
  const {dir, config} = await emulatorConfig(only.split(','), {
    firestore: {rules: join(root, 'firestore.rules'), indexes: join(root, 'firestore.indexes.json')},
  });
  const marker = join(dir, 'started');
  const script = `"${process.execPath}" scripts/test-emulators.mjs --inside=${kind}`;
  return new Promise((resolve) => {
    const child = spawn(
      bin('firebase'),
      ['--config', config, 'emulators:exec', '--only', only, '--project', PROJECT, script],
      {
        cwd: root,
        env: {...process.env, ...env, TMPDIR: dir, LAR_EMULATORS_STARTED: marker},
        stdio: ['inherit', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const tee = (stream, out) =>
      stream.on('data', (chunk) => {
        output += chunk;
        out.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => {
      const started = existsSync(marker);
      rmSync(dir, {recursive: true, force: true});
      const errorLine = output
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /error|java|download|could not|failed/i.test(line))
        .at(-1);
      resolve({started, code: code ?? 1, reason: errorLine ?? `firebase emulators:exec exited with ${code}.`});
    });
  });
}
