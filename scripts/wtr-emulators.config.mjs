// web-test-runner config for `npm run test:emulators`: the project's config, plus both emulators'
// addresses on the test page (the base config now passes them too; this keeps the script's own
// environment explicit).
import base from '../web-test-runner.config.js';

const extra = {
  firestoreEmulatorHost: process.env.FIRESTORE_EMULATOR_HOST ?? null,
  authEmulatorHost: process.env.FIREBASE_AUTH_EMULATOR_HOST ?? null,
};

export default {
  ...base,
  testRunnerHtml: (testFramework) =>
    base
      .testRunnerHtml(testFramework)
      .replace(
        '<script type="module"',
        `<script>window.__LAR_TEST_ENV__ = Object.assign(window.__LAR_TEST_ENV__ || {}, ${JSON.stringify(extra)});</script><script type="module"`,
      ),
};
