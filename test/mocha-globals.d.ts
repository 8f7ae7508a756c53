// Browser tests run under @web/test-runner's mocha, which provides these globals.
// (tsconfig sets "types": [] so nothing leaks into src; tests opt in here.)
/// <reference types="mocha" />
