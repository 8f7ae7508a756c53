// What web-test-runner puts on the test page (web-test-runner.config.js: the emulators' addresses
// that scripts/with-auth-emulator.mjs and scripts/test-emulators.mjs start).
interface Window {
  __LAR_TEST_ENV__?: {
    /** "host:port" of the Firestore emulator, when one is running. */
    firestoreEmulatorHost?: string | null;
    /** "host:port" of the Auth emulator, when one is running. */
    authEmulatorHost?: string | null;
  };
}
