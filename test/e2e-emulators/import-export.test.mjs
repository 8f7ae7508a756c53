// The site owner's command line against the Firestore emulator (`npm run test:emulators`, or
// `node scripts/with-emulators.mjs "node --test test/e2e-emulators/import-export.test.mjs"`):
// `npx leave-a-reply import wordpress|disqus|json` and `export`, run as a site owner runs them,
// then the stored threads read back as the owner (firebase-admin, past the rules), and the built
// widget (dist/) showing an imported thread in Chromium, in its default order and in sort="top"
// (by likes, which an export carries to the project it is restored into). Each test uses a project
// of its own on the one emulator, so nothing one writes is seen by another.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {launchChromium} from '../e2e/chromium.mjs';
import {serveStatic} from '../e2e/static-server.mjs';
import {unsignedCustomToken} from '../e2e/custom-token.mjs';
import {cliIn, ownerDb} from './site-owner.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist/');
const FIRESTORE_HOST = process.env.FIRESTORE_EMULATOR_HOST;
const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST;
const skip = !FIRESTORE_HOST
  ? 'no Firestore emulator: run `node scripts/with-emulators.mjs "node --test test/e2e-emulators/"`'
  : !existsSync(join(dist, 'cli/cli/main.js'))
    ? 'not built: run `npm run build` first'
    : false;
const WXR = join(root, 'test/fixtures/cli/wordpress-export.xml');
const DISQUS = join(root, 'test/fixtures/cli/disqus-export.xml');
const scratch = mkdtempSync(join(tmpdir(), 'lar-import-e2e-'));
const run = Date.now().toString(36);
const project = (name) => `demo-${name}-${run}`;

const {cli, ok} = cliIn(scratch);
const db = ownerDb;

/** Every thread of a project with its comments: {id → {data, comments: {id → data}}}. */
async function stored(projectId) {
  const firestore = await db(projectId);
  const threads = {};
  for (const thread of (await firestore.collection('threads').get()).docs) {
    const comments = {};
    for (const c of (await thread.ref.collection('comments').get()).docs) comments[c.id] = c.data();
    threads[thread.id] = {data: thread.data(), comments};
  }
  return threads;
}

/**
 * What readers do on a live site, in one commit: a reply and a new thread, a like, and a changed
 * email. Returns when it was committed.
 */
async function readersMeanwhile(firestore, herId) {
  const {FieldValue} = await import('firebase-admin/firestore');
  const reader = {uid: 'Rd1aQ1bW2cE3dR4fT5gY6hU7jI8k', name: 'Noor', provider: 'guest'};
  const comment = (parentId, body) => ({
    parentId,
    rootId: parentId,
    body,
    author: reader,
    createdAt: new Date(),
    status: 'published',
    likeCount: 0,
  });
  const batch = firestore.batch();
  batch.set(firestore.doc(`threads/${herId}/comments/lzz0000001AbCdEfGhIjK`), comment('wp-101', 'Posted mid-export.'));
  batch.update(firestore.doc(`threads/${herId}`), {commentCount: FieldValue.increment(1)});
  batch.update(firestore.doc(`threads/${herId}/comments/wp-101`), {likeCount: 1});
  batch.set(firestore.doc(`threads/${herId}/likes/${reader.uid}`), {ids: ['wp-101'], changed: 'wp-101'});
  batch.set(firestore.doc('threads/posted-mid-export'), {
    url: 'https://reel.example/new',
    title: 'New',
    createdAt: new Date(),
    commentCount: 1,
  });
  batch.set(firestore.doc('threads/posted-mid-export/comments/lzz0000002AbCdEfGhIjK'), comment(null, 'First!'));
  const maya = (await firestore.doc(`threads/${herId}/comments/wp-101`).get()).get('author.uid');
  batch.set(firestore.doc(`users/${maya}/private/profile`), {email: 'maya.new@example.org'});
  const [{writeTime}] = await batch.commit();
  return writeTime.toDate();
}

const threadIdOf = async (url) => {
  const {normalizePageUrl, threadIdForUrl} = await import(`${root}dist/cli/src/model/page-identity.js`);
  return threadIdForUrl(normalizePageUrl(url));
};

describe('import and export against the Firestore emulator', {skip}, () => {
  test('a WordPress export: threads, counts, statuses, nesting and private emails; a second run adds nothing', async () => {
    const id = project('wp');
    const first = await ok(['import', 'wordpress', WXR, '--project', id]);
    assert.match(first.stdout, /threads: 2 \(2 new\)/);
    assert.match(first.stdout, /comments written: 7 \(/);
    const threads = await stored(id);
    const her = threads[await threadIdOf('https://old.reel.example/2014/01/film-review-for-her/')];
    assert.ok(her, 'the thread the widget computes for the post');
    assert.equal(her.data.url, 'https://old.reel.example/2014/01/film-review-for-her');
    assert.equal(her.data.title, 'Film Review for Her');
    assert.equal(her.data.commentCount, 4, 'published: 101, 102, 103, 108');
    assert.equal(her.data.pendingCount, 1, 'waiting: 104');
    assert.deepEqual(Object.keys(her.comments).sort(), ['wp-101', 'wp-102', 'wp-103', 'wp-104', 'wp-107', 'wp-108']);
    assert.equal(her.comments['wp-103'].parentId, 'wp-102');
    assert.equal(her.comments['wp-103'].rootId, 'wp-101');
    assert.equal(her.comments['wp-101'].rootId, null, 'top-level comments name no root, as the widget writes them');
    assert.equal(her.comments['wp-107'].status, 'deleted');
    assert.equal(her.comments['wp-101'].createdAt.toDate().toISOString(), '2014-01-11T10:00:00.000Z');
    assert.ok(!JSON.stringify(her.comments).includes('@'), 'no email in a public document');
    const maya = her.comments['wp-101'].author.uid;
    const profile = await (await db(id)).doc(`users/${maya}/private/profile`).get();
    assert.equal(profile.get('email'), 'maya@example.org');
    const arrival = threads[await threadIdOf('https://old.reel.example/2016/11/arrival/')];
    assert.equal(arrival.data.locked, true);
    // Born without likes, as the widget's own comments are (the rules ask that of them), so
    // sort="top", which queries by the count, finds them.
    for (const [key, comment] of Object.entries({...her.comments, ...arrival.comments})) {
      assert.equal(comment.likeCount, 0, key);
    }

    const second = await ok(['import', 'wordpress', WXR, '--project', id]);
    assert.match(second.stdout, /comments written: 0 \(none\); already there, left as they are: 7/);
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(await stored(id)).map(([k, t]) => [
          k,
          [t.data.commentCount, t.data.pendingCount, Object.keys(t.comments).length],
        ]),
      ),
      Object.fromEntries(
        Object.entries(threads).map(([k, t]) => [
          k,
          [t.data.commentCount, t.data.pendingCount, Object.keys(t.comments).length],
        ]),
      ),
    );
  });

  test('comments already in a thread stay, and count with the imported ones', async () => {
    const id = project('mix');
    const firestore = await db(id);
    const threadId = await threadIdOf('https://old.reel.example/2014/01/film-review-for-her/');
    // What a reader's post through the widget left there before the import.
    await firestore.doc(`threads/${threadId}`).set({
      url: 'https://old.reel.example/2014/01/film-review-for-her',
      title: 'Film Review for Her (new title)',
      createdAt: new Date('2024-05-01T00:00:00Z'),
      commentCount: 1,
      lastCommentId: 'lzz0000000AbCdEfGhIjK',
    });
    await firestore.doc(`threads/${threadId}/comments/lzz0000000AbCdEfGhIjK`).set({
      parentId: null,
      rootId: null,
      body: 'Posted with the new widget.',
      author: {uid: 'Rd0aQ1bW2cE3dR4fT5gY6hU7jI8k', name: 'Noor', provider: 'guest'},
      createdAt: new Date('2024-05-01T00:00:00Z'),
      status: 'published',
    });
    await ok(['import', 'wordpress', WXR, '--project', id]);
    const {data, comments} = (await stored(id))[threadId];
    assert.equal(data.commentCount, 5);
    assert.equal(data.pendingCount, 1);
    assert.equal(data.title, 'Film Review for Her (new title)', "the thread's own title is kept");
    assert.equal(comments.lzz0000000AbCdEfGhIjK.body, 'Posted with the new widget.');
  });

  test('a Disqus export: one thread per page, deleted posts as placeholders, closed threads locked', async () => {
    const id = project('disqus');
    const result = await ok(['import', 'disqus', DISQUS, '--project', id]);
    assert.match(result.stdout, /left out: deleted 1, spam 1/);
    const threads = await stored(id);
    const her = threads[await threadIdOf('https://reel.example/reviews/her/')];
    assert.equal(her.data.commentCount, 4);
    assert.deepEqual(Object.keys(her.comments).sort(), ['dq-7001', 'dq-7002', 'dq-7003', 'dq-7004', 'dq-7005']);
    assert.equal(her.comments['dq-7004'].status, 'deleted');
    assert.equal(her.comments['dq-7005'].parentId, 'dq-7004');
    assert.equal(threads[await threadIdOf('https://reel.example/reviews/arrival/')].data.locked, true);
    for (const [key, comment] of Object.entries(her.comments)) assert.equal(comment.likeCount, 0, key);
  });

  test('export, then import json into an empty project, then export again: the same file', async () => {
    const from = project('export-from');
    const to = project('export-to');
    await ok(['import', 'wordpress', WXR, '--project', from, '--include-spam', '--include-pingbacks']);
    // A version 1 file (from before likes) still restores; its comments have no likes.
    await ok(['import', 'json', join(root, 'test/fixtures/cli/backup.json'), '--project', from]);
    // Readers' likes, as the widget stores them: each comment's count, and each reader's document
    // naming what they like in the thread.
    const source = await db(from);
    const herId = await threadIdOf('https://old.reel.example/2014/01/film-review-for-her/');
    const liked = {
      'review-past-lives': {'0lizqf1c0AbCdEfGhIjKlMn': 2},
      [herId]: {'wp-101': 2, 'wp-103': 1},
    };
    const likers = {
      'review-past-lives': {
        Lk1aQ1bW2cE3dR4fT5gY6hU7jI8k: ['0lizqf1c0AbCdEfGhIjKlMn'],
        Lk2aQ1bW2cE3dR4fT5gY6hU7jI8k: ['0lizqf1c0AbCdEfGhIjKlMn'],
      },
      [herId]: {
        Lk1aQ1bW2cE3dR4fT5gY6hU7jI8k: ['wp-101', 'wp-103'],
        Lk2aQ1bW2cE3dR4fT5gY6hU7jI8k: ['wp-101'],
      },
    };
    for (const [threadId, counts] of Object.entries(liked)) {
      for (const [commentId, likeCount] of Object.entries(counts)) {
        await source.doc(`threads/${threadId}/comments/${commentId}`).update({likeCount});
      }
    }
    for (const [threadId, readers] of Object.entries(likers)) {
      for (const [uid, ids] of Object.entries(readers)) {
        await source.doc(`threads/${threadId}/likes/${uid}`).set({ids, changed: ids[ids.length - 1]});
      }
    }
    const firstFile = join(scratch, 'first.json');
    const exported = await ok(['export', '--project', from, '--include-emails', '--output', firstFile]);
    const first = JSON.parse(readFileSync(firstFile, 'utf8'));
    const inFile = first.threads.reduce((sum, t) => sum + t.comments.length, 0);
    assert.match(exported.stderr, new RegExp(`Exported 3 threads, ${inFile} comments from project ${from} to `));
    assert.equal(first.format, 'leave-a-reply-backup');
    assert.equal(first.version, 2);
    assert.equal(first.threads.length, 3);
    const restoredThread = first.threads.find((t) => t.id === 'review-past-lives');
    assert.equal(restoredThread.comments[0].pinned, true);
    assert.equal(restoredThread.comments[0].editedAt, '2023-06-03T20:14:00.000Z');
    assert.equal(restoredThread.comments[1].email, 'arthur@example.com');
    assert.equal(restoredThread.comments[0].likeCount, 2);
    assert.equal(restoredThread.comments[1].likeCount, 0);
    const herExported = first.threads.find((t) => t.id === herId);
    assert.deepEqual(
      Object.fromEntries(herExported.comments.filter((c) => c.likeCount).map((c) => [c.id, c.likeCount])),
      liked[herId],
    );
    assert.deepEqual(herExported.likes, [
      {uid: 'Lk1aQ1bW2cE3dR4fT5gY6hU7jI8k', ids: ['wp-101', 'wp-103']},
      {uid: 'Lk2aQ1bW2cE3dR4fT5gY6hU7jI8k', ids: ['wp-101']},
    ]);

    await ok(['import', 'json', firstFile, '--project', to]);
    const second = await ok(['export', '--project', to, '--include-emails']);
    const again = JSON.parse(second.stdout);
    const comparable = ({threads}) => threads;
    assert.deepEqual(comparable(again), comparable(first));
    // Counts are the comments' own, so they come across too.
    const counts = async (p) =>
      Object.fromEntries(
        Object.entries(await stored(p)).map(([k, t]) => [
          k,
          [t.data.commentCount, t.data.pendingCount ?? 0, t.data.locked ?? false],
        ]),
      );
    assert.deepEqual(await counts(to), await counts(from));
    // Each reader's likes come across too, so a restored like is still theirs (to take back, not
    // to give twice).
    const likesOf = async (p) => {
      const all = {};
      for (const doc of (await (await db(p)).collectionGroup('likes').get()).docs) all[doc.ref.path] = doc.data().ids;
      return all;
    };
    assert.equal(Object.keys(await likesOf(to)).length, 4);
    assert.deepEqual(await likesOf(to), await likesOf(from));
    const likeCounts = async (p) =>
      Object.fromEntries(
        Object.entries(await stored(p)).flatMap(([k, t]) =>
          Object.entries(t.comments).map(([c, data]) => [`${k}/${c}`, data.likeCount]),
        ),
      );
    assert.deepEqual(await likeCounts(to), await likeCounts(from));
    // Running it again adds nothing, likes included.
    const again2 = await ok(['import', 'json', firstFile, '--project', to]);
    assert.match(again2.stdout, /comments written: 0 \(none\)/);
    assert.doesNotMatch(again2.stdout, /likes written/);
    assert.deepEqual(await likesOf(to), await likesOf(from));

    const withoutEmails = JSON.parse((await ok(['export', '--project', to])).stdout);
    assert.ok(!JSON.stringify(withoutEmails).includes('@example.'), 'emails only with --include-emails');
  });

  test('an export is one snapshot: what readers post, like or change while it reads is not in it', async () => {
    const id = project('snapshot');
    await ok(['import', 'wordpress', WXR, '--project', id]);
    const firestore = await db(id);
    const {readSite} = await import(`${root}dist/cli/cli/site-database.js`);
    const herId = await threadIdOf('https://old.reel.example/2014/01/film-review-for-her/');
    const atStart = await readSite(firestore, {includeEmails: true});
    // Readers carry on while the export runs: here, after it has taken its moment and before it
    // reads the threads (the reads all go through the Admin SDK's runTransaction).
    let changedAt;
    const busy = new Proxy(firestore, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        if (key !== 'runTransaction') return value.bind(target);
        return async (...args) => {
          changedAt = await readersMeanwhile(target, herId);
          return value.apply(target, args);
        };
      },
    });
    const during = await readSite(busy, {includeEmails: true});
    assert.ok(changedAt, 'the readers changed the site during the export');
    assert.deepEqual(during.threads, atStart.threads, 'the site as it stood when the export began');
    assert.ok(during.readAt < changedAt, 'exportedAt is the moment shown, before the changes');
    const next = await readSite(firestore, {includeEmails: true});
    assert.equal(next.threads.length, atStart.threads.length + 1, 'the next export has the new thread');
    const her = next.threads.find((t) => t.id === herId);
    assert.ok(
      her.comments.some((c) => c.id === 'lzz0000001AbCdEfGhIjK'),
      'and the new comment',
    );
    assert.equal(her.comments.find((c) => c.id === 'wp-101').likeCount, 1, 'and the like');
    assert.equal(her.comments.find((c) => c.id === 'wp-101').email, 'maya.new@example.org', 'and the new email');
  });

  test('a thread too big for one transaction goes in batches; re-running adds nothing', async () => {
    const id = project('big');
    const comments = Array.from(
      {length: 1200},
      (
        _,
        i,
      ) => `<wp:comment><wp:comment_id>${i + 1}</wp:comment_id><wp:comment_author>Reader ${i % 40}</wp:comment_author>
        <wp:comment_date_gmt>2020-01-01 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00</wp:comment_date_gmt>
        <wp:comment_content>Comment number ${i + 1}</wp:comment_content><wp:comment_approved>${i % 10 ? 1 : 0}</wp:comment_approved>
        <wp:comment_parent>${i % 3 ? i : 0}</wp:comment_parent></wp:comment>`,
    ).join('\n');
    const file = join(scratch, 'big.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>Long thread</title>` +
        `<link>https://big.example/long</link>${comments}</item></channel></rss>`,
    );
    await ok(['import', 'wordpress', file, '--project', id]);
    await ok(['import', 'wordpress', file, '--project', id]);
    const [thread] = Object.values(await stored(id));
    assert.equal(Object.keys(thread.comments).length, 1200);
    assert.equal(thread.data.commentCount, 1080);
    assert.equal(thread.data.pendingCount, 120);
  });

  test('a thread that cannot be written is not written at all; the others are', async () => {
    const id = project('whole');
    // Firestore refuses a document over 1 MiB: this thread's last comment is one.
    const huge = 'x'.repeat(1_100_000);
    const small = (n, body = `Comment ${n}`) =>
      `<wp:comment><wp:comment_id>${n}</wp:comment_id><wp:comment_author>A</wp:comment_author><wp:comment_date_gmt>2020-01-01 00:00:${String(n % 60).padStart(2, '0')}</wp:comment_date_gmt><wp:comment_content>${body}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>`;
    const many = Array.from({length: 600}, (_, i) => small(1000 + i)).join('');
    const file = join(scratch, 'whole.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>` +
        `<item><title>Fine</title><link>https://whole.example/fine</link>${small(1)}</item>` +
        `<item><title>Short and broken</title><link>https://whole.example/short</link>${small(2)}${small(3, huge)}</item>` +
        `<item><title>Long and broken</title><link>https://whole.example/long</link>${many}${small(4, huge)}</item>` +
        `</channel></rss>`,
    );
    const result = await cli(['import', 'wordpress', file, '--project', id]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /2 threads were not written \(each whole or not at all; run the import again to retry them\)/,
    );
    const threads = await stored(id);
    assert.deepEqual(Object.keys(threads), [await threadIdOf('https://whole.example/fine')]);
    for (const url of ['https://whole.example/short', 'https://whole.example/long']) {
      const left = await (await db(id)).collection(`threads/${await threadIdOf(url)}/comments`).get();
      assert.equal(left.size, 0, `nothing of ${url} is left`);
    }
  });
});

/** Polls `read` until it returns `want` (deep-equal), for up to two minutes on a busy machine. */
async function eventually(read, want, message) {
  const until = Date.now() + 120_000;
  for (;;) {
    const got = await read();
    try {
      assert.deepEqual(got, want, message);
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

describe('the widget shows an imported thread', {skip: skip || (!AUTH_HOST && 'no Auth emulator')}, () => {
  const id = project('widget');
  // A reader who liked two comments on the old site.
  const LIKER = 'Lk1aQ1bW2cE3dR4fT5gY6hU7jI8k';
  let server;
  let browser;
  const page = (pageUrl, title, extra = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="/leave-a-reply.js"></script></head>
<body><article><h1>${title}</h1></article>
<leave-a-reply loading="eager" backend="firebase" api-key="demo-key" project-id="${id}"
  auth-domain="${id}.firebaseapp.com" auth-emulator="http://${AUTH_HOST}" firestore-emulator="${FIRESTORE_HOST}"
  providers="guest" page-url="${pageUrl}" page-title="${title}" ${extra}></leave-a-reply>
</body></html>`;

  before(async () => {
    if (skip || !AUTH_HOST) return;
    await ok([
      'import',
      'wordpress',
      WXR,
      '--project',
      id,
      '--map-url',
      'https://old.reel.example=https://reel.example',
    ]);
    await ok(['import', 'disqus', DISQUS, '--project', id]);
    // A thread restored from another project's export, with its readers' likes.
    const at = (day) => `2024-02-0${day}T10:00:00.000Z`;
    const reader = (n, name) => ({uid: `Rd${n}aQ1bW2cE3dR4fT5gY6hU7jI8k`, name, provider: 'guest'});
    const backup = join(scratch, 'restored.json');
    writeFileSync(
      backup,
      JSON.stringify({
        format: 'leave-a-reply-backup',
        version: 2,
        exportedAt: '2024-03-01T00:00:00.000Z',
        projectId: 'demo-old-site',
        threads: [
          {
            id: 'restored-top',
            url: 'https://reel.example/restored/',
            title: 'Restored',
            createdAt: at(1),
            comments: [
              {
                id: 'x',
                parentId: null,
                body: 'The first word.',
                author: reader(1, 'Xena'),
                createdAt: at(2),
                status: 'published',
                likeCount: 0,
              },
              {
                id: 'y',
                parentId: null,
                body: 'Liked once.',
                author: reader(2, 'Yuki'),
                createdAt: at(3),
                status: 'published',
                likeCount: 1,
              },
              {
                id: 'z',
                parentId: null,
                body: 'Liked most.',
                author: reader(3, 'Zoe'),
                createdAt: at(4),
                status: 'published',
                likeCount: 3,
              },
            ],
            likes: [
              {uid: LIKER, ids: ['y', 'z']},
              {uid: 'Lk2aQ1bW2cE3dR4fT5gY6hU7jI8k', ids: ['z']},
              {uid: 'Lk3aQ1bW2cE3dR4fT5gY6hU7jI8k', ids: ['z']},
            ],
          },
        ],
      }),
    );
    await ok(['import', 'json', backup, '--project', id]);
    server = await serveStatic(dist, {
      // A reader arriving from a feed: tracking parameters and a fragment name the same thread.
      '/her/': page(
        'https://reel.example/2014/01/film-review-for-her/?utm_source=feed#comments',
        'Film Review for Her',
      ),
      '/arrival/': page('https://reel.example/2016/11/arrival/', 'Arrival'),
      '/reviews/her/': page('https://reel.example/reviews/her/', 'Her, reviewed'),
      '/her/top/': page('https://reel.example/2014/01/film-review-for-her/', 'Film Review for Her', 'sort="top"'),
      '/restored/': page('https://reel.example/restored/', 'Restored', 'page-id="restored-top" sort="top"'),
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("its comments, nested, in the heading's count; waiting ones hidden from readers", async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(`${server.url}/her/`);
      await tab.getByText('4 thoughts on “Film Review for Her”').waitFor({timeout: 60_000});
      await tab.getByText('The score does half the acting & it never shows off.', {exact: false}).waitFor();
      // Three levels: 103 answers 102, which answers 101.
      await tab.locator('#comment-wp-101 #comment-wp-102 #comment-wp-103').waitFor();
      // The reply to a trashed comment keeps its place under an empty placeholder.
      await tab.locator('#comment-wp-107.deleted #comment-wp-108').waitFor();
      assert.equal(
        await tab.getByText("is the director's cut any longer?", {exact: false}).count(),
        0,
        'pending: not for readers',
      );
      assert.equal(await tab.getByText('Cheap Pills').count(), 0, 'spam: not imported');
      // Links stay links, as every comment's do.
      const link = tab.locator('#comment-wp-101 a[href="https://en.wikipedia.org/wiki/Her_(film)"]');
      assert.equal(await link.getAttribute('rel'), 'nofollow ugc noopener');
    } finally {
      await tab.close();
    }
  });

  test('a Disqus thread: both of its Disqus threads in one, replies under their parents, the deleted post a placeholder', async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(`${server.url}/reviews/her/`);
      await tab.getByText('4 thoughts on “Her, reviewed”').waitFor({timeout: 60_000});
      await tab.locator('#comment-dq-7001 #comment-dq-7002').waitFor({timeout: 60_000});
      await tab.locator('#comment-dq-7003').waitFor();
      await tab.locator('#comment-dq-7004.deleted #comment-dq-7005').waitFor();
      await tab.getByText('Whatever it was, the answer is yes.').waitFor();
    } finally {
      await tab.close();
    }
  });

  test('sort="top" finds every imported comment (none liked yet: oldest first, as the default order)', async () => {
    const topLevel = async (path) => {
      const tab = await browser.newPage();
      try {
        await tab.goto(`${server.url}${path}`);
        await tab.getByText('4 thoughts on “Film Review for Her”').waitFor({timeout: 60_000});
        await tab.locator('#comment-wp-101 #comment-wp-102 #comment-wp-103').waitFor({timeout: 60_000});
        await tab.locator('#comment-wp-107.deleted #comment-wp-108').waitFor({timeout: 60_000});
        return await tab.locator('li.comment[data-depth="1"]').evaluateAll((items) => items.map((li) => li.id));
      } finally {
        await tab.close();
      }
    };
    const top = await topLevel('/her/top/');
    assert.ok(top.includes('comment-wp-101') && top.includes('comment-wp-107'), top.join(' '));
    assert.deepEqual(top, await topLevel('/her/'));
  });

  test('restored likes: sort="top" orders by them, and a reader\'s restored like is theirs to take back', async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(`${server.url}/restored/`);
      await tab.getByText('3 thoughts on “Restored”').waitFor({timeout: 60_000});
      await tab.locator('#comment-z .like-count').waitFor({timeout: 60_000});
      assert.deepEqual(
        await tab.locator('li.comment[data-depth="1"]').evaluateAll((items) => items.map((li) => li.id)),
        ['comment-z', 'comment-y', 'comment-x'],
      );
      assert.equal(await tab.locator('#comment-z .like-count').textContent(), '3');
      assert.equal(await tab.locator('#comment-y .like-count').textContent(), '1');
      assert.equal(await tab.locator('#comment-x .like-count').count(), 0, 'no count at 0');

      // The reader who liked y and z on the old site signs in: both show as theirs.
      await tab.evaluate(
        (token) => document.querySelector('leave-a-reply').signInWithCustomToken(token),
        unsignedCustomToken(LIKER),
      );
      await tab.locator('#comment-z button.like[aria-pressed="true"]').waitFor({timeout: 60_000});
      await tab.locator('#comment-y button.like[aria-pressed="true"]').waitFor({timeout: 60_000});
      assert.equal(await tab.locator('#comment-x button.like').getAttribute('aria-pressed'), 'false');
      // Pressing Like on z takes their like back (the rules accept it: their document names z).
      await tab.locator('#comment-z button.like').click();
      await tab.locator('#comment-z button.like[aria-pressed="false"]').waitFor({timeout: 60_000});
      const firestore = await db(id);
      await eventually(
        async () => [
          (await firestore.doc('threads/restored-top/comments/z').get()).get('likeCount'),
          (await firestore.doc(`threads/restored-top/likes/${LIKER}`).get()).get('ids'),
        ],
        [2, ['y']],
        'the unlike reached Firestore',
      );
      assert.equal(await tab.locator('#comment-z .like-count').textContent(), '2');
    } finally {
      await tab.close();
    }
  });

  test('a post whose comments WordPress had closed is closed', async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(`${server.url}/arrival/`);
      await tab.getByText('1 thought on “Arrival”').waitFor({timeout: 60_000});
      await tab.getByText('Comments are closed.').waitFor();
    } finally {
      await tab.close();
    }
  });
});
