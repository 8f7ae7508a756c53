/**
 * Disqus's export (Admin → Moderate → Export: XML with `<thread dsq:id>` and `<post dsq:id>`
 * elements side by side). A thread is a page (`<link>`, and the site's own `<id>` — its
 * disqus_identifier — when it set one); a post names its thread and its parent by `dsq:id`.
 */
import {htmlToText, plainLine} from '../html-to-text.js';
import type {SourceComment, SourceThread} from '../import-plan.js';
import {InputError, child, childText, readXmlRecords, type XmlNode} from '../xml-records.js';
import type {Inclusions} from './inclusions.js';

export interface DisqusOptions extends Inclusions {
  /** Name threads by the site's disqus_identifier (used as the widget's page-id) where it set one. */
  useIdentifiers: boolean;
}

const dsqId = (node: XmlNode | undefined) => node?.attributes['dsq:id']?.trim() ?? '';
const yes = (node: XmlNode, name: string) => childText(node, name) === 'true';

function time(node: XmlNode, file: string, what: string): Date {
  const value = childText(node, 'createdAt');
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime()))
    throw new InputError(`${file}: line ${node.line}: ${what} has no valid createdAt`);
  return date;
}

function post(node: XmlNode, file: string, include: Inclusions): SourceComment {
  const sourceId = dsqId(node);
  if (!/^\d+$/.test(sourceId)) throw new InputError(`${file}: line ${node.line}: a post without a numeric dsq:id`);
  const body = htmlToText(child(node, 'message')?.text ?? '');
  const author = child(node, 'author');
  let skip: string | undefined;
  if (yes(node, 'isSpam')) skip = include.spam ? undefined : 'spam';
  if (!skip && yes(node, 'isDeleted')) skip = include.trash ? undefined : 'deleted';
  if (!skip && !body) skip = 'no text';
  const parent = dsqId(child(node, 'parent'));
  return {
    sourceId,
    id: `dq-${sourceId}`,
    ...(parent ? {parentSourceId: parent} : {}),
    body,
    author: {
      name: author ? plainLine(childText(author, 'name')) || childText(author, 'username') : '',
      ...(author && childText(author, 'email') ? {email: childText(author, 'email')} : {}),
    },
    createdAt: time(node, file, `post ${sourceId}`),
    status:
      yes(node, 'isSpam') || yes(node, 'isDeleted')
        ? 'hidden'
        : childText(node, 'isApproved') === 'false'
          ? 'pending'
          : 'published',
    ...(skip ? {skip} : {}),
    line: node.line,
  };
}

export async function readDisqus(file: string, options: DisqusOptions): Promise<SourceThread[]> {
  const {root, nodes} = await readXmlRecords(file, new Set(['thread', 'post']));
  if (root !== 'disqus') throw new InputError(`${file} is not a Disqus export (an XML file whose root is <disqus>)`);
  const threads = new Map<string, SourceThread & {deleted: boolean}>();
  for (const node of nodes.filter((n) => n.name === 'thread')) {
    const id = dsqId(node);
    const title = plainLine(childText(node, 'title'));
    const identifier = childText(node, 'id');
    threads.set(id, {
      url: childText(node, 'link'),
      ...(options.useIdentifiers && identifier ? {pageId: identifier} : {}),
      title,
      locked: yes(node, 'isClosed'),
      createdAt: time(node, file, `thread ${id}`),
      comments: [],
      label: `thread "${title || id}" (line ${node.line})`,
      deleted: yes(node, 'isDeleted'),
    });
  }
  for (const node of nodes.filter((n) => n.name === 'post')) {
    const comment = post(node, file, options);
    const threadId = dsqId(child(node, 'thread'));
    const thread = threads.get(threadId);
    if (!thread) {
      throw new InputError(
        `${file}: line ${node.line}: post ${comment.sourceId} belongs to thread ${threadId || '(none)'}, which is not in the file`,
      );
    }
    // A deleted page's comments go nowhere a reader could see them, unless deleted ones are asked for.
    if (thread.deleted && !comment.skip && !options.trash) comment.skip = 'on a deleted thread';
    thread.comments.push(comment);
  }
  return [...threads.values()];
}
