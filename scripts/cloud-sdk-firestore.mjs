// The Google Cloud SDK's Firestore emulator (`cloud-firestore-emulator` component, or Debian's
// google-cloud-cli-firestore-emulator): it runs on Java 17 and needs no download, where
// firebase-tools' own needs Java 21 and the network. Used by scripts/test-emulators.mjs and the
// benchmark's Firestore cost figures.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {freePort, HOST} from './emulator-config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = 'demo-lar';

/** The Cloud SDK's Firestore emulator launcher, if the SDK and that component are installed. */
export function cloudSdkFirestoreEmulator() {
  const roots = [process.env.CLOUDSDK_ROOT_DIR];
  const gcloud = spawnSync('gcloud', ['info', '--format=value(installation.sdk_root)'], {encoding: 'utf8'});
  if (!gcloud.error && gcloud.status === 0) roots.push(gcloud.stdout.trim());
  roots.push('/usr/lib/google-cloud-sdk', '/usr/share/google-cloud-sdk');
  return roots
    .filter(Boolean)
    .map((dir) => join(dir, 'platform', 'cloud-firestore-emulator', 'cloud_firestore_emulator'))
    .find((launcher) => existsSync(launcher));
}

/**
 * Starts the Cloud SDK's Firestore emulator on a free port (or `port`), runs
 * `use(host)`, and stops the emulator (its whole process group: the launcher is a shell script
 * that starts Java).
 */
export async function withCloudSdkFirestore(use, {port: portOverride} = {}) {
  const launcher = cloudSdkFirestoreEmulator();
  if (!launcher)
    return {started: false, reason: 'not installed (no gcloud with the cloud-firestore-emulator component).'};
  const host = HOST;
  const port = portOverride ?? (await freePort());
  const address = `${host}:${port}`;
  const child = spawn(
    launcher,
    [
      'start',
      `--host=${host}`,
      `--port=${port}`,
      `--rules=${join(root, 'firestore.rules')}`,
      `--project_id=${PROJECT}`,
    ],
    {cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe']},
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    try {
      if (!exited) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stop(), process.exit(1)));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exited) {
        const line = output
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .filter((l) => /error|exception|java/i.test(l))
          .at(-1);
        return {
          started: false,
          reason: `it exited at start: ${line ?? output.trim().split('\n').at(-1) ?? 'no output'}`,
        };
      }
      if (Date.now() > deadline) return {started: false, reason: `it did not answer on ${address} within 60 s.`};
      const up = await fetch(`http://${address}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return {started: true, result: await use(address)};
  } finally {
    stop();
  }
}
