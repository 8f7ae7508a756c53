/**
 * WordPress's export (Tools → Export: a WXR file, RSS with `wp:` elements): every `wp:comment` of
 * every `item`, on the page its `<link>` names. WordPress keeps 1 (approved), 0 (waiting), spam
 * and trash in `wp:comment_approved`, and pingbacks and trackbacks beside comments.
 */
import {htmlToText, plainLine} from '../html-to-text.js';
import type {SourceComment, SourceThread} from '../import-plan.js';
import {InputError, child, childText, readXmlRecords, type XmlNode} from '../xml-records.js';
import type {Inclusions} from './inclusions.js';

/** "2019-03-04 12:34:56" as UTC; WordPress writes zeros for a time it never set. */
function wordpressTime(value: string): Date | undefined {
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(value.trim());
  if (!match || match[1] === '0000') return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

function comment(node: XmlNode, file: string, include: Inclusions): SourceComment {
  const sourceId = childText(node, 'wp:comment_id');
  if (!/^\d+$/.test(sourceId)) throw new InputError(`${file}: line ${node.line}: a wp:comment without a wp:comment_id`);
  const approved = childText(node, 'wp:comment_approved');
  const type = childText(node, 'wp:comment_type') || 'comment';
  const parent = childText(node, 'wp:comment_parent');
  const createdAt =
    wordpressTime(childText(node, 'wp:comment_date_gmt')) ?? wordpressTime(childText(node, 'wp:comment_date'));
  if (!createdAt) throw new InputError(`${file}: line ${node.line}: comment ${sourceId} has no date`);
  const body = htmlToText(child(node, 'wp:comment_content')?.text ?? '');

  let skip: string | undefined;
  if (type === 'pingback' || type === 'trackback') skip = include.pingbacks ? undefined : `${type}s`;
  else if (type !== 'comment') skip = `comments of type "${type}"`; // e.g. WooCommerce's order notes: private
  if (!skip && approved === 'spam') skip = include.spam ? undefined : 'spam';
  if (!skip && (approved === 'trash' || approved === 'post-trashed')) skip = include.trash ? undefined : 'trash';
  if (!skip && !['1', '0', 'spam', 'trash', 'post-trashed'].includes(approved)) skip = `status "${approved}"`;
  if (!skip && !body) skip = 'no text';

  return {
    sourceId,
    id: `wp-${sourceId}`,
    ...(parent && parent !== '0' ? {parentSourceId: parent} : {}),
    body,
    author: {
      name: plainLine(childText(node, 'wp:comment_author')),
      url: childText(node, 'wp:comment_author_url'),
      email: childText(node, 'wp:comment_author_email'),
    },
    createdAt,
    // Spam and trash, when asked for, arrive hidden: a moderator can look and approve.
    status: approved === '1' ? 'published' : approved === '0' ? 'pending' : 'hidden',
    ...(skip ? {skip} : {}),
    line: node.line,
  };
}

export async function readWordPress(file: string, include: Inclusions): Promise<SourceThread[]> {
  const {root, nodes} = await readXmlRecords(file, new Set(['item']));
  if (root !== 'rss' || !nodes.some((item) => item.children.some((c) => c.name.startsWith('wp:')))) {
    throw new InputError(`${file} is not a WordPress export (a WXR file from Tools → Export: <rss> with <wp:…> items)`);
  }
  return nodes.map((item) => {
    const title = plainLine(childText(item, 'title'));
    return {
      url: childText(item, 'link') || childText(item, 'guid'),
      title,
      locked: childText(item, 'wp:comment_status') === 'closed',
      ...(wordpressTime(childText(item, 'wp:post_date_gmt'))
        ? {createdAt: wordpressTime(childText(item, 'wp:post_date_gmt'))}
        : {}),
      comments: item.children.filter((c) => c.name === 'wp:comment').map((c) => comment(c, file, include)),
      label: `item "${title || childText(item, 'wp:post_id')}" (line ${item.line})`,
    };
  });
}
