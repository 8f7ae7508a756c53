// The build refuses to use a stand-in when Firebase's use of the module it replaces has changed
// (build/stand-ins.mjs): imported from elsewhere, asked for another name, or no longer imported.
// Runs real Vite builds of tiny entries.
import assert from 'node:assert/strict';
import {mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {build} from 'vite';
import {standIns} from '../../build/stand-ins.mjs';

const MODULE = '@firebase/webchannel-wrapper/bloom-blob';
let dir;

/** Builds `files` (entry: main.js) with one stand-in whose importers live under `fake-firebase/`. */
async function buildWith(files, names = ['Integer']) {
  for (const [name, code] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), {recursive: true});
    await writeFile(join(dir, name), code);
  }
  const standIn = {
    module: MODULE,
    file: join(dir, 'stand-in.js'),
    importers: /[\\/]fake-firebase[\\/]/,
    names,
    verified: 'test',
    why: 'test',
  };
  await writeFile(standIn.file, 'export class Integer {}\n');
  return build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    plugins: [standIns([standIn])],
    build: {write: false, lib: {entry: join(dir, 'main.js'), formats: ['es']}},
  });
}

describe('build stand-ins check', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lar-stand-ins-'));
  });
  after(() => rm(dir, {recursive: true, force: true}));

  it('builds when Firebase imports the module from where, and for what, the stand-in expects', async () => {
    await buildWith({
      'main.js': "import {compare} from './fake-firebase/lite.js'; console.log(compare);\n",
      'fake-firebase/lite.js': `import {Integer} from '${MODULE}';\nexport const compare = (a) => Integer.fromString(a);\n`,
    });
  });

  it('fails when another module imports it', async () => {
    await assert.rejects(
      buildWith({'main.js': `import {Integer} from '${MODULE}';\nconsole.log(Integer);\n`}),
      /stand-in for @firebase\/webchannel-wrapper\/bloom-blob .*imported by .*main\.js/,
    );
  });

  it('fails when Firebase asks it for a name it does not have', async () => {
    await assert.rejects(
      buildWith({
        'main.js': "import {compare} from './fake-firebase/lite.js'; console.log(compare);\n",
        'fake-firebase/lite.js': `import {Integer, Md5 as M} from '${MODULE}';\nexport const compare = (a) => [Integer, M, a];\n`,
      }),
      /has no Md5, which .*lite\.js now imports/,
    );
  });

  it('fails when Firebase no longer imports it', async () => {
    await assert.rejects(
      buildWith({'main.js': "console.log('no Firebase here');\n"}),
      /no longer imported by Firebase/,
    );
  });
});
