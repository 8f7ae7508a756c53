// One thread of comments in the shapes each comment system stores or serves it, so the side-by-side
// (bench/peers.mjs) and the request-rounds test show every widget the same comments: this widget's
// Firestore documents and localStorage, Waline's `/api/comment` answer, Artalk's `/api/v2/comments`.

export const THREAD_SIZE = 100;
export const PAGE_TITLE = 'Film Review for Her';
/** Every comment's text starts with this; its first appearance in the page is "the first comment on screen". */
export const MARKER = 'Comment number ';

const START = Date.UTC(2026, 0, 1);
const id = (i) => `c${String(i).padStart(4, '0')}`;

/** Oldest first; every fourth comment answers the one before it (a top-level comment). */
export function thread(size = THREAD_SIZE) {
  return Array.from({length: size}, (_, i) => ({
    i,
    id: id(i),
    parent: i % 4 === 3 ? i - 1 : null,
    body: `${MARKER}${i}. The middle stretch drags, but the ending earns it.\n\nA second paragraph about the score.`,
    name: `Reader ${i % 50}`,
    uid: `u${i % 50}`,
    at: new Date(START + i * 60_000),
  }));
}

const html = (body) =>
  body
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n');

// --- this widget ---

/** The stored data of each comment (src/model/stored-comment.ts's commentToData), by id. */
export function widgetDocs(comments = thread()) {
  const docs = comments.map((c) => [
    c.id,
    {
      parentId: c.parent === null ? null : id(c.parent),
      rootId: c.parent === null ? null : id(c.parent),
      body: c.body,
      author: {uid: c.uid, name: c.name, provider: 'guest'},
      createdAt: c.at,
      status: 'published',
      likeCount: 0,
    },
  ]);
  const threadDoc = {
    url: 'https://blog.example/her-review/',
    title: PAGE_TITLE,
    createdAt: new Date(START),
    commentCount: comments.length,
    lastCommentId: comments.at(-1).id,
    changedAt: comments.at(-1).at,
  };
  return {thread: threadDoc, comments: docs};
}

/** backend="local"'s localStorage value for the thread (src/store/memory/local-store.ts). */
export function localStorageValue(comments = thread()) {
  return JSON.stringify(
    comments.map((c) => ({
      id: c.id,
      parentId: c.parent === null ? null : id(c.parent),
      body: c.body,
      author: {uid: c.uid, name: c.name, provider: 'guest'},
      status: 'published',
      createdAt: c.at.toISOString(),
    })),
  );
}

/** A value in the Firestore REST API's JSON form. */
export function firestoreValue(value) {
  if (value === null) return {nullValue: null};
  if (typeof value === 'string') return {stringValue: value};
  if (typeof value === 'boolean') return {booleanValue: value};
  if (typeof value === 'number') return Number.isInteger(value) ? {integerValue: String(value)} : {doubleValue: value};
  if (value instanceof Date) return {timestampValue: value.toISOString()};
  return {mapValue: {fields: firestoreFields(value)}};
}

export const firestoreFields = (data) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [key, firestoreValue(value)]));

// --- Waline (its server's GET /api/comment: root comments, each with every reply under it) ---

const avatar = (api, c) => `${api}/avatar/${c.uid}.svg`;

function walineComment(api, c) {
  return {
    objectId: c.i + 1,
    time: c.at.getTime(),
    insertedAt: c.at.toISOString(),
    comment: html(c.body),
    orig: c.body,
    like: 0,
    nick: c.name,
    link: '',
    avatar: avatar(api, c),
    type: 'guest',
    browser: 'Chrome 130.0.0.0',
    os: 'Linux',
    addr: '',
    status: 'approved',
  };
}

/** The JSON of `GET {api}/comment?path=…&pageSize=…&page=…&sortBy=…` (page counts root comments). */
export function walineAnswer(api, {page = 1, pageSize = 10, sortBy = 'insertedAt_desc'} = {}, comments = thread()) {
  const roots = comments.filter((c) => c.parent === null);
  if (sortBy.endsWith('desc')) roots.reverse();
  const data = roots.slice((page - 1) * pageSize, page * pageSize).map((root) => ({
    ...walineComment(api, root),
    sticky: false,
    children: comments
      .filter((c) => c.parent === root.i)
      .map((c) => ({
        ...walineComment(api, c),
        pid: c.parent + 1,
        rid: c.parent + 1,
        reply_user: {nick: root.name, link: '', avatar: avatar(api, root)},
      })),
  }));
  return {
    errno: 0,
    errmsg: '',
    data: {page, pageSize, count: comments.length, totalPages: Math.ceil(roots.length / pageSize), data},
  };
}

// --- Artalk (its server's GET /api/v2/comments, nested mode: a page of roots and all their replies) ---

/** The JSON of `GET {api}/api/v2/comments?limit=…&offset=…&page_key=…&site_name=…`. */
export function artalkAnswer({limit = 20, offset = 0, pageKey, site}, comments = thread()) {
  const roots = comments.filter((c) => c.parent === null);
  // Newest roots first, as Artalk's server sorts by default; replies oldest first under them.
  roots.reverse();
  const shown = roots.slice(offset, offset + limit);
  const inPage = new Set(shown.map((c) => c.i));
  const list = [...shown, ...comments.filter((c) => c.parent !== null && inPage.has(c.parent))];
  return {
    comments: list.map((c) => ({
      id: c.i + 1,
      content: c.body,
      content_marked: html(c.body),
      user_id: 0,
      nick: c.name,
      email_encrypted: c.uid,
      link: '',
      ua: '',
      date: c.at.toISOString().replace('T', ' ').slice(0, 19),
      is_collapsed: false,
      is_pending: false,
      is_pinned: false,
      is_allow_reply: true,
      is_verified: false,
      rid: c.parent === null ? 0 : c.parent + 1,
      badge_name: '',
      badge_color: '',
      ip_region: '',
      visible: true,
      vote_up: 0,
      vote_down: 0,
      page_key: pageKey,
      page_url: pageKey,
      site_name: site,
    })),
    count: comments.length,
    roots_count: roots.length,
    page: {
      id: 1,
      admin_only: false,
      key: pageKey,
      url: pageKey,
      title: PAGE_TITLE,
      site_name: site,
      vote_up: 0,
      vote_down: 0,
      pv: 1,
      date: new Date(START).toISOString().replace('T', ' ').slice(0, 19),
    },
  };
}
