/**
 * Which Firebase project a command works on: --project, else the one the Firebase CLI uses in this
 * folder (`firebase use`, remembered per folder in its configstore; else .firebaserc's default),
 * else GOOGLE_CLOUD_PROJECT or GCLOUD_PROJECT.
 */
import {existsSync, readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The folder with the nearest .firebaserc, from `dir` up. */
function firebaseFolder(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.firebaserc'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

export function currentProject(dir = process.cwd()): string | undefined {
  const folder = firebaseFolder(dir);
  if (folder) {
    const aliases = (readJson(join(folder, '.firebaserc'))?.projects ?? {}) as Record<string, string>;
    const config = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
    const active = (readJson(join(config, 'configstore', 'firebase-tools.json'))?.activeProjects ?? {}) as Record<
      string,
      string
    >;
    const used = active[folder];
    if (used) return aliases[used] ?? used;
    if (aliases.default) return aliases.default;
  }
  return process.env.GOOGLE_CLOUD_PROJECT || process.env.GCLOUD_PROJECT || undefined;
}
