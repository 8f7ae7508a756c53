/**
 * What a reader has typed, kept in localStorage so it survives reloads, crashes and failed posts.
 * Storage may be blocked (private mode, sandboxed frames): then drafts last for the visit only.
 */
import {getStoredJson, setStoredJson} from '../../../shell/safe-storage.js';

const DRAFT_PREFIX = 'leave-a-reply:draft:';
const DETAILS_KEY = 'leave-a-reply:guest-details';
const OWN_PREFIX = 'leave-a-reply:own:';
/** How many of a reader's latest comments per thread stay in view after a reload. */
const OWN_KEPT = 5;

export interface Draft {
  body: string;
  parentId: string | null;
  /** The id its post was sent under (comment-id.ts), once Post Comment was pressed. */
  id?: string;
  /** "Notify me of new comments via email." was ticked for it. */
  notify?: boolean;
}

export interface GuestDetails {
  name: string;
  email: string;
  url: string;
}

export const drafts = {
  /** The storage key, to follow another tab's changes to the draft (`storage` events). */
  key: (threadId: string) => DRAFT_PREFIX + threadId,
  load: (threadId: string) => getStoredJson<Draft>(DRAFT_PREFIX + threadId),
  save: (threadId: string, draft: Draft) => setStoredJson(DRAFT_PREFIX + threadId, draft.body ? draft : undefined),
  clear: (threadId: string) => setStoredJson(DRAFT_PREFIX + threadId, undefined),
};

export const rememberedDetails = {
  load: () => getStoredJson<GuestDetails>(DETAILS_KEY),
  save: (details: GuestDetails | undefined) => setStoredJson(DETAILS_KEY, details),
};

/**
 * The ids of the reader's latest comments on each thread, so the thread shows them after a reload
 * whatever page they fall on (ThreadWatch.showAlso).
 */
export const ownComments = {
  load: (threadId: string) => getStoredJson<string[]>(OWN_PREFIX + threadId) ?? [],
  add: (threadId: string, id: string) =>
    setStoredJson(OWN_PREFIX + threadId, [...ownComments.load(threadId).filter((k) => k !== id), id].slice(-OWN_KEPT)),
};
