#!/usr/bin/env node
// node scripts/with-auth-emulator.mjs "<shell command>"
//
// Runs the command with the Firebase Auth emulator up (`firebase emulators:exec --only auth
// --project demo-lar`), then stops the emulator; exits with the command's exit code. `npm test` runs
// its browser and end-to-end tests this way, so sign-in is tested against a real Auth server.
//
// The Auth emulator is plain Node and needs no network. Each run takes free ports for the emulator,
// its hub and its logging server, and a temporary directory of its own (firebase.json and the
// hub's locator file), so several runs on one machine (or a running `npm run demo:emulators`)
// never clash. The command sees the emulator as FIREBASE_AUTH_EMULATOR_HOST ("127.0.0.1:<port>").
import {spawn} from 'node:child_process';
import {rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {emulatorConfig, HOST} from './emulator-config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = 'demo-lar';

const command = process.argv.slice(2).join(' ').trim();
if (!command) {
  console.error('usage: node scripts/with-auth-emulator.mjs "<shell command>"');
  process.exit(2);
}

const {dir, config, ports} = await emulatorConfig(['auth']);
const auth = ports.auth;

const started = Date.now();
const child = spawn(
  join(root, 'node_modules', '.bin', 'firebase'),
  ['--config', config, 'emulators:exec', '--only', 'auth', '--project', PROJECT, command],
  // TMPDIR: the emulator hub writes its locator file there (named after the project only).
  {cwd: root, stdio: 'inherit', env: {...process.env, TMPDIR: dir}},
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  rmSync(dir, {recursive: true, force: true});
  console.log(
    `\nwith-auth-emulator: done in ${((Date.now() - started) / 1000).toFixed(1)} s (Auth emulator on ${HOST}:${auth}).`,
  );
  process.exit(code ?? (signal ? 1 : 0));
});
