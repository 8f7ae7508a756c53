// Browser tests in Debian's Chromium (or CHROME_PATH) through Playwright; TypeScript via esbuild.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {playwrightLauncher} from '@web/test-runner-playwright';
import {chromiumLaunchOptions} from './scripts/chromium.mjs';

// Passed to the browser so the Firestore contract suite can also run against a real emulator, and
// the sign-in tests against the Auth emulator that `npm test` starts (scripts/with-auth-emulator.mjs).
const testEnv = {
  firestoreEmulatorHost: process.env.FIRESTORE_EMULATOR_HOST ?? null,
  authEmulatorHost: process.env.FIREBASE_AUTH_EMULATOR_HOST ?? null,
};

export default {
  files: ['test/**/*.test.ts', '!test/rules/**'],
  nodeResolve: {exportConditions: ['browser', 'development']},
  plugins: [esbuildPlugin({ts: true, target: 'es2022', tsconfig: 'tsconfig.json'})],
  concurrency: 1,
  // Above test/helpers/wait-until.ts's 20 s, so a slow wait fails with its own message.
  testFramework: {config: {timeout: 30000}},
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions,
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en"><head><meta charset="utf-8"></head><body>
      <script>window.__LAR_TEST_ENV__ = ${JSON.stringify(testEnv)};</script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
};
