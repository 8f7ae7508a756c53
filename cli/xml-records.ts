/**
 * Reads an export file as a stream of records: each element named in `records` (a WordPress
 * `item`, a Disqus `thread` or `post`) comes back as a small tree with the line it started on, so
 * a problem can name the file and the place. Malformed XML stops the read with the file's name,
 * line and column: an import checks the whole file before it writes anything.
 */
import {createReadStream} from 'node:fs';
import {SaxesParser} from 'saxes';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  /** The text directly inside (CDATA included), as written. */
  text: string;
  children: XmlNode[];
  line: number;
}

export class InputError extends Error {
  override name = 'InputError';
}

/** The first child named `name`. */
export const child = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);

/** The text of the first child named `name`, trimmed ('' when there is none). */
export const childText = (node: XmlNode, name: string): string => child(node, name)?.text.trim() ?? '';

/** Every record of the file, in order, with the root element's name. */
export async function readXmlRecords(
  file: string,
  records: ReadonlySet<string>,
): Promise<{root: string; nodes: XmlNode[]}> {
  const parser = new SaxesParser({fileName: file, position: true});
  const nodes: XmlNode[] = [];
  const open: XmlNode[] = []; // the record being read and its open descendants
  let root = '';
  parser.on('opentag', (tag) => {
    if (!root) root = tag.name;
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]));
    const node: XmlNode = {name: tag.name, attributes, text: '', children: [], line: parser.line};
    if (open.length) open[open.length - 1].children.push(node);
    if (open.length || records.has(tag.name)) open.push(node);
  });
  const addText = (text: string) => {
    if (open.length) open[open.length - 1].text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const node = open.pop();
    if (node && !open.length) nodes.push(node);
  });
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  try {
    for await (const chunk of createReadStream(file, {encoding: 'utf8'})) {
      parser.write(chunk as string);
      if (failure) break;
    }
    if (!failure) parser.close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${file}: is a folder, not a file`);
    failure ??= error as Error;
  }
  if (failure) throw new InputError(`${file} is not well-formed XML: ${failure.message.replace(`${file}:`, 'line ')}`);
  return {root, nodes};
}
