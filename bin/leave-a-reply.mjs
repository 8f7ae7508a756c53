#!/usr/bin/env node
// `npx leave-a-reply init`: sets a site's folder up for leave-a-reply's Firebase backend. Copies
// this package's firebase.json, firestore.rules and firestore.indexes.json into the current
// folder (asking before replacing a file that differs), then prints the script-tag snippet and
// the steps left to do in the Firebase console. Plain Node, no dependencies.
// `import`, `export` and `upgrade` run the command line built from cli/ (dist/cli/), on firebase-admin.
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath, pathToFileURL} from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const FILES = ['firebase.json', 'firestore.rules', 'firestore.indexes.json'];
// What a site deploys, and nothing of this project's own test set-up (emulator ports and the like).
// With --functions, the Cloud Functions too: already built, so no build step before the deploy.
const siteFirebaseJson = (functions) =>
  `${JSON.stringify(
    {
      firestore: {rules: 'firestore.rules', indexes: 'firestore.indexes.json'},
      ...(functions ? {functions: {source: 'functions'}} : {}),
    },
    null,
    2,
  )}\n`;

const USAGE = `Usage: npx leave-a-reply init [--functions] [--yes | --no]
       npx leave-a-reply import wordpress|disqus|json FILE [options]   (--help for its options)
       npx leave-a-reply export [options]
       npx leave-a-reply upgrade [--dry-run] [--project ID]   (after installing a new version)

Writes firebase.json, firestore.rules and firestore.indexes.json into the current folder,
then prints the snippet for your pages and the next steps.

  --functions also writes functions/: the Cloud Functions for reply e-mails and your alerts,
              built (their README, functions/README.md in the package, says how to set them up)
  --yes, -y   replace existing files that differ, without asking
  --no, -n    keep existing files, without asking
              (without either, you are asked about each one; when nobody can be asked,
              existing files are kept)
  --help, -h  show this help`;

function fail(message, code = 2) {
  console.error(`leave-a-reply: ${message}\n\n${USAGE}`);
  process.exit(code);
}

/** The Firebase project id of this folder, if `firebase use` has set one. */
function defaultProject(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, '.firebaserc'), 'utf8')).projects?.default;
  } catch {
    return undefined;
  }
}

/**
 * Asks yes/no questions on the terminal, one line per answer. Lines typed ahead are kept for the
 * next question, and the end of input answers "no" (the default) to whatever is left.
 */
function terminalPrompt() {
  const lines = [];
  const waiting = [];
  let closed = false;
  const rl = createInterface({input: process.stdin});
  rl.on('line', (line) => (waiting.length ? waiting.shift()(line) : lines.push(line)));
  rl.on('close', () => {
    closed = true;
    while (waiting.length) waiting.shift()('');
  });
  return {
    async confirm(question) {
      process.stdout.write(`${question} [y/N] `);
      const answer = lines.length ? lines.shift() : closed ? '' : await new Promise((resolve) => waiting.push(resolve));
      if (closed && !answer) process.stdout.write('\n');
      return /^y(es)?$/i.test(answer.trim());
    },
    close: () => rl.close(),
  };
}

/**
 * The package's built functions as a site deploys them: functions/package.json (only what the
 * deploy needs: no build script, no dev dependencies) and every file of functions/lib/.
 */
function functionsFiles() {
  const source = join(packageRoot, 'functions');
  const lib = join(source, 'lib');
  if (!existsSync(join(lib, 'functions/src/index.js'))) {
    throw new Error('this copy of leave-a-reply has no built functions (functions/lib); reinstall it');
  }
  const {name, version, description, license, type, main, engines, dependencies} = JSON.parse(
    readFileSync(join(source, 'package.json'), 'utf8'),
  );
  const manifest = {name, version, private: true, description, license, type, main, engines, dependencies};
  const files = [['functions/package.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]];
  for (const entry of readdirSync(lib, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    files.push([join('functions/lib', relative(lib, path)), readFileSync(path)]);
  }
  return files;
}

async function init({policy, functions}) {
  const dir = process.cwd();
  const version = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;
  const interactive = policy === 'ask' && process.stdin.isTTY && process.stdout.isTTY;
  const prompt = interactive ? terminalPrompt() : undefined;
  const kept = [];
  /** Writes a file, or a folder's files as one (`name` for the messages), asking before replacing. */
  const place = async (name, files) => {
    const existing = files.filter(([path]) => existsSync(join(dir, path)));
    const differs = existing.filter(([path, content]) => !readFileSync(join(dir, path)).equals(content));
    if (existing.length === files.length && !differs.length) {
      console.log(`  unchanged  ${name}`);
      return;
    }
    if (differs.length) {
      let replace = policy === 'yes';
      if (prompt) replace = await prompt.confirm(`  ${name} exists and differs. Replace it?`);
      if (!replace) {
        kept.push(name);
        const why =
          policy === 'no' ? '--no' : interactive ? 'you said no' : 'not asked: not a terminal; --yes replaces it';
        console.log(`  kept       ${name} (exists; ${why})`);
        return;
      }
    }
    for (const [path, content] of files) {
      mkdirSync(dirname(join(dir, path)), {recursive: true});
      writeFileSync(join(dir, path), content);
    }
    console.log(`  ${existing.length ? 'replaced ' : 'wrote    '}  ${name}`);
  };
  try {
    for (const name of FILES) {
      const source = join(packageRoot, name);
      if (name !== 'firebase.json' && !existsSync(source)) {
        throw new Error(`this copy of leave-a-reply has no ${name}; reinstall it`);
      }
      const content = name === 'firebase.json' ? Buffer.from(siteFirebaseJson(functions)) : readFileSync(source);
      await place(name, [[name, content]]);
    }
    if (functions) await place('functions/', functionsFiles());
  } finally {
    prompt?.close();
  }

  const project = defaultProject(dir) ?? 'your-project-id';
  if (kept.includes('firebase.json')) {
    console.log(`
Your firebase.json was kept. Make sure it deploys the rules and indexes:
  "firestore": {"rules": "firestore.rules", "indexes": "firestore.indexes.json"}${
    functions
      ? `
and the functions:
  "functions": {"source": "functions"}`
      : ''
  }`);
  }
  if (kept.includes('firestore.rules')) {
    console.log(`
Your firestore.rules was kept. leave-a-reply's rules are the only gate on who may write what:
compare yours with ${join(packageRoot, 'firestore.rules')}.`);
  }
  console.log(`
Add this where the comments should appear (the values are your Firebase web app's config,
from the Firebase console: Project settings → General → Your apps):

  <script type="module" src="https://cdn.jsdelivr.net/npm/leave-a-reply@${version}/dist/leave-a-reply.js"></script>
  <leave-a-reply api-key="…" project-id="${project}" auth-domain="${project}.firebaseapp.com" app-id="…"
                 providers="guest"></leave-a-reply>

(Or host the package's dist/ folder with your site and point the script there.)

Next steps:
  1. Firebase console → Authentication → Sign-in method: enable Anonymous (guest comments)
     and each provider you add to providers="…" (e.g. providers="guest google github");
     under Settings → Authorized domains, add your site's domain.
  2. Firebase console → Firestore Database: create the database.
  3. Deploy the rules and indexes from this folder:
       npx firebase-tools login
       npx firebase-tools deploy --only firestore --project ${project}
  4. Moderators: add a document admins/{their uid} in the Firebase console.`);
  if (functions) {
    console.log(`
Reply e-mails and your alerts (functions/; all of it: ${join(packageRoot, 'functions/README.md')}):
  1. Switch the project to the Blaze plan (Cloud Functions need it).
  2. npm --prefix functions install
  3. openssl rand -base64 32 | npx firebase-tools functions:secrets:set LAR_UNSUBSCRIBE_SECRET --data-file=-
  4. Install the Trigger Email extension (firebase/firestore-send-email), or store your SMTP server's URL:
       npx firebase-tools functions:secrets:set LAR_SMTP_URL   (enter "unused" with the extension)
  5. Put the settings in functions/.env.${project} (LAR_OWNER_EMAILS, LAR_MAIL_FROM, LAR_SITE_ORIGINS, …).
  6. npx firebase-tools deploy --only functions --project ${project}`);
  }
}

const [command, ...options] = process.argv.slice(2);
if (command === 'import' || command === 'export' || command === 'upgrade') {
  const built = join(packageRoot, 'dist/cli/cli/main.js');
  if (!existsSync(built)) fail(`${command} is not built in this copy: run \`npm run build\` in ${packageRoot}`, 1);
  const {main} = await import(pathToFileURL(built).href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    process.exit(command ? 0 : 2);
  }
  if (command !== 'init') fail(`unknown command "${command}"`);
  let policy = 'ask';
  let functions = false;
  for (const option of options) {
    if (option === '--functions') functions = true;
    else if (option === '--yes' || option === '-y') policy = 'yes';
    else if (option === '--no' || option === '-n') policy = 'no';
    else if (option === '--help' || option === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option "${option}"`);
  }
  if (options.some((o) => /^(--yes|-y)$/.test(o)) && options.some((o) => /^(--no|-n)$/.test(o))) {
    fail('--yes and --no cannot go together');
  }
  try {
    await init({policy, functions});
  } catch (error) {
    console.error(`leave-a-reply: ${error.message}`);
    process.exit(1);
  }
}
