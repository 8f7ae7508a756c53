/**
 * From what a source file holds (threads of comments, in the source's own ids) to what the import
 * writes: the widget's threads (the id the widget computes for the page's URL) holding the
 * widget's comments (src/model/comment.ts), with their nesting, statuses and imported authors.
 * Every problem is found here, before anything is written.
 */
import {gravatarUrl} from '../src/model/avatars.js';
import type {Author, Comment, CommentStatus} from '../src/model/comment.js';
import {LIMITS} from '../src/model/limits.js';
import {isValidPageId, normalizePageUrl, threadIdForUrl} from '../src/model/page-identity.js';
import {sha256Base64Url, sha256Hex} from '../src/model/sha256.js';
import {stripBidiControls} from '../src/model/text-safety.js';
import {isEmail, isHttpUrl} from '../src/model/validation.js';

/** One comment as the source file has it. */
export interface SourceComment {
  /** Its id in the source (replies name their parent by it). */
  sourceId: string;
  /** The document id it is stored under: the same on every run, so a second import adds nothing. */
  id: string;
  parentSourceId?: string;
  body: string;
  author: {name: string; url?: string; email?: string};
  createdAt: Date;
  status: Exclude<CommentStatus, 'deleted'>;
  /** Why it is left out (spam, trash, a pingback…); it still holds its replies' place if they are kept. */
  skip?: string;
  /** Where it is, for messages: "line 120". */
  line: number;
}

/** One page's comments as the source file has them. */
export interface SourceThread {
  /** The page's address, as the source has it. */
  url: string;
  /** A page-id (the widget's attribute) naming the thread instead of the URL. */
  pageId?: string;
  title: string;
  locked: boolean;
  createdAt?: Date;
  comments: SourceComment[];
  /** For messages: `item "Film Review for Her" (line 40)`. */
  label: string;
}

export interface PlannedThread {
  id: string;
  url: string;
  title: string;
  createdAt: Date;
  locked: boolean;
  /** Parents before their replies. */
  comments: Comment[];
  /** Imported authors' emails by uid, for their private profiles (never in a comment). */
  emails: Map<string, string>;
  /** What each reader likes in the thread, by uid (a restored export's; no other source has likes). */
  likes?: Map<string, string[]>;
}

export interface ImportPlan {
  threads: PlannedThread[];
  /** Left out, by reason. */
  skipped: Map<string, number>;
  /** Of the left-out ones, those kept as an empty placeholder ("deleted") that holds replies in their place. */
  placeholders: number;
  /** Bad input: nothing may be written while there is any. */
  problems: string[];
}

export interface PlanOptions {
  /** What the file is, for the imported authors' ids ("wordpress", "disqus"). */
  source: string;
  file: string;
  /** --map-url OLD=NEW: a URL starting with OLD starts with NEW instead (the longest OLD wins). */
  mapUrl: [string, string][];
}

/** Parses `OLD=NEW`; throws a message for anything else. */
export function parseUrlMapping(value: string): [string, string] {
  const at = value.indexOf('=');
  const [from, to] = [value.slice(0, at).trim(), value.slice(at + 1).trim()];
  if (at < 1 || !isHttpUrl(from) || !isHttpUrl(to)) {
    throw new Error(`--map-url wants OLD=NEW, two http(s) addresses (got "${value}")`);
  }
  return [from, to];
}

export function mapUrl(url: string, mappings: [string, string][]): string {
  const match = [...mappings].sort((a, b) => b[0].length - a[0].length).find(([from]) => url.startsWith(from));
  return match ? match[1] + url.slice(match[0].length) : url;
}

/**
 * Imported authors are not accounts: their uid has a form no Firebase Auth account has (those are
 * 28 letters and digits; only the site owner's custom tokens could choose another), so nobody can
 * sign in as one, edit their comments or post in their name. One person (by email, else by name
 * and website) keeps one uid across runs and pages, so "approve all by this author" finds them all.
 */
async function importedAuthor(
  source: string,
  person: SourceComment['author'],
): Promise<{author: Author; email?: string}> {
  const email = person.email?.trim().toLowerCase();
  const validEmail = email && isEmail(email) && email.length <= LIMITS.emailMax ? email : undefined;
  const name = stripBidiControls(person.name).replace(/\s+/g, ' ').trim().slice(0, LIMITS.nameMax) || 'Anonymous';
  const url = person.url?.trim();
  const key = validEmail ? `email:${validEmail}` : `name:${name}|${url ?? ''}`;
  const uid = `imported-${source}-${(await sha256Base64Url(key)).slice(0, 24)}`;
  const author: Author = {
    uid,
    name,
    ...(url && isHttpUrl(url) && url.length <= LIMITS.urlMax ? {url: stripBidiControls(url)} : {}),
    ...(validEmail ? {avatarUrl: gravatarUrl(await sha256Hex(validEmail))} : {}),
    provider: 'guest',
  };
  return {author, ...(validEmail ? {email: validEmail} : {})};
}

/** The thread a source thread's comments go to, or a problem. */
async function threadOf(source: SourceThread, options: PlanOptions): Promise<{id: string; url: string} | string> {
  let url = '';
  try {
    url = normalizePageUrl(mapUrl(source.url.trim(), options.mapUrl)).slice(0, LIMITS.pageUrlMax);
  } catch {
    if (!source.pageId) return `${options.file}: ${source.label}: its link "${source.url}" is not a URL`;
  }
  if (source.pageId) {
    if (!isValidPageId(source.pageId)) {
      return `${options.file}: ${source.label}: "${source.pageId}" cannot be a page-id (1–200 letters, digits or . _ : ~ -)`;
    }
    return {id: source.pageId, url};
  }
  return {id: await threadIdForUrl(url), url};
}

export async function planImport(sources: SourceThread[], options: PlanOptions): Promise<ImportPlan> {
  const plan: ImportPlan = {threads: [], skipped: new Map(), placeholders: 0, problems: []};
  const skip = (reason: string) => plan.skipped.set(reason, (plan.skipped.get(reason) ?? 0) + 1);

  // Pages that become one thread (the same URL after normalising and mapping) are merged.
  const merged = new Map<string, {thread: PlannedThread; sources: SourceThread[]}>();
  const threadOfComment = new Map<string, SourceThread>();
  for (const source of sources) {
    for (const comment of source.comments) threadOfComment.set(comment.sourceId, source);
    if (!source.comments.length) continue;
    const where = await threadOf(source, options);
    if (typeof where === 'string') {
      plan.problems.push(where);
      continue;
    }
    let entry = merged.get(where.id);
    if (!entry) {
      const title = stripBidiControls(source.title).trim().slice(0, LIMITS.pageTitleMax);
      const thread = {...where, title, createdAt: new Date(8.64e15), locked: false, comments: [], emails: new Map()};
      merged.set(where.id, (entry = {thread, sources: []}));
    }
    entry.sources.push(source);
    entry.thread.locked ||= source.locked;
  }

  for (const {thread, sources: pages} of merged.values()) {
    const bySourceId = new Map<string, SourceComment>();
    for (const page of pages) for (const comment of page.comments) bySourceId.set(comment.sourceId, comment);
    const labelOf = (comment: SourceComment) =>
      `${threadOfComment.get(comment.sourceId)?.label}, comment ${comment.sourceId} (line ${comment.line})`;

    // Which comments are written: the kept ones and, as placeholders, the left-out ones above them.
    const written = new Set<SourceComment>();
    const inCircle = new Set<SourceComment>();
    let broken = false;
    for (const comment of bySourceId.values()) {
      if (comment.skip) continue;
      const seen = new Set<SourceComment>();
      for (let at: SourceComment | undefined = comment; at;) {
        if (seen.has(at)) {
          // Each comment leading into the circle finds it; it is one problem.
          if (![...seen].some((c) => inCircle.has(c))) {
            plan.problems.push(`${options.file}: ${labelOf(at)}: its parents go round in a circle`);
          }
          for (const c of seen) inCircle.add(c);
          broken = true;
          break;
        }
        seen.add(at);
        written.add(at);
        if (!at.parentSourceId) break;
        const parent = bySourceId.get(at.parentSourceId);
        if (!parent) {
          const elsewhere = threadOfComment.get(at.parentSourceId);
          plan.problems.push(
            `${options.file}: ${labelOf(at)}: it answers comment ${at.parentSourceId}, which ` +
              (elsewhere ? `is on another page (${elsewhere.label})` : 'is not in the file'),
          );
          broken = true;
          break;
        }
        at = parent;
      }
    }
    if (broken) continue;

    const rootOf = (comment: SourceComment): SourceComment => {
      let at = comment;
      while (at.parentSourceId) at = bySourceId.get(at.parentSourceId)!;
      return at;
    };
    const depthOf = (comment: SourceComment) => {
      let depth = 0;
      for (let at = comment; at.parentSourceId; at = bySourceId.get(at.parentSourceId)!) depth++;
      return depth;
    };
    const ordered = [...written].sort(
      (a, b) => depthOf(a) - depthOf(b) || a.createdAt.getTime() - b.createdAt.getTime(),
    );
    for (const source of ordered) {
      const parent = source.parentSourceId ? bySourceId.get(source.parentSourceId)! : undefined;
      const {author, email} = await importedAuthor(options.source, source.author);
      const placeholder = Boolean(source.skip);
      if (placeholder) plan.placeholders++;
      else if (email) thread.emails.set(author.uid, email);
      thread.comments.push({
        id: source.id,
        parentId: parent ? parent.id : null,
        ...(parent ? {rootId: rootOf(source).id} : {}),
        // A placeholder is what a soft delete leaves: no text, no name, website or picture.
        body: placeholder ? '' : source.body,
        author: placeholder ? {uid: author.uid, name: '', provider: 'guest'} : author,
        createdAt: source.createdAt,
        status: placeholder ? 'deleted' : source.status,
      });
      if (source.createdAt < thread.createdAt) thread.createdAt = source.createdAt;
    }
    for (const comment of bySourceId.values()) if (comment.skip) skip(comment.skip);
    for (const page of pages)
      if (page.createdAt && page.createdAt < thread.createdAt) thread.createdAt = page.createdAt;
    if (thread.comments.length) plan.threads.push(thread);
  }
  return plan;
}
