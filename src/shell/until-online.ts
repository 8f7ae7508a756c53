/**
 * When a write that found no connection is worth sending again: as soon as the browser says it
 * is back online, or after a wait that doubles with each failed try (1 s up to 30 s), since a
 * browser can be "online" while the server stays out of reach.
 */
export function untilOnline(failedTries: number): Promise<void> {
  const waitMs = Math.min(30_000, 1000 * 2 ** Math.max(0, failedTries - 1));
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    window.addEventListener('online', done);
  });
}
