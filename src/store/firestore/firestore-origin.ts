/**
 * Where Firestore's API answers: the reads' `fetch` (firestore-rest.ts) and the script-tag
 * entry's preconnect (shell/preload.ts) both need it. A module of its own, so the entry and the
 * moderation bundle take this line and nothing else of either.
 */
export const FIRESTORE_ORIGIN = 'https://firestore.googleapis.com';
