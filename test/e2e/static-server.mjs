// A plain static file server for end-to-end tests: no bundler, no transforms, like a CDN.
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize} from 'node:path';

const TYPES = {'.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json', '.css': 'text/css'};

/** Serves `root` on a free loopback port; `pages` maps extra paths to HTML strings. */
export async function serveStatic(root, pages = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pages[path]) {
      res.writeHead(200, {'content-type': 'text/html'}).end(pages[path]);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'}).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  return {url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve))};
}
