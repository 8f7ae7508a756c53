// Build-time stand-ins for Firebase's dependencies in the script-tag bundle (vite.config.ts).
// Each replaces a module Firebase imports for a narrow purpose with a much smaller file, so each
// is only safe while Firebase imports it from where it did, for the names it did, when the
// stand-in was written. This plugin checks both on every build and fails it, loudly, when a
// Firebase upgrade changes either: then re-read the new usage, update the stand-in (and its test
// in test/build/stand-ins.test.ts) and the version below, or drop it.
import {fileURLToPath} from 'node:url';

/** @typedef {{module: string, file: string, importers: RegExp, names: string[], verified: string, why: string}} StandIn */

/** @type {StandIn[]} */
export const STAND_INS = [
  {
    module: '@firebase/webchannel-wrapper/bloom-blob',
    file: fileURLToPath(new URL('bloom-blob-integer.js', import.meta.url)),
    // firestore/lite's shared module, for ordering numeric document ids.
    importers: /[\\/]@firebase[\\/]firestore[\\/]dist[\\/]lite[\\/]/,
    names: ['Integer'],
    verified: 'firebase 12.19.0',
    why: 'about 4 KB gzip on the way to the first render',
  },
  {
    module: 'idb',
    file: fileURLToPath(new URL('idb-heartbeat.js', import.meta.url)),
    // @firebase/app's heartbeat store (a daily note of which SDKs ran), in IndexedDB.
    importers: /[\\/]@firebase[\\/]app[\\/]dist[\\/]esm[\\/]/,
    names: ['openDB'],
    verified: 'firebase 12.19.0',
    why: 'about 0.8 KB gzip on the way to the first render, which is within 0.5 KB of its budget',
  },
];

// `import {a, b as c} from 'm'`, `export {a} from 'm'`, `import 'm'`, `import * as x from 'm'`.
const importsOf = (code, module) => {
  const quoted = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const found = [];
  for (const match of code.matchAll(
    new RegExp(`(?:import|export)\\s*([^'";]*?)\\s*(?:from\\s*)?["']${quoted}["']`, 'g'),
  )) {
    const clause = match[1].trim();
    if (!clause) continue; // a bare `import 'm'` asks for no name
    const braces = clause.match(/\{([^}]*)\}/);
    if (braces)
      found.push(
        ...braces[1]
          .split(',')
          .map((n) => n.trim().split(/\s+as\s+/)[0])
          .filter(Boolean),
      );
    const rest = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, ' ')
      .trim();
    if (/^\*/.test(rest)) found.push('*');
    else if (rest) found.push('default');
  }
  return found;
};

/** The Vite plugin: resolves each stand-in, and fails the build when its use has changed. */
export function standIns(list = STAND_INS) {
  const used = new Set();
  return {
    name: 'lar-stand-ins',
    enforce: 'pre',
    buildStart() {
      used.clear();
    },
    resolveId(source, importer) {
      const standIn = list.find((s) => s.module === source);
      if (!standIn) return null;
      if (!importer || !standIn.importers.test(importer)) {
        this.error(
          `stand-in for ${source} (verified against ${standIn.verified}): imported by ${importer ?? 'an entry'}, ` +
            `which it was not written for. Check what that module needs, then update build/stand-ins.mjs.`,
        );
      }
      used.add(standIn);
      return standIn.file;
    },
    transform(code, id) {
      for (const standIn of list) {
        if (!code.includes(standIn.module)) continue;
        const unknown = importsOf(code, standIn.module).filter((name) => !standIn.names.includes(name));
        if (unknown.length) {
          this.error(
            `stand-in for ${standIn.module} (verified against ${standIn.verified}) has no ${unknown.join(', ')}, ` +
              `which ${id} now imports. Update build/stand-ins.mjs, or drop the stand-in.`,
          );
        }
      }
      return null;
    },
    buildEnd(error) {
      if (error) return;
      for (const standIn of list) {
        if (!used.has(standIn)) {
          this.error(
            `stand-in for ${standIn.module} is no longer imported by Firebase: it changes nothing, drop it from build/stand-ins.mjs.`,
          );
        }
      }
    },
  };
}
