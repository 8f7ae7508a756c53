// The import's reading side, without Firestore: what `npx leave-a-reply import … --dry-run` and
// the plan behind it make of a WordPress and a Disqus export, and what they say about bad input.
// Runs the built command line (dist/cli, from `npm run build`). Writing to Firestore and the
// widget showing the result: test/e2e-emulators/import-export.test.mjs.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, writeFileSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = (path) => import(new URL(`../../dist/cli/${path}`, import.meta.url).href);
const {readWordPress} = await built('cli/sources/wordpress.js');
const {readDisqus} = await built('cli/sources/disqus.js');
const {planImport} = await built('cli/import-plan.js');
const {htmlToText} = await built('cli/html-to-text.js');
const {threadsFromBackup} = await built('cli/backup-format.js');
const {normalizePageUrl, threadIdForUrl} = await built('src/model/page-identity.js');

const WXR = join(root, 'test/fixtures/cli/wordpress-export.xml');
const DISQUS = join(root, 'test/fixtures/cli/disqus-export.xml');
const NONE = {spam: false, trash: false, pingbacks: false};
const scratch = mkdtempSync(join(tmpdir(), 'lar-import-'));

/** Runs `leave-a-reply ARGS` as a site owner would; resolves with its exit code and output. */
function cli(args, env = {}) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/leave-a-reply.mjs'), ...args],
      {cwd: scratch, env: {...process.env, FIRESTORE_EMULATOR_HOST: '', ...env}},
      (error, stdout, stderr) => resolve({code: error ? error.code : 0, stdout, stderr}),
    );
  });
}

function file(name, text) {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const wordpressPlan = async (include = NONE, mapUrl = []) =>
  planImport(await readWordPress(WXR, include), {source: 'wordpress', file: WXR, mapUrl});
const byId = (thread) => new Map(thread.comments.map((c) => [c.id, c]));

describe('a WordPress export', () => {
  test('lands in the thread the widget computes for the post, with nesting, statuses and authors kept', async () => {
    const plan = await wordpressPlan();
    assert.deepEqual(plan.problems, []);
    const her = plan.threads.find((t) => t.title === 'Film Review for Her');
    // The widget names a thread by its page's normalised URL; the link's trailing slash and any
    // tracking parameter or fragment a reader arrives with make no difference.
    for (const address of [
      'https://old.reel.example/2014/01/film-review-for-her/',
      'https://old.reel.example/2014/01/film-review-for-her?utm_source=feed#comments',
    ]) {
      assert.equal(her.id, await threadIdForUrl(normalizePageUrl(address)));
    }
    const comments = byId(her);
    assert.equal(comments.get('wp-101').status, 'published');
    assert.equal(comments.get('wp-101').parentId, null);
    assert.deepEqual([comments.get('wp-102').parentId, comments.get('wp-102').rootId], ['wp-101', 'wp-101']);
    assert.deepEqual([comments.get('wp-103').parentId, comments.get('wp-103').rootId], ['wp-102', 'wp-101']);
    assert.equal(comments.get('wp-104').status, 'pending', 'comment_approved 0 waits for a moderator');
    assert.equal(
      comments.get('wp-104').createdAt.toISOString(),
      '2014-01-12T08:00:00.000Z',
      'no GMT date: the local one',
    );
    const maya = comments.get('wp-101').author;
    assert.equal(maya.name, 'Maya Lind');
    assert.equal(maya.url, 'https://maya.example');
    assert.equal(maya.provider, 'guest');
    assert.match(maya.avatarUrl, /^https:\/\/gravatar\.com\/avatar\/[0-9a-f]{64}\?s=96&d=identicon$/);
    assert.ok(!JSON.stringify(her.comments).includes('@'), 'no email address in any comment');
    assert.equal(her.emails.get(maya.uid), 'maya@example.org');
    assert.equal(comments.get('wp-103').author.uid, maya.uid, 'one person, one imported identity');
    assert.equal(comments.get('wp-101').createdAt.toISOString(), '2014-01-11T10:00:00.000Z');
  });

  test('imported authors have identities no reader can sign in as', async () => {
    const plan = await wordpressPlan();
    for (const comment of plan.threads.flatMap((t) => t.comments)) {
      // Firebase Auth's own uids are 28 letters and digits.
      assert.doesNotMatch(comment.author.uid, /^[A-Za-z0-9]{28}$/);
      assert.match(comment.author.uid, /^imported-wordpress-/);
    }
  });

  test('leaves spam, trash, pingbacks, trackbacks and other comment types out unless asked', async () => {
    const plan = await wordpressPlan();
    const ids = plan.threads.flatMap((t) => t.comments.map((c) => c.id));
    for (const left of ['wp-105', 'wp-106', 'wp-202', 'wp-301']) assert.ok(!ids.includes(left), left);
    assert.deepEqual(Object.fromEntries(plan.skipped), {
      spam: 1,
      pingbacks: 1,
      trash: 1,
      trackbacks: 1,
      'comments of type "order_note"': 1,
    });
    const asked = await wordpressPlan({spam: true, trash: true, pingbacks: true});
    const all = new Map(asked.threads.flatMap((t) => t.comments.map((c) => [c.id, c])));
    assert.equal(all.get('wp-105').status, 'hidden', 'spam arrives hidden');
    assert.equal(all.get('wp-107').status, 'hidden', 'trash arrives hidden');
    assert.equal(all.get('wp-106').status, 'published', 'an approved pingback is shown');
    assert.equal(all.get('wp-106').body, '[…] a longer piece on the same film over at Reel Thoughts […]');
    assert.ok(!all.has('wp-301'), 'an order note is never a comment');
  });

  test('a kept reply to a left-out comment keeps its place under an empty placeholder', async () => {
    const comments = byId((await wordpressPlan()).threads.find((t) => t.title === 'Film Review for Her'));
    const placeholder = comments.get('wp-107');
    assert.equal(placeholder.status, 'deleted');
    assert.equal(placeholder.body, '');
    assert.deepEqual(Object.keys(placeholder.author).sort(), ['name', 'provider', 'uid']);
    assert.equal(placeholder.author.name, '');
    assert.equal(comments.get('wp-108').parentId, 'wp-107');
  });

  test('comment HTML becomes plain text, links kept as addresses', async () => {
    const comments = byId((await wordpressPlan()).threads[0]);
    assert.equal(
      comments.get('wp-101').body,
      "The score does half the acting & it never shows off. Arcade Fire's page (https://en.wikipedia.org/wiki/Her_(film)) lists every cue.\n\n" +
        "> Sometimes I think I have felt everything I'm ever gonna feel.\n\nThat line stayed with me.",
    );
    assert.equal(
      htmlToText('<a href="javascript:alert(1)">click</a> <img src=x onerror=alert(1) alt="a cat">'),
      'click a cat',
    );
    assert.equal(htmlToText('a<br>b<br/>c &lt;b&gt;not bold&lt;/b&gt;'), 'a\nb\nc <b>not bold</b>');
    assert.equal(htmlToText('one<br><br>two\n\n\n\nthree'), 'one\n\ntwo\n\nthree');
    assert.equal(htmlToText('<a href="https://x.example/">https://x.example/</a>'), 'https://x.example/');
    assert.equal(htmlToText('<ul><li>one</li><li>two</li></ul><style>p{}</style>'), '- one\n- two');
  });

  test('--map-url moves every page to the new address before the thread is named', async () => {
    const plan = await wordpressPlan(NONE, [['https://old.reel.example', 'https://reel.example/blog']]);
    const her = plan.threads.find((t) => t.title === 'Film Review for Her');
    assert.equal(her.url, 'https://reel.example/blog/2014/01/film-review-for-her');
    assert.equal(her.id, await threadIdForUrl('https://reel.example/blog/2014/01/film-review-for-her'));
  });

  test('a closed post is a closed thread', async () => {
    const plan = await wordpressPlan();
    assert.equal(plan.threads.find((t) => t.title === 'Arrival & the shape of time').locked, true);
    assert.equal(plan.threads.find((t) => t.title === 'Film Review for Her').locked, false);
  });

  test('--dry-run prints the threads and the summary and needs no project', async () => {
    const {code, stdout} = await cli(['import', 'wordpress', WXR, '--dry-run']);
    assert.equal(code, 0);
    assert.match(stdout, /would write 2 threads, 7 comments\. Nothing was written\./);
    assert.match(stdout, /"Film Review for Her": 6 comments \(published 4, pending 1, deleted 1\)/);
    assert.match(stdout, /left out: spam 1, pingbacks 1, trash 1, trackbacks 1/);
  });
});

describe('a Disqus export', () => {
  const plan = async (options = {}) =>
    planImport(await readDisqus(DISQUS, {...NONE, useIdentifiers: false, ...options}), {
      source: 'disqus',
      file: DISQUS,
      mapUrl: [],
    });

  test('threads by link (links of one page merged), posts nested, deleted and spam left out, closed locked', async () => {
    const {threads, skipped, problems} = await plan();
    assert.deepEqual(problems, []);
    assert.equal(threads.length, 2);
    const her = threads.find((t) => t.title === 'Her, reviewed');
    assert.equal(her.id, await threadIdForUrl('https://reel.example/reviews/her'));
    const comments = byId(her);
    assert.deepEqual([...comments.keys()].sort(), ['dq-7001', 'dq-7002', 'dq-7003', 'dq-7004', 'dq-7005']);
    assert.equal(comments.get('dq-7002').parentId, 'dq-7001');
    assert.equal(comments.get('dq-7004').status, 'deleted', 'the deleted post holds its reply');
    assert.equal(comments.get('dq-7005').parentId, 'dq-7004');
    assert.equal(comments.get('dq-7001').body, 'The letter-writing job is the whole film in small.');
    assert.equal(comments.get('dq-7005').body, 'Whatever it was, the answer is yes.');
    assert.deepEqual(Object.fromEntries(skipped), {deleted: 1, spam: 1});
    assert.equal(threads.find((t) => t.title === 'Arrival & memory').locked, true);
  });

  test('--disqus-identifiers names threads by the identifier the site gave Disqus', async () => {
    const {threads} = await plan({useIdentifiers: true});
    assert.ok(threads.some((t) => t.id === 'review-her'));
    assert.ok(threads.some((t) => t.id === 'review-arrival'));
  });
});

describe('bad input: a clear message, and nothing written', () => {
  const reply = (
    id,
    parent,
  ) => `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>A</wp:comment_author>
    <wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt><wp:comment_content>Hi</wp:comment_content>
    <wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
  const wxr = (items) =>
    `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>${items}</channel></rss>`;
  const item = (title, link, comments) =>
    `<item><title>${title}</title><link>${link}</link><wp:post_id>1</wp:post_id>${comments}</item>`;

  test('a comment whose parent is missing names the file, the item and the comment', async () => {
    const path = file('orphan.xml', wxr(item('Orphans', 'https://a.example/p', reply(1, 0) + reply(2, 99))));
    const {code, stderr} = await cli(['import', 'wordpress', path, '--project', 'demo-never-written']);
    assert.equal(code, 1);
    assert.match(stderr, /orphan\.xml has a problem; nothing was written/);
    assert.match(
      stderr,
      /item "Orphans" \(line \d+\), comment 2 \(line \d+\): it answers comment 99, which is not in the file/,
    );
  });

  test('a parent on another page, and parents in a circle, are problems too', async () => {
    const path = file(
      'tangled.xml',
      wxr(
        item('One', 'https://a.example/1', reply(1, 0)) +
          item('Two', 'https://a.example/2', reply(2, 1) + reply(3, 4) + reply(4, 3)),
      ),
    );
    const {code, stderr} = await cli(['import', 'wordpress', path, '--dry-run']);
    assert.equal(code, 1);
    assert.match(stderr, /2 problems/);
    assert.match(stderr, /comment 2 .*which is on another page \(item "One"/);
    assert.match(stderr, /go round in a circle/);
  });

  test('malformed XML names the file and the line', async () => {
    const path = file(
      'broken.xml',
      '<?xml version="1.0"?>\n<rss>\n<channel>\n<item><title>x</titel></item>\n</channel></rss>',
    );
    const {code, stderr} = await cli(['import', 'wordpress', path, '--dry-run']);
    assert.equal(code, 1);
    assert.match(stderr, /broken\.xml is not well-formed XML: line 4/);
    assert.match(stderr, /Nothing was written\./);
  });

  test('the wrong kind of file, a missing file, an unknown format, a bad --map-url', async () => {
    let result = await cli(['import', 'disqus', WXR, '--dry-run']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /is not a Disqus export/);
    result = await cli(['import', 'wordpress', DISQUS, '--dry-run']);
    assert.match(result.stderr, /is not a WordPress export/);
    result = await cli(['import', 'wordpress', join(scratch, 'nope.xml'), '--dry-run']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /nope\.xml: no such file/);
    result = await cli(['import', 'blogger', WXR]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown format "blogger"/);
    result = await cli(['import', 'wordpress', WXR, '--map-url', 'old.example', '--dry-run']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--map-url wants OLD=NEW/);
  });

  test('without a project (and no `firebase use`), it asks for --project', async () => {
    const {code, stderr} = await cli(['export'], {
      GOOGLE_CLOUD_PROJECT: '',
      GCLOUD_PROJECT: '',
      XDG_CONFIG_HOME: scratch,
    });
    assert.equal(code, 2);
    assert.match(stderr, /no Firebase project: pass --project/);
  });

  test('an export file is checked whole before anything is written', () => {
    const good = JSON.parse(readFileSync(join(root, 'test/fixtures/cli/backup.json'), 'utf8'));
    assert.equal(threadsFromBackup('backup.json', JSON.stringify(good)).length, good.threads.length);
    const broken = structuredClone(good);
    broken.threads[0].comments[1].parentId = 'nobody';
    assert.throws(
      () => threadsFromBackup('backup.json', JSON.stringify(broken)),
      /backup\.json: threads\[0\]\.comments\[1\] \(.+\): "parentId" must be null or the id of another comment/,
    );
    assert.throws(
      () => threadsFromBackup('backup.json', JSON.stringify({...good, version: 9})),
      /version 9 of the export format/,
    );
    assert.throws(() => threadsFromBackup('backup.json', '{"threads": ['), /backup\.json is not JSON/);
  });

  test("an export's replies restore under their top-level comment, however deep, whatever rootId the file gives", () => {
    const backup = JSON.parse(readFileSync(join(root, 'test/fixtures/cli/backup.json'), 'utf8'));
    const [top, reply] = backup.threads[0].comments;
    // As an export made before `upgrade` could have them: a reply without rootId, and one under it
    // that names it (the rules take the parent's rootId, else the parent's id).
    delete reply.rootId;
    const deeper = {...reply, id: '0lizqh4n3DeeperReplyAbCd', parentId: reply.id, rootId: reply.id};
    backup.threads[0].comments.push(deeper);
    const [thread] = threadsFromBackup('backup.json', JSON.stringify(backup));
    const roots = Object.fromEntries(thread.comments.map((c) => [c.id, c.rootId]));
    assert.deepEqual([roots[reply.id], roots[deeper.id]], [top.id, top.id]);
    assert.equal(roots[top.id], undefined, 'a top-level comment names no root');
  });

  test("an export's likes: counts and each reader's likes restore; a version 1 file (before likes) has none", () => {
    const v1 = JSON.parse(readFileSync(join(root, 'test/fixtures/cli/backup.json'), 'utf8'));
    const [old] = threadsFromBackup('backup.json', JSON.stringify(v1));
    assert.deepEqual(
      old.comments.map((c) => c.likeCount),
      old.comments.map(() => 0),
    );
    assert.equal(old.likes.size, 0);

    const v2 = structuredClone(v1);
    v2.version = 2;
    const [first, second] = v2.threads[0].comments;
    first.likeCount = 2;
    v2.threads[0].likes = [
      {uid: 'Lk1aQ1bW2cE3dR4fT5gY6hU7jI8k', ids: [first.id, second.id]},
      {uid: 'Lk2aQ1bW2cE3dR4fT5gY6hU7jI8k', ids: [first.id]},
    ];
    const [thread] = threadsFromBackup('backup.json', JSON.stringify(v2));
    assert.equal(thread.comments[0].likeCount, 2);
    assert.deepEqual(Object.fromEntries(thread.likes), {
      Lk1aQ1bW2cE3dR4fT5gY6hU7jI8k: [first.id, second.id],
      Lk2aQ1bW2cE3dR4fT5gY6hU7jI8k: [first.id],
    });

    const broken = (change) => {
      const copy = structuredClone(v2);
      change(copy.threads[0]);
      return () => threadsFromBackup('backup.json', JSON.stringify(copy));
    };
    assert.throws(
      broken((t) => (t.comments[1].likeCount = -1)),
      /threads\[0\]\.comments\[1\] \(.+\): "likeCount" must be a whole number, 0 or more/,
    );
    assert.throws(
      broken((t) => (t.comments[0].likeCount = '2')),
      /"likeCount" must be a whole number/,
    );
    assert.throws(
      broken((t) => t.likes[1].ids.push('nobody')),
      /threads\[0\]\.likes\[1\]: "nobody" is not a comment of this thread/,
    );
    assert.throws(
      broken((t) => (t.likes[1].uid = t.likes[0].uid)),
      /threads\[0\]\.likes\[1\]: Lk1aQ1bW2cE3dR4fT5gY6hU7jI8k appears twice/,
    );
    assert.throws(
      broken((t) => t.likes[0].ids.push(first.id)),
      /"ids" must be a list of comment ids, each once/,
    );
    assert.throws(
      () => threadsFromBackup('backup.json', JSON.stringify({...v2, version: 3})),
      /version 3 of the export format; this leave-a-reply reads versions 1 and 2/,
    );
  });
});

describe('upgrade', () => {
  test('is in the help, takes no file, and asks for a project when there is none', async () => {
    const help = await cli(['upgrade', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /npx leave-a-reply upgrade \[--dry-run\]/);
    assert.match(help.stdout, /likeCount: 0 on comments from\s+before likes, so sort="top" finds them/);
    assert.match(help.stdout, /rootId on replies from\s+before it, so pages find them/);
    const init = await cli(['--help']);
    assert.match(init.stdout, /npx leave-a-reply upgrade/);

    const extra = await cli(['upgrade', 'backup.json', '--project', 'demo-x']);
    assert.equal(extra.code, 2);
    assert.match(extra.stderr, /upgrade takes no file name \(got "backup\.json"\)/);

    const none = await cli(['upgrade', '--dry-run'], {
      GOOGLE_CLOUD_PROJECT: '',
      GCLOUD_PROJECT: '',
      XDG_CONFIG_HOME: scratch,
    });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no Firebase project: pass --project/);
  });
});

describe('the progress bar', () => {
  /** A terminal, or a file, as the bar sees stderr. */
  const stream = (isTTY) => {
    const writes = [];
    return {isTTY, writes, write: (text) => writes.push(text)};
  };

  test('on a terminal, fills as work is done, redrawn in place, and ends its line', async () => {
    const {progressBar} = await built('cli/progress.js');
    const terminal = stream(true);
    const bar = progressBar(2000, 'comments', terminal);
    const later = () => new Promise((resolve) => setTimeout(resolve, 150)); // redraws are a few a second
    await later();
    bar.advance(500);
    await later();
    bar.advance(1500);
    bar.done();
    const lines = terminal.writes.filter((w) => w.startsWith('\r'));
    assert.match(lines[0], /^\r░{30} 0 \/ 2,000 comments$/);
    assert.ok(
      lines.some((l) => /^\r█{8}░{22} 500 \/ 2,000 comments$/.test(l)),
      lines.join('|'),
    );
    assert.match(lines.at(-1), /^\r█{30} 2,000 \/ 2,000 comments$/);
    assert.equal(terminal.writes.at(-1), '\n');
  });

  test('writes nothing into a file or a pipe', async () => {
    const {progressBar} = await built('cli/progress.js');
    const file = stream(false);
    const bar = progressBar(10, 'comments', file);
    bar.advance(10);
    bar.done();
    assert.deepEqual(file.writes, []);
  });
});
