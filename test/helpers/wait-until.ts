import {waitUntil as openWcWaitUntil} from '@open-wc/testing';

/**
 * `waitUntil` from @open-wc/testing with a timeout a busy machine can meet. Its own default is
 * one second, and the waits here often include loading a lazy chunk and a backend's answer: on
 * a loaded CI machine that second ran out while the widget was still on its way. A wait that
 * succeeds returns as soon as the predicate holds, so the long ceiling costs nothing.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: {interval?: number; timeout?: number} = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, {timeout: 20_000, ...options});
}
