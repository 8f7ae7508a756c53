/**
 * Comment ids. The id is chosen once, before a post's first attempt, and kept with the draft
 * across reloads and tabs: every retry writes the same document, so a post reaches the server
 * once however often it is sent (a second create of one id is refused and read as "already posted").
 */
const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A document id that sorts by creation time: 9 characters of time, 11 random. Until the server
 * has it, a comment shows with the time its id carries; Firestore breaks ties of equal times by
 * document id, so these ids also keep comments of one instant in the order they were written. A
 * comment thread's write rate is far below where ordered ids could hot-spot an index.
 */
export function timeOrderedId(now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(11));
  return now.toString(36).padStart(9, '0') + Array.from(random, (b) => ID_ALPHABET[b % 62]).join('');
}

/** The time a timeOrderedId() was made, or undefined for other ids. */
export function timeOfOrderedId(id: string): number | undefined {
  if (!/^[0-9a-z]{9}[0-9a-zA-Z]{11}$/.test(id)) return undefined;
  const time = parseInt(id.slice(0, 9), 36);
  return Number.isSafeInteger(time) ? time : undefined;
}
