// `npx leave-a-reply upgrade` against the Firestore emulator, as a site owner runs it after
// installing a release with likes and pages by top-level comment (`node scripts/with-emulators.mjs
// "node --test test/e2e-emulators/upgrade.test.mjs"`): comments stored before likes (seeded with
// firebase-admin, without `likeCount`) get `likeCount: 0`, replies stored before `rootId` get their
// top-level comment's id, and nothing else changes; a dry run and a second run write nothing; and
// the built widget then lists them in Chromium (sort="top"; replies under theirs). Each test has a
// project of its own on the one emulator.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {launchChromium} from '../e2e/chromium.mjs';
import {serveStatic} from '../e2e/static-server.mjs';
import {cliIn, ownerDb} from './site-owner.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist/');
const FIRESTORE_HOST = process.env.FIRESTORE_EMULATOR_HOST;
const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST;
const skip = !FIRESTORE_HOST
  ? 'no Firestore emulator: run `node scripts/with-emulators.mjs "node --test test/e2e-emulators/upgrade.test.mjs"`'
  : !existsSync(join(dist, 'cli/cli/upgrade.js'))
    ? 'not built: run `npm run build` first'
    : false;
const scratch = mkdtempSync(join(tmpdir(), 'lar-upgrade-e2e-'));
const run = Date.now().toString(36);
const project = (name) => `demo-upgrade-${name}-${run}`;

const {ok} = cliIn(scratch);
const db = ownerDb;

const threadIdOf = async (url) => {
  const {normalizePageUrl, threadIdForUrl} = await import(`${root}dist/cli/src/model/page-identity.js`);
  return threadIdForUrl(normalizePageUrl(url));
};

/** A comment as the widget stored it before likes: every field of today's but likeCount. */
function oldComment(n, {parentId = null, rootId = null, status = 'published', name = `Reader ${n}`} = {}) {
  return {
    parentId,
    rootId,
    body: `Comment ${n}, from before likes.`,
    author: {uid: `Rd0aQ1bW2cE3dR4fT5gY6hU7j${String(n).padStart(3, '0')}`, name, provider: 'guest'},
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, n)),
    status,
  };
}

/** Writes a thread and its comments ({id: data}) as the owner, in batches. */
async function seedThread(firestore, url, title, comments) {
  const threadId = await threadIdOf(url);
  const entries = Object.entries(comments);
  const statuses = entries.map(([, c]) => c.status);
  await firestore.doc(`threads/${threadId}`).set({
    url,
    title,
    createdAt: new Date(Date.UTC(2024, 0, 1)),
    commentCount: statuses.filter((s) => s === 'published').length,
    pendingCount: statuses.filter((s) => s === 'pending').length,
    lastCommentId: entries[entries.length - 1][0],
  });
  for (let i = 0; i < entries.length; i += 400) {
    const batch = firestore.batch();
    for (const [id, data] of entries.slice(i, i + 400))
      batch.set(firestore.doc(`threads/${threadId}/comments/${id}`), data);
    await batch.commit();
  }
  return threadId;
}

/** Every document under `collection` groups named "comments": path → {data, updateTime}. */
async function everyComment(firestore) {
  const docs = new Map();
  for (const doc of (await firestore.collectionGroup('comments').get()).docs) {
    docs.set(doc.ref.path, {data: doc.data(), updateTime: doc.updateTime.toMillis()});
  }
  return docs;
}

/** A page with the built widget on the thread of `url`, in project `id` on the emulators. */
const widgetPage = (id, url, title, attributes = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="/leave-a-reply.js"></script></head>
<body><leave-a-reply loading="eager" backend="firebase" api-key="demo-key" project-id="${id}"
  auth-domain="${id}.firebaseapp.com" auth-emulator="http://${AUTH_HOST}" firestore-emulator="${FIRESTORE_HOST}"
  providers="guest" page-url="${url}" page-title="${title}" ${attributes}></leave-a-reply>
</body></html>`;

describe('npx leave-a-reply upgrade against the Firestore emulator', {skip}, () => {
  test('gives each comment from before likes likeCount: 0 and changes nothing else; a dry run and a second run write nothing', async () => {
    const id = project('site');
    const firestore = await db(id);
    const herUrl = 'https://reel.example/upgrade/her';
    const her = await seedThread(firestore, herUrl, 'Her', {
      old1: oldComment(1),
      old2: oldComment(2, {parentId: 'old1', rootId: 'old1'}),
      old3: oldComment(3, {status: 'pending'}),
      liked: {...oldComment(4), likeCount: 3},
      fresh: {...oldComment(5), likeCount: 0},
    });
    // A long thread: more than one page and one batch of the command's.
    const long = {};
    for (let n = 1; n <= 1000; n++) long[`c${String(n).padStart(4, '0')}`] = oldComment(100 + (n % 500));
    const longId = await seedThread(firestore, 'https://reel.example/upgrade/long', 'Long', long);
    // Not a thread's comment (the owner's own data in the same database): not the command's business.
    await firestore.doc('archive/2019/comments/kept').set({body: 'Not a thread comment'});
    const seeded = await everyComment(firestore);
    const threadBefore = (await firestore.doc(`threads/${her}`).get()).data();

    const dry = await ok(['upgrade', '--dry-run', '--project', id]);
    assert.match(dry.stdout, /1,005 comments in 2 threads checked; 1,003 comments have no likeCount/);
    assert.match(dry.stdout, /would get likeCount: 0; 0 replies have no rootId .*\. Nothing was written\./);
    assert.match(dry.stdout, new RegExp(`${her}  ${herUrl}: 3 comments`));
    assert.match(dry.stdout, new RegExp(`${longId}  https://reel.example/upgrade/long: 1,000 comments`));
    assert.deepEqual(await everyComment(firestore), seeded, 'a dry run writes nothing');

    const first = await ok(['upgrade', '--project', id]);
    assert.match(first.stdout, /checked: 1,005 comments in 2 threads/);
    assert.match(first.stdout, /likeCount: 0 set on 1,003 comments \(in 2 threads\); already had one: 2/);
    const upgraded = await everyComment(firestore);
    assert.equal(upgraded.size, seeded.size, 'no comment added or removed');
    for (const [path, before] of seeded) {
      const now = upgraded.get(path);
      if (path.startsWith('archive/') || before.data.likeCount !== undefined) {
        assert.deepEqual(now, before, `${path} already had its count (or is no thread's): left alone`);
      } else {
        assert.deepEqual(now.data, {...before.data, likeCount: 0}, `${path}: likeCount 0 and nothing else`);
      }
    }
    assert.equal(upgraded.get(`threads/${her}/comments/liked`).data.likeCount, 3, 'a count is never reset');
    assert.deepEqual((await firestore.doc(`threads/${her}`).get()).data(), threadBefore, 'the thread is untouched');

    const second = await ok(['upgrade', '--project', id]);
    assert.match(second.stdout, /likeCount: 0 set on 0 comments; already had one: 1,005/);
    assert.match(second.stdout, /Nothing needed upgrading\./);
    assert.deepEqual(await everyComment(firestore), upgraded, 'a second run writes nothing');
  });

  test("a reader's like that lands between the read and the write is kept, and the rest still upgraded", async () => {
    const id = project('race');
    const firestore = await db(id);
    const {rootId: _none, ...reply} = oldComment(4, {parentId: 'a'});
    const threadId = await seedThread(firestore, 'https://reel.example/upgrade/race', 'Race', {
      a: oldComment(1),
      b: oldComment(2),
      c: oldComment(3),
      d: reply,
    });
    const {upgradeComments} = await import(`${root}dist/cli/cli/upgrade.js`);
    const {FieldValue} = await import('firebase-admin/firestore');
    // The database as the command sees it, except that just before its first batch commits, a
    // reader likes comment b (as the widget does: the count goes up by one from nothing).
    let liked = false;
    const racing = new Proxy(firestore, {
      get(target, name) {
        if (name === 'batch') {
          return () => {
            const batch = target.batch();
            const commit = batch.commit.bind(batch);
            batch.commit = async () => {
              if (!liked) {
                liked = true;
                await target.doc(`threads/${threadId}/comments/b`).update({likeCount: FieldValue.increment(1)});
              }
              return commit();
            };
            return batch;
          };
        }
        const value = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const result = await upgradeComments(racing, {dryRun: false});
    assert.ok(liked, 'the like landed mid-run');
    assert.equal(result.likeCount.set, 3);
    assert.equal(result.rootId.set, 1, "the reply's rootId goes in with the batch tried again");
    const docs = (await firestore.collection(`threads/${threadId}/comments`).get()).docs;
    assert.deepEqual(Object.fromEntries(docs.map((d) => [d.id, d.get('likeCount')])), {a: 0, b: 1, c: 0, d: 0});
    assert.equal(docs.find((d) => d.id === 'd').get('rootId'), 'a');
  });

  test('gives each reply from before rootId its top-level comment, at any depth and across pages; leaves broken chains and changes nothing else', async () => {
    const id = project('roots');
    const firestore = await db(id);
    // Stored before rootId: replies without the field; top-level comments without it too.
    const before = (n, parentId = null) => {
      const {rootId: _none, ...comment} = oldComment(n, {parentId});
      return {...comment, likeCount: 0};
    };
    const threadId = await seedThread(firestore, 'https://reel.example/upgrade/roots', 'Roots', {
      top: before(1),
      r1: before(2, 'top'),
      r2: before(3, 'r1'),
      r3: before(4, 'r2'),
      // Posted under r1 on the new release before the upgrade: the rules took r1's id for its root.
      underR1: {...before(5, 'r1'), rootId: 'r1'},
      other: before(6),
      o1: before(7, 'other'),
      named: {...before(8, 'other'), rootId: 'other'},
      orphan: before(9, 'gone'),
      orphanChild: before(10, 'orphan'),
      loopA: before(11, 'loopB'),
      loopB: before(12, 'loopA'),
    });
    // A thread longer than the command's page of 450: its first comment's reply is read two pages
    // later. Document names order the pages: "a…" first, "z…" last.
    const long = {aTop: before(1), zReply: before(2, 'aTop')};
    for (let n = 0; n < 500; n++) long[`m${String(n).padStart(3, '0')}`] = before(3 + (n % 50));
    const second = await seedThread(firestore, 'https://reel.example/upgrade/roots-long', 'Roots, long', long);
    // A collection named "comments" under a comment sorts inside the thread's run: not a thread comment.
    await firestore.doc(`threads/${second}/comments/aTop/comments/x`).set({parentId: 'nowhere', body: 'not ours'});
    const seeded = await everyComment(firestore);

    // An export made before the upgrade already names each reply's top-level comment.
    const file = join(scratch, 'roots.json');
    await ok(['export', '--project', id, '--output', file]);
    const exported = JSON.parse(readFileSync(file, 'utf8')).threads.find((t) => t.id === threadId);
    const exportedRoots = Object.fromEntries(exported.comments.map((c) => [c.id, c.rootId]));
    assert.deepEqual(
      ['r1', 'r2', 'r3', 'underR1', 'o1'].map((c) => exportedRoots[c]),
      ['top', 'top', 'top', 'top', 'other'],
    );

    const dry = await ok(['upgrade', '--dry-run', '--project', id]);
    assert.match(
      dry.stdout,
      /514 comments in 2 threads checked; 0 comments have no likeCount and would get likeCount: 0; 6 replies have no rootId \(or name a reply\) and would get their top-level comment's id/,
    );
    assert.match(
      dry.stdout,
      /4 replies without rootId have a chain of parents that is broken \(a parent document is gone\) or loops: left as they are/,
    );
    assert.match(
      dry.stdout,
      new RegExp(
        `${threadId}  https://reel.example/upgrade/roots: 5 replies to get a rootId, 4 replies with a broken chain \\(loopA, loopB, orphan, orphanChild\\)`,
      ),
    );
    assert.match(dry.stdout, new RegExp(`${second}  https://reel.example/upgrade/roots-long: 1 reply to get a rootId`));
    assert.deepEqual(await everyComment(firestore), seeded, 'a dry run writes nothing');

    const run = await ok(['upgrade', '--project', id]);
    assert.match(run.stdout, /rootId set on 6 replies \(in 2 threads\)/);
    const upgraded = await everyComment(firestore);
    const wanted = {r1: 'top', r2: 'top', r3: 'top', underR1: 'top', o1: 'other', zReply: 'aTop'};
    for (const [path, {data}] of seeded) {
      const name = path.split('/').at(-1);
      const now = upgraded.get(path);
      if (wanted[name]) assert.deepEqual(now.data, {...data, rootId: wanted[name]}, `${path}: rootId and nothing else`);
      else assert.deepEqual(now, seeded.get(path), `${path} left as it was`);
    }

    const again = await ok(['upgrade', '--project', id]);
    assert.match(again.stdout, /rootId set on 0 replies/);
    assert.match(again.stdout, /Nothing else could be upgraded\./);
    assert.deepEqual(await everyComment(firestore), upgraded, 'a second run writes nothing');
  });

  test('an empty project: nothing to do', async () => {
    const result = await ok(['upgrade', '--project', project('empty')]);
    assert.match(result.stdout, /checked: 0 comments in 0 threads/);
    assert.match(result.stdout, /Nothing needed upgrading\./);
  });
});

describe('sort="top" finds upgraded comments', {skip: skip || (!AUTH_HOST && 'no Auth emulator')}, () => {
  const id = project('widget');
  const url = 'https://reel.example/upgrade/top';
  let server;
  let browser;

  before(async () => {
    if (skip || !AUTH_HOST) return;
    await seedThread(await db(id), url, 'Top', {
      older: oldComment(1, {name: 'Oldest reader'}),
      reply: oldComment(2, {parentId: 'older', rootId: 'older', name: 'Replier'}),
      newer: oldComment(3, {name: 'Newer reader'}),
      liked: {...oldComment(4, {name: 'Liked reader'}), likeCount: 2},
    });
    server = await serveStatic(dist, {
      '/top/': widgetPage(id, url, 'Top', 'sort="top"'),
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('after the upgrade, the most liked first, then the oldest, replies under theirs', async () => {
    await ok(['upgrade', '--project', id]);
    const tab = await browser.newPage();
    try {
      await tab.goto(`${server.url}/top/`);
      await tab.getByText('4 thoughts on “Top”').waitFor({timeout: 60_000});
      await tab.locator('#comment-older #comment-reply').waitFor({timeout: 60_000});
      const order = await tab.locator('li.comment[data-depth="1"]').evaluateAll((items) => items.map((li) => li.id));
      assert.deepEqual(order, ['comment-liked', 'comment-older', 'comment-newer']);
    } finally {
      await tab.close();
    }
  });
});

describe(
  'pages find replies from before rootId once upgraded',
  {skip: skip || (!AUTH_HOST && 'no Auth emulator')},
  () => {
    const id = project('replies');
    const url = 'https://reel.example/upgrade/replies';
    let server;
    let browser;

    before(async () => {
      if (skip || !AUTH_HOST) return;
      const stored = (n, options) => {
        const {rootId: _none, ...comment} = oldComment(n, options);
        return {...comment, likeCount: 0};
      };
      // More comments than a page holds, so the thread is read a page of top-level comments at a time,
      // then their replies by rootId (a smaller thread comes in one query, replies and all).
      const tops = {};
      for (let n = 4; n < 24; n++) tops[`top${n}`] = stored(n);
      await seedThread(await db(id), url, 'Replies', {
        first: stored(1, {name: 'First reader'}),
        answer: stored(2, {parentId: 'first', name: 'Answering reader'}),
        deeper: stored(3, {parentId: 'answer', name: 'Deeper reader'}),
        ...tops,
      });
      server = await serveStatic(dist, {
        '/replies/': widgetPage(id, url, 'Replies'),
      });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('before the upgrade the thread shows its top-level comment alone; after it, the replies under it', async () => {
      const tab = await browser.newPage();
      try {
        await tab.goto(`${server.url}/replies/`);
        await tab.locator('#comment-first').waitFor({timeout: 60_000});
        assert.equal(await tab.locator('#comment-answer').count(), 0, 'a reply without rootId is in no page');

        await ok(['upgrade', '--project', id]);
        await tab.reload();
        await tab.locator('#comment-first #comment-answer #comment-deeper').waitFor({timeout: 60_000});
        await tab.getByText('23 thoughts on “Replies”').waitFor();
      } finally {
        await tab.close();
      }
    });
  },
);
