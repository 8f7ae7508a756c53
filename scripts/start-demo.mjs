#!/usr/bin/env node
// `npm start`: serves the demo page (demo/index.html) from Vite's dev server, with the widget's
// TypeScript sources compiled on the fly.
//
// Backend: with no Firebase settings the widget runs on backend="local" (comments stay in this
// browser). Firebase settings come from process.env or demo/.env.local (process.env wins):
//   LAR_API_KEY, LAR_PROJECT_ID, LAR_AUTH_DOMAIN, LAR_APP_ID,
//   LAR_AUTH_EMULATOR, LAR_FIRESTORE_EMULATOR, LAR_PROVIDERS (optional)
// `npm start -- --emulators` (or LAR_EMULATORS=1) points the widget at the local emulators with a
// demo project: api-key "demo-key", project-id "demo-lar", auth-emulator http://127.0.0.1:9099,
// and every sign-in provider. This script only sets the attributes; it does not start the
// emulators (`npm run demo:emulators` starts the Auth emulator and then this script).
import {fileURLToPath} from 'node:url';
import {createServer, loadEnv} from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const demoDir = fileURLToPath(new URL('../demo/', import.meta.url));

export const DEFAULT_PORT = 5173;

/** The emulator defaults of `--emulators`; a `demo-` project id never reaches a real project. */
const EMULATOR_SETTINGS = {
  LAR_API_KEY: 'demo-key',
  LAR_PROJECT_ID: 'demo-lar',
  LAR_AUTH_EMULATOR: 'http://127.0.0.1:9099',
  // The emulator stands in for every provider with a page of its own, so all of them can be tried.
  LAR_PROVIDERS: 'guest google github twitter facebook microsoft apple email',
};

/** Environment variable → `<leave-a-reply>` attribute. */
const ATTRIBUTES = {
  LAR_API_KEY: 'api-key',
  LAR_PROJECT_ID: 'project-id',
  LAR_AUTH_DOMAIN: 'auth-domain',
  LAR_APP_ID: 'app-id',
  LAR_AUTH_EMULATOR: 'auth-emulator',
  LAR_FIRESTORE_EMULATOR: 'firestore-emulator',
  LAR_PROVIDERS: 'providers',
};

const pick = (object, keys) => Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));

/**
 * Reads the LAR_* settings: demo/.env.local (and demo/.env), overridden by process.env.
 * @param {{emulators?: boolean, useEnv?: boolean}} options
 * @returns {Record<string, string>}
 */
export function readDemoSettings({emulators = false, useEnv = true} = {}) {
  const env = useEnv ? loadEnv('development', demoDir, 'LAR_') : {};
  // With --emulators the demo project replaces any real one; emulator addresses given in the
  // environment (another port, a Firestore emulator) still apply.
  const settings = emulators
    ? {...EMULATOR_SETTINGS, ...pick(env, ['LAR_AUTH_EMULATOR', 'LAR_FIRESTORE_EMULATOR', 'LAR_PROVIDERS'])}
    : env;
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value && value.trim()));
}

/**
 * The attributes the demo's `<leave-a-reply>` gets for these settings.
 * Firebase settings (an API key and a project id) select backend="firebase"; without them, or
 * with the Auth emulator but no Firestore emulator (a `demo-` project has no real database),
 * the comments stay in the browser with backend="local".
 * @param {Record<string, string>} settings
 * @returns {Record<string, string>}
 */
export function widgetAttributes(settings) {
  const attributes = {};
  for (const [name, attribute] of Object.entries(ATTRIBUTES)) {
    if (settings[name]) attributes[attribute] = settings[name].trim();
  }
  const hasFirebase = Boolean(attributes['api-key'] && attributes['project-id']);
  const emulatedProject = attributes['project-id']?.startsWith('demo-');
  const firestoreReachable = !emulatedProject || Boolean(attributes['firestore-emulator']);
  attributes.backend = hasFirebase && firestoreReachable ? 'firebase' : 'local';
  return attributes;
}

const escapeAttribute = (value) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Sets attributes on the first `<leave-a-reply>` start tag of a page, replacing any the page
 * already gives under the same names.
 * @param {string} html
 * @param {Record<string, string>} attributes
 */
export function setWidgetAttributes(html, attributes) {
  return html.replace(/<leave-a-reply(?=[\s>])([^>]*)>/, (_tag, existing) => {
    let kept = existing;
    for (const name of Object.keys(attributes)) {
      kept = kept.replace(new RegExp(`\\s${name}(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'>]+))?(?=[\\s/>]|$)`, 'g'), '');
    }
    const added = Object.entries(attributes)
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join('');
    return `<leave-a-reply${kept.trimEnd()}${added}>`;
  });
}

/**
 * A Vite plugin that writes the backend attributes into the demo page's widget tag.
 * @param {Record<string, string>} attributes
 * @returns {import('vite').Plugin}
 */
export function demoWidgetPlugin(attributes) {
  return {
    name: 'leave-a-reply-demo-widget',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, {path}) => (path.startsWith('/demo/') ? setWidgetAttributes(html, attributes) : html),
    },
  };
}

/**
 * Starts the dev server for the demo. Resolves with the server and the demo's URL.
 * @param {{port?: number, strictPort?: boolean, emulators?: boolean, useEnv?: boolean, logLevel?: import('vite').LogLevel}} options
 */
export async function startDemo({
  port = DEFAULT_PORT,
  strictPort = false,
  emulators = false,
  useEnv = true,
  logLevel = 'info',
} = {}) {
  const attributes = widgetAttributes(readDemoSettings({emulators, useEnv}));
  const server = await createServer({
    root: repoRoot,
    logLevel,
    clearScreen: false,
    plugins: [demoWidgetPlugin(attributes)],
    server: {port, strictPort, open: false},
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
  return {server, attributes, url: new URL('demo/', base).href};
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];

if (isMain) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--emulators');
  if (unknown.length) {
    console.error(`start-demo: unknown option ${unknown.join(' ')} (the only option is --emulators)`);
    process.exit(2);
  }
  const emulators = args.includes('--emulators') || ['1', 'true'].includes(process.env.LAR_EMULATORS ?? '');
  const {server, attributes, url} = await startDemo({emulators});
  const where =
    attributes.backend === 'firebase'
      ? `Firebase project ${attributes['project-id']}${attributes['firestore-emulator'] ? ' (emulators)' : ''}`
      : `backend="local" (comments stay in this browser)${attributes['auth-emulator'] ? `, auth-emulator ${attributes['auth-emulator']}` : ''}`;
  console.log(`\n  Demo: ${url}\n  Comments: ${where}\n  Stop with Ctrl+C.\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
