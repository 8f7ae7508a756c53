// The package as npm would publish it, for tests that try it as a consumer: `npm pack` of this
// repository (dist/ must be built: --ignore-scripts, since prepack would rebuild it under the
// other tests), then unpacked where a consumer's install would put it.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readdirSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Minutes, not seconds: packing and unpacking on a busy machine.
const STEP = 5 * 60_000;

/** Packs the package into `destination`; the tarball's path. */
export function packTarball(destination) {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
      cwd: root,
      encoding: 'utf8',
      timeout: STEP,
    }),
  );
  return join(destination, packed.filename);
}

/**
 * Installs the packed package into `project`/node_modules/leave-a-reply, and everything else a
 * consumer would install from this repository's node_modules (links, no registry). The package's folder.
 */
export function installPacked(project) {
  const tarball = packTarball(project);
  const pkgDir = join(project, 'node_modules/leave-a-reply');
  mkdirSync(pkgDir, {recursive: true});
  execFileSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], {timeout: STEP});
  for (const entry of readdirSync(join(root, 'node_modules'), {withFileTypes: true})) {
    if (
      (entry.isDirectory() || entry.isSymbolicLink()) &&
      !entry.name.startsWith('.') &&
      entry.name !== 'leave-a-reply'
    ) {
      symlinkSync(join(root, 'node_modules', entry.name), join(project, 'node_modules', entry.name), 'junction');
    }
  }
  return pkgDir;
}
