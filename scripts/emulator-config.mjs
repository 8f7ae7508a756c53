// Free ports and a throw-away firebase.json for every emulator run, so a test run never clashes
// with another one, or with a demo's emulators, on the same machine (hub and logging included).
import {mkdtempSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const HOST = '127.0.0.1';

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Writes firebase.json for the named emulators (e.g. ['auth'] or ['firestore', 'auth']) into a new
 * temporary directory, each on a free port, with the hub and logging server on free ports too.
 * `extra` merges into the top level (e.g. the Firestore rules' path). Point TMPDIR at `dir`: the
 * hub writes its locator file there, named after the project only.
 */
export async function emulatorConfig(emulators, extra = {}) {
  const names = [...emulators, 'hub', 'logging'];
  const ports = await Promise.all(names.map(() => freePort()));
  const dir = mkdtempSync(join(tmpdir(), 'lar-emulators-'));
  const config = join(dir, 'firebase.json');
  const entries = Object.fromEntries(names.map((name, i) => [name, {host: HOST, port: ports[i]}]));
  writeFileSync(
    config,
    JSON.stringify({...extra, emulators: {...entries, ui: {enabled: false}, singleProjectMode: true}}),
  );
  return {dir, config, ports: Object.fromEntries(names.map((name, i) => [name, ports[i]]))};
}
