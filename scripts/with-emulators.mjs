#!/usr/bin/env node
// node scripts/with-emulators.mjs "<shell command>"
//
// Runs one command with both emulators up: the Google Cloud SDK's Firestore emulator (firestore.rules
// loaded) and the Firebase Auth emulator, each on free ports; the command sees them as
// FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST. For running one suite while working, e.g.
//   node scripts/with-emulators.mjs "node --test test/rules/comments.rules.test.mjs"
// (`npm run test:emulators` runs them all, and says why when no Firestore emulator can start.)
import {spawn} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {withCloudSdkFirestore} from './cloud-sdk-firestore.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv.slice(2).join(' ').trim();
if (!command) {
  console.error('usage: node scripts/with-emulators.mjs "<shell command>"');
  process.exit(2);
}

const run = await withCloudSdkFirestore(
  (host) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [join(root, 'scripts/with-auth-emulator.mjs'), command], {
        cwd: root,
        stdio: 'inherit',
        env: {...process.env, FIRESTORE_EMULATOR_HOST: host},
      });
      child.on('close', (code) => resolve(code ?? 1));
    }),
);
if (!run.started) {
  console.error(`No Firestore emulator: ${run.reason}`);
  process.exit(1);
}
process.exit(run.result);
