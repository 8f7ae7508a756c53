/**
 * What a reader has typed, kept in localStorage so it survives reloads, crashes and failed posts.
 * Storage may be blocked (private mode, sandboxed frames): then drafts last for the visit only.
 */
const DRAFT_PREFIX = 'leave-a-reply:draft:';
const DETAILS_KEY = 'leave-a-reply:guest-details';

export interface Draft {
  body: string;
  parentId: string | null;
}

export interface GuestDetails {
  name: string;
  email: string;
  url: string;
}

function read<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // see above
  }
}

export const drafts = {
  load: (threadId: string) => read<Draft>(DRAFT_PREFIX + threadId),
  save: (threadId: string, draft: Draft) => write(DRAFT_PREFIX + threadId, draft.body ? draft : undefined),
  clear: (threadId: string) => write(DRAFT_PREFIX + threadId, undefined),
};

export const rememberedDetails = {
  load: () => read<GuestDetails>(DETAILS_KEY),
  save: (details: GuestDetails | undefined) => write(DETAILS_KEY, details),
};
