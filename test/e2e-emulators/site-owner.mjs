// What a site owner does in the command-line suites: runs `npx leave-a-reply …` in a folder, and
// looks at a project's data past the rules (firebase-admin, loaded only when a suite runs).
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `npx leave-a-reply ARGS` in `cwd`, as a site owner runs it against the emulator: its exit code and output. */
export function cliIn(cwd) {
  const cli = (args) =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'bin/leave-a-reply.mjs'), ...args],
        {cwd, maxBuffer: 64 * 2 ** 20},
        (error, stdout, stderr) => resolve({code: error ? error.code : 0, stdout, stderr}),
      );
    });
  /** The same, asserting that it succeeded. */
  const ok = async (args) => {
    const result = await cli(args);
    assert.equal(result.code, 0, `leave-a-reply ${args.join(' ')}\n${result.stdout}${result.stderr}`);
    return result;
  };
  return {cli, ok};
}

const databases = new Map();
/** The project's Firestore as its owner sees it (the Admin SDK, on the emulator the environment names). */
export async function ownerDb(projectId) {
  if (!databases.has(projectId)) {
    const {initializeApp} = await import('firebase-admin/app');
    const {getFirestore} = await import('firebase-admin/firestore');
    databases.set(projectId, getFirestore(initializeApp({projectId}, projectId)));
  }
  return databases.get(projectId);
}
