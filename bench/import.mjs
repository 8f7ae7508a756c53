// The site owner's command line at a real blog's size: a WordPress export of 10,000 comments
// (200 posts, nested replies, one post with 1,000 comments so the batched path runs too) imported
// into an empty project on the Firestore emulator, then exported. Run by `npm run bench`, or alone:
//   node scripts/with-emulators.mjs "node bench/import.mjs"
import {execFile} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));

function comment(id, parent, post, i) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const time = `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
  return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[Reader ${id % 700}]]></wp:comment_author>
<wp:comment_author_email>reader${id % 700}@example.com</wp:comment_author_email>
<wp:comment_date_gmt>2019-03-${day} ${time}</wp:comment_date_gmt>
<wp:comment_content><![CDATA[<p>Comment ${id} on post ${post}: a few sentences about the film, the score &amp; the ending.</p>]]></wp:comment_content>
<wp:comment_approved>${id % 25 ? 1 : 0}</wp:comment_approved><wp:comment_type>comment</wp:comment_type>
<wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
}

/** A WXR file with `total` comments; every third one answers the one before it. */
export function wordpressExport(total = 10_000, posts = 200) {
  const big = Math.round(total / 10);
  const items = [];
  let id = 1;
  for (let post = 1; post <= posts; post++) {
    // The rest spread evenly over the other posts (the first `extra` of them one more).
    const extra = (total - big) % (posts - 1);
    const count = post === 1 ? big : Math.floor((total - big) / (posts - 1)) + (post - 1 <= extra ? 1 : 0);
    const comments = [];
    for (let i = 0; i < count; i++, id++) comments.push(comment(id, i % 3 ? id - 1 : 0, post, i));
    items.push(`<item><title>Post ${post}</title><link>https://bench.example/posts/${post}/</link>
<wp:post_id>${post}</wp:post_id><wp:post_type>post</wp:post_type>${comments.join('\n')}</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bench</title>
${items.join('\n')}
</channel></rss>`;
}

function cli(args, env) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(root, 'bin/leave-a-reply.mjs'), ...args],
      {env, maxBuffer: 256 * 2 ** 20},
      (error, stdout, stderr) => (error ? reject(new Error(`${args.join(' ')}: ${stderr}`)) : resolve(stdout)),
    );
  });
}

/** Seconds to import and to export 10,000 comments on the emulator at `host`. */
export async function measureImport(host, total = 10_000) {
  const dir = mkdtempSync(join(tmpdir(), 'lar-bench-import-'));
  const file = join(dir, 'wordpress.xml');
  writeFileSync(file, wordpressExport(total));
  const project = `demo-bench-import-${Date.now().toString(36)}`;
  const env = {...process.env, FIRESTORE_EMULATOR_HOST: host};
  let start = performance.now();
  await cli(['import', 'wordpress', file, '--project', project], env);
  const imported = (performance.now() - start) / 1000;
  start = performance.now();
  await cli(['import', 'wordpress', file, '--project', project], env);
  const again = (performance.now() - start) / 1000;
  start = performance.now();
  const backup = await cli(['export', '--project', project], env);
  const exported = (performance.now() - start) / 1000;
  const comments = JSON.parse(backup).threads.reduce((sum, t) => sum + t.comments.length, 0);
  if (comments !== total) throw new Error(`exported ${comments} comments, imported ${total}`);
  return {total, imported, again, exported};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!host)
    throw new Error('FIRESTORE_EMULATOR_HOST is not set: node scripts/with-emulators.mjs "node bench/import.mjs"');
  console.log(await measureImport(host));
}
