#!/usr/bin/env node
// node scripts/rules-mutations.mjs [name…]     (needs FIRESTORE_EMULATOR_HOST: a running Firestore emulator)
//
// Checks that every condition in firestore.rules has a test that fails without it: removes or
// loosens one condition at a time (in a copy; firestore.rules is never touched), runs test/rules
// against that copy (LAR_RULES_FILE), and reports each mutation that no test noticed. Exits 1 when
// one survives, or when a mutation's text is no longer in the rules (update the list with them).
// About 10 s per mutation. Start an emulator first, e.g. the Cloud SDK's:
//   <sdk>/platform/cloud-firestore-emulator/cloud_firestore_emulator start --host=127.0.0.1 --port=8399
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rules = readFileSync(join(root, 'firestore.rules'), 'utf8');

/** [name, text in firestore.rules, what it becomes]: each removes or loosens one condition. */
const MUTATIONS = [
  ['author uid', '&& author.uid == request.auth.uid\n', '\n'],
  ['createdAt time', '&& data.createdAt == request.time\n        && statusAllowed(data)', '&& statusAllowed(data)'],
  ['bodyMax', '&& body.size() <= bodyMax()\n', '\n'],
  [
    'exact comment keys',
    "return hasExactly(data, ['parentId', 'rootId', 'body', 'author', 'createdAt', 'status', 'likeCount'])",
    "return data.keys().hasAll(['parentId', 'rootId', 'body', 'author', 'createdAt', 'status', 'likeCount'])",
  ],
  [
    'no review',
    "|| (data.status == 'published' && (isModerator() || !needsReview(data.body, data.author)));",
    "|| data.status == 'published';",
  ],
  ['mode all', "return mode == 'all'\n        ||", 'return false\n        ||'],
  ['first-time', "|| (mode == 'first-time' && !approvedAuthor())", '|| false'],
  ['link limit', "|| linkCount(body) > settings.get('linkLimit', defaultLinkLimit())", '|| false'],
  [
    'banned words',
    "|| hasBannedWord(body + '\\n' + author.name + '\\n' + author.get('url', ''), settings.get('bannedWords', []));",
    '|| false;',
  ],
  ['banned in website', " + '\\n' + author.get('url', ''), settings", ', settings'],
  ['plain format characters', "return text.replace('\\\\p{Cf}', '')", "return text.replace('NEVER', '')"],
  ['plain look-alike c', "        .replace('[сϲСϹ]', 'c')\n", ''],
  ['plain Greek capital N', "        .replace('[Ν]', 'n')\n", ''],
  [
    'banned unquoted',
    "'(?s).*(\\\\Q' + plainText(words.join('\\n')).split('\\n').join('\\\\E|\\\\Q') + '\\\\E).*'",
    "'(?s).*(' + plainText(words.join('\\n')).split('\\n').join('|') + ').*'",
  ],
  [
    'moderator skips review',
    '(isModerator() || !needsReview(data.body, data.author))',
    '!needsReview(data.body, data.author)',
  ],
  ['post stamp time', 'return getAfter(path).data.get(field, null) == request.time\n', 'return true\n'],
  ['stamp interval', "&& (!(field in before) || request.time >= before[field] + duration.value(seconds, 's'));", ';'],
  ['post stamped', '&& postStamped();', ';'],
  ['edit stamped', '&& withinEditWindow()\n        && editStamped()', '&& withinEditWindow()'],
  [
    'posters who',
    'allow create, update: if signedIn() && request.auth.uid == uid\n        && request.resource.data.keys()',
    'allow create, update: if signedIn()\n        && request.resource.data.keys()',
  ],
  ['posters keys', "&& request.resource.data.keys().hasOnly(['postedAt', 'editedAt'])\n", '\n'],
  ['posters now', '&& stampsNow();', ';'],
  [
    'stamp postedAt now',
    "&& (!changed.hasAny(['postedAt']) || request.resource.data.postedAt == request.time)\n",
    '\n',
  ],
  ['stamp editedAt now', "&& (!changed.hasAny(['editedAt']) || request.resource.data.editedAt == request.time);", ';'],
  [
    'posters read',
    'match /posters/{uid} {\n      allow get: if signedIn() && request.auth.uid == uid;',
    'match /posters/{uid} {\n      allow get, list: if true;',
  ],
  ['posters delete', 'match /posters/{uid} {\n', 'match /posters/{uid} {\n      allow delete: if signedIn();\n'],
  ['name bidi', '&& visible(author.name) && noBidiControls(author.name)', '&& visible(author.name)'],
  ['name visible', '&& visible(author.name) && noBidiControls(author.name)', '&& noBidiControls(author.name)'],
  ['url bidi', '(isHttpUrl(author.url) && noBidiControls(author.url))', 'isHttpUrl(author.url)'],
  ['body bidi', '&& noBidiControls(body)\n', '\n'],
  ['body visible', '&& visible(body)\n', '\n'],
  ['known avatar', '&& knownAvatar(author)\n', '\n'],
  ['gravatar setting', "&& site().get('gravatar', defaultGravatar()) == true\n", '\n'],
  [
    'gravatar pattern',
    "author.avatarUrl.matches('https://gravatar[.]com/avatar/[0-9a-f]{64}[?]s=96&d=identicon')",
    "author.avatarUrl.matches('https://.*')",
  ],
  [
    'provider photo hosts',
    "&& author.avatarUrl.matches('https://(lh[3-6]",
    "&& author.avatarUrl.matches('https://(.*|lh[3-6]",
  ],
  ['reply to published', "&& parent.status == 'published'\n", '\n'],
  [
    'reply root',
    "&& data.rootId == (parent.get('rootId', null) == null ? data.parentId : parent.rootId);",
    '&& data.rootId is string;',
  ],
  [
    'top-level root',
    '(data.parentId == null ? data.rootId == null : validReply(threadId, data))',
    '(data.parentId == null || validReply(threadId, data))',
  ],
  ['delete keeps no name', "&& data.author == {'uid': was.uid, 'name': '', 'provider': was.provider}\n", '\n'],
  [
    'delete author key',
    "&& changedKeys().hasOnly(['status', 'body', 'author'])\n        && data.status == 'deleted'",
    "&& data.status == 'deleted'",
  ],
  ['deleted public', "|| resource.data.status in ['published', 'deleted']", "|| resource.data.status == 'published'"],
  [
    'thread create keys',
    "hasOnly(['url', 'title', 'createdAt', 'commentCount', 'pendingCount', 'lastCommentId'])",
    "hasOnly(['url', 'title', 'createdAt', 'commentCount', 'pendingCount', 'lastCommentId', 'posters'])",
  ],
  [
    'reader rewrites title',
    "((changedKeys().hasOnly(['commentCount', 'pendingCount', 'lastCommentId', 'changedAt'])",
    "((changedKeys().hasOnly(['commentCount', 'pendingCount', 'lastCommentId', 'changedAt', 'url', 'title'])",
  ],
  ['locked', '&& notLocked(threadId)\n', '\n'],
  [
    'lastCommentId',
    "return after.lastCommentId == commentId\n        && after.get('commentCount'",
    "return after.get('commentCount'",
  ],
  [
    'commentCount delta',
    "&& after.get('commentCount', 0) == before.get('commentCount', 0) + published(now) - published(was)\n",
    '\n',
  ],
  [
    'pendingCount delta',
    "&& after.get('pendingCount', 0) == before.get('pendingCount', 0) + pending(now) - pending(was);",
    ';',
  ],
  [
    'countsKept',
    'return (published(now) == published(was) && pending(now) == pending(was))\n        || countsFollow(threadId, commentId, was, now);',
    'return true;',
  ],
  [
    'edit window',
    'return request.time < resource.data.createdAt',
    "return request.time < resource.data.createdAt + duration.value(100000, 'm') ||  request.time < resource.data.createdAt",
  ],
  ['edit window unit', "defaultEditWindowMinutes()), 'm');", "defaultEditWindowMinutes()), 'h');"],
  ['editedAt time', '&& data.editedAt == request.time\n', '\n'],
  ['author status change', "&& (data.status == was || (was == 'published' && data.status == 'pending'))\n", '\n'],
  ['author isAuthor edit', 'return isAuthor()\n        && notBlocked()', 'return notBlocked()'],
  ['edit statusAllowed', '&& statusAllowed(data)\n        && countsKept', '&& countsKept'],
  ['edit validBody', '&& validBody(data.body)\n        && (data.status == was', '&& (data.status == was'],
  ['delete body', "&& data.status == 'deleted'\n        && data.body == ''", "&& data.status == 'deleted'"],
  [
    'delete who',
    "return (isAuthor() || isModerator())\n        && resource.data.status != 'deleted'",
    "return signedIn()\n        && resource.data.status != 'deleted'",
  ],
  [
    'undelete',
    "&& resource.data.status != 'deleted'\n        && changedKeys().hasOnly(['status', 'pinned'])",
    "&& changedKeys().hasOnly(['status', 'pinned'])",
  ],
  [
    'moderation who',
    "return isModerator()\n        && resource.data.status != 'deleted'\n        && changedKeys().hasOnly(['status', 'pinned'])",
    "return signedIn()\n        && resource.data.status != 'deleted'\n        && changedKeys().hasOnly(['status', 'pinned'])",
  ],
  [
    'moderation keys',
    "&& changedKeys().hasOnly(['status', 'pinned'])",
    "&& changedKeys().hasOnly(['status', 'pinned', 'body', 'author', 'createdAt'])",
  ],
  ['pinned bool', "&& data.get('pinned', false) is bool\n", '\n'],
  ['moderation statuses', "&& data.status in ['published', 'pending', 'hidden']\n", '\n'],
  [
    'read all',
    "allow read: if resource == null\n          || resource.data.status in ['published', 'deleted']\n",
    'allow read: if true\n',
  ],
  [
    'read missing',
    'allow read: if resource == null\n          || resource.data.status',
    'allow read: if resource.data.status',
  ],
  [
    'read no author',
    '|| (signedIn() && (resource.data.author.uid == request.auth.uid || isModerator()));',
    '|| (signedIn() && isModerator());',
  ],
  [
    'read no moderator',
    '|| (signedIn() && (resource.data.author.uid == request.auth.uid || isModerator()));',
    '|| (signedIn() && resource.data.author.uid == request.auth.uid);',
  ],
  [
    'users get',
    'allow get: if signedIn() && request.auth.uid == uid;\n\n      // A moderator',
    'allow get: if signedIn();\n\n      // A moderator',
  ],
  [
    'users self-approve',
    "allow update: if isModerator()\n        && changedKeys().hasOnly(['approved', 'blocked'])",
    "allow update: if signedIn()\n        && changedKeys().hasOnly(['approved', 'blocked'])",
  ],
  ['users update keys', "&& changedKeys().hasOnly(['approved', 'blocked'])\n        && userFlags", '&& userFlags'],
  [
    'users create extra',
    "allow create: if isModerator()\n        && request.resource.data.keys().hasOnly(['approved', 'blocked'])",
    'allow create: if isModerator()',
  ],
  [
    'users create who',
    'allow create: if isModerator()\n        && request.resource.data.keys().hasOnly',
    'allow create: if signedIn()\n        && request.resource.data.keys().hasOnly',
  ],
  ['approved bool', "return data.get('approved', false) is bool && data", 'return data'],
  ['blocked bool', "&& data.get('blocked', false) is bool;\n", ';\n'],
  ['blocked post', '&& notBlocked()\n          && validNewComment', '&& validNewComment'],
  ['blocked edit', '&& notBlocked()\n        && withinEditWindow()', '&& withinEditWindow()'],
  [
    'blocked flag',
    "|| get(userPath(request.auth.uid)).data.get('blocked', false) != true;",
    "|| get(userPath(request.auth.uid)).data.get('blocked', false) == 'never';",
  ],
  ['queue who', 'allow list: if isModerator();', 'allow list: if signedIn();'],
  ['queue rule', 'allow list: if isModerator();', 'allow list: if false;'],
  [
    'profile read',
    'allow read, delete: if signedIn() && request.auth.uid == uid;',
    'allow read, delete: if signedIn();',
  ],
  ['profile keys', "&& request.resource.data.keys().hasOnly(['email'])", ''],
  [
    'subscription read',
    'allow get, delete: if request.auth.uid == uid;',
    'allow get, delete: if request.auth != null;',
  ],
  [
    'subscription list',
    'match /subscriptions/{threadId}/subscribers/{uid} {\n',
    'match /subscriptions/{threadId}/subscribers/{uid} {\n      allow list: if request.auth != null;\n',
  ],
  [
    'subscription who',
    'allow create, update: if request.auth.uid == uid\n        && threadId',
    'allow create, update: if request.auth != null\n        && threadId',
  ],
  [
    'subscription thread id',
    "&& threadId.matches('[A-Za-z0-9._:~-]{1,200}')\n        && request.resource.data.keys().hasOnly(['email', 'createdAt', 'lang'])",
    "&& request.resource.data.keys().hasOnly(['email', 'createdAt', 'lang'])",
  ],
  ['subscription keys', "&& request.resource.data.keys().hasOnly(['email', 'createdAt', 'lang'])\n", '\n'],
  [
    'subscription email size',
    "&& request.resource.data.email.size() <= emailMax()\n        && request.resource.data.email.matches('[^@\\\\s]",
    "&& request.resource.data.email.matches('[^@\\\\s]",
  ],
  [
    'subscription email shape',
    "request.resource.data.email.matches('[^@\\\\s]+@[^@\\\\s]+[.][^@\\\\s]+')",
    "request.resource.data.email.matches('(?s).+')",
  ],
  [
    'subscription createdAt',
    '&& request.resource.data.createdAt == request.time\n        // The language',
    '\n        // The language',
  ],
  [
    'subscription lang',
    "&& request.resource.data.get('lang', 'en') in ['en', 'fr', 'de', 'es', 'ja', 'ar'];",
    '&& true;',
  ],
  [
    'subscription lang any string',
    "&& request.resource.data.get('lang', 'en') in ['en', 'fr', 'de', 'es', 'ja', 'ar'];",
    "&& request.resource.data.get('lang', 'en') is string;",
  ],
  [
    'config write',
    'match /config/site {\n      allow get: if true;',
    'match /config/site {\n      allow get, write: if true;',
  ],
  [
    'config read',
    'match /config/site {\n      allow get: if true;',
    'match /config/site {\n      allow get: if false;',
  ],
  [
    'lock by anyone',
    "|| (isModerator()\n             && changedKeys().hasOnly(['locked', 'url', 'title'])",
    "|| (signedIn()\n             && changedKeys().hasOnly(['locked', 'url', 'title'])",
  ],
  ['lock bool', "&& request.resource.data.get('locked', false) is bool)", ')'],
  [
    'moderator page',
    "&& changedKeys().hasOnly(['locked', 'url', 'title'])\n             && validPage(request.resource.data)",
    "&& changedKeys().hasOnly(['locked', 'url', 'title'])",
  ],
  ['lock create count', '&& request.resource.data.commentCount == 0\n', '\n'],
  [
    'lock create who',
    "|| (isModerator()\n             && hasExactly(request.resource.data, ['url', 'title', 'createdAt', 'commentCount', 'locked'])",
    "|| (signedIn()\n             && hasExactly(request.resource.data, ['url', 'title', 'createdAt', 'commentCount', 'locked'])",
  ],
  ['was != now', '&& (was != now || commentChanged(path))\n', '\n'],
  ['touch changes a comment', '|| commentChanged(path))', '|| true)'],
  [
    'changedAt time',
    "return !changedKeys().hasAny(['changedAt']) || request.resource.data.changedAt == request.time;",
    'return true;',
  ],
  ['provider', '&& providerMatches(author.provider);', ';'],
  ['linksMax', '&& linkCount(body) <= linksMax();', ';'],
  [
    'admins',
    'match /admins/{uid} {\n      allow get: if signedIn() && request.auth.uid == uid;',
    'match /admins/{uid} {\n      allow get: if signedIn();',
  ],
  ['thread create time', '&& request.resource.data.createdAt == request.time\n        && ((request', '&& ((request'],
  ['thread id', "&& threadId.matches('[A-Za-z0-9._:~-]{1,200}')\n", '\n'],
  // ---- Likes (test/rules/likes.rules.test.mjs) ----
  ['new comment born with likes', '&& data.likeCount == 0\n', '\n'],
  [
    'like touches the thread',
    "&& !getAfter(path).data.diff(get(path).data).affectedKeys().hasOnly(['likeCount']);",
    '&& getAfter(path).data.diff(get(path).data).affectedKeys().size() > 0;',
  ],
  [
    'like only the count',
    "return changedKeys().hasOnly(['likeCount'])\n        && resource.data.status",
    'return resource.data.status',
  ],
  [
    'like published',
    "&& resource.data.status == 'published'\n        && request.resource.data.likeCount is int",
    '&& request.resource.data.likeCount is int',
  ],
  ['like count int', '&& request.resource.data.likeCount is int\n', '\n'],
  [
    'like follows the document after',
    'return delta == (commentId in getAfter(path).data.ids ? 1 : -1)\n        && ',
    'return ',
  ],
  [
    'like follows the document before',
    '\n        && delta == (exists(path) && commentId in get(path).data.ids ? -1 : 1);',
    ';',
  ],
  ['like add moves the count', 'return (delta == 1\n', 'return (true\n'],
  ['like add set', '&& data.ids.toSet() == before.toSet().union([id].toSet())\n', '\n'],
  ['like add size', '&& data.ids.size() == before.size() + 1)', ')'],
  ['unlike moves the count', '|| (delta == -1\n', '|| (true\n'],
  ['unlike set', '&& data.ids.toSet() == before.toSet().difference([id].toSet())\n', '\n'],
  ['unlike size', '&& data.ids.size() == before.size() - 1);', ');'],
  [
    'likes read',
    'match /likes/{uid} {\n        allow get: if signedIn() && request.auth.uid == uid;',
    'match /likes/{uid} {\n        allow get: if signedIn();',
  ],
  ['likes list', 'match /likes/{uid} {\n', 'match /likes/{uid} {\n        allow list: if signedIn();\n'],
  ['likes delete', 'match /likes/{uid} {\n', 'match /likes/{uid} {\n        allow delete: if signedIn();\n'],
  [
    'likes who',
    "allow create, update: if signedIn() && request.auth.uid == uid\n          && hasExactly(request.resource.data, ['ids', 'changed'])",
    "allow create, update: if signedIn()\n          && hasExactly(request.resource.data, ['ids', 'changed'])",
  ],
  ['likes keys', "&& hasExactly(request.resource.data, ['ids', 'changed'])\n", '\n'],
  ['likesMax', '&& request.resource.data.ids.size() <= likesMax()\n', '\n'],
];

if (!process.env.FIRESTORE_EMULATOR_HOST) {
  console.error('Set FIRESTORE_EMULATOR_HOST to a running Firestore emulator (see the comment at the top).');
  process.exit(2);
}
const only = process.argv.slice(2);
const tests = readdirSync(join(root, 'test/rules'))
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => join('test/rules', f));
const dir = mkdtempSync(join(tmpdir(), 'lar-rules-mutations-'));
const problems = [];
try {
  for (const [name, from, to] of MUTATIONS) {
    if (only.length && !only.includes(name)) continue;
    const found = rules.split(from).length - 1;
    if (found !== 1) {
      problems.push(`${name}: its text is in firestore.rules ${found} times, not once`);
      continue;
    }
    const file = join(dir, 'firestore.rules');
    writeFileSync(file, rules.replace(from, to));
    const run = spawnSync(process.execPath, ['--test', ...tests], {
      cwd: root,
      env: {...process.env, LAR_RULES_FILE: file},
      encoding: 'utf8',
    });
    const failed = Number(/^# fail (\d+)/m.exec(run.stdout)?.[1] ?? NaN);
    const verdict = failed > 0 ? `caught by ${failed} test(s)` : 'SURVIVED: no test failed';
    console.log(`${name}: ${verdict}`);
    if (!(failed > 0)) problems.push(`${name}: survived`);
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}
if (problems.length) {
  console.log(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('\nEvery mutation was caught.');
}
