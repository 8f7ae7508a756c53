/**
 * `npx leave-a-reply import wordpress|disqus|json FILE` and `npx leave-a-reply export`: the site
 * owner's way in and out, on the Firebase Admin SDK; `npx leave-a-reply upgrade` brings the stored
 * comments up to this release. (bin/leave-a-reply.mjs hands these commands here; `init` stays
 * there, dependency-free.) Every problem of an import's file is found before anything is written.
 */
import {createWriteStream} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {parseArgs} from 'node:util';
import {BACKUP_FORMAT, BACKUP_VERSION, threadsFromBackup, type Backup} from './backup-format.js';
import {parseUrlMapping, planImport, type ImportPlan, type PlannedThread} from './import-plan.js';
import {formatNumber as n, progressBar} from './progress.js';
import {currentProject} from './project.js';
import {SetupError, explainFailure, openDatabase, readSite, writeEmails, writeThread} from './site-database.js';
import {readDisqus} from './sources/disqus.js';
import {readWordPress} from './sources/wordpress.js';
import {commentsToCheck, threadUrls, upgradeComments, type FieldUpgrade} from './upgrade.js';
import {InputError} from './xml-records.js';

export const USAGE = `Usage:
  npx leave-a-reply import wordpress FILE.xml [options]   WordPress export (Tools → Export)
  npx leave-a-reply import disqus FILE.xml [options]      Disqus export
  npx leave-a-reply import json FILE.json [options]       a file from \`export\`
  npx leave-a-reply export [--include-emails] [--output FILE]   every thread and comment, as JSON
  npx leave-a-reply upgrade [--dry-run]   after installing a new leave-a-reply: brings the comments
                                          stored before it up to date (likeCount: 0 on comments from
                                          before likes, so sort="top" finds them; rootId on replies from
                                          before it, so pages find them); safe to repeat

Options:
  --project ID          the Firebase project (else the Firebase CLI's current one in this folder)
  --dry-run             print what would be written, write nothing (import: read and check the file)
  --map-url OLD=NEW     pages whose address starts with OLD are at NEW now (repeatable)
  --include-spam        import spam, hidden from readers (default: left out)
  --include-trash       import trashed (WordPress) or deleted (Disqus) comments, hidden
  --include-pingbacks   import WordPress pingbacks and trackbacks
  --disqus-identifiers  name Disqus threads by their disqus_identifier, used as the widget's page-id
  --include-emails      export: add guests' email addresses (private: keep the file safe)
  --output FILE         export: write to FILE instead of standard output

Credentials are firebase-admin's: application default credentials (gcloud auth
application-default login, or GOOGLE_APPLICATION_CREDENTIALS). With FIRESTORE_EMULATOR_HOST set,
everything goes to that emulator.`;

class UsageError extends Error {}

const OPTIONS = {
  project: {type: 'string'},
  'dry-run': {type: 'boolean'},
  'map-url': {type: 'string', multiple: true},
  'include-spam': {type: 'boolean'},
  'include-trash': {type: 'boolean'},
  'include-pingbacks': {type: 'boolean'},
  'disqus-identifiers': {type: 'boolean'},
  'include-emails': {type: 'boolean'},
  output: {type: 'string', short: 'o'},
  help: {type: 'boolean', short: 'h'},
} as const;

type Values = ReturnType<typeof parseArgs<{options: typeof OPTIONS; allowPositionals: true}>>['values'];

function projectOf(values: Values): string {
  const project = values.project ?? currentProject();
  if (!project)
    throw new UsageError('no Firebase project: pass --project PROJECT_ID (or run `firebase use` in this folder)');
  return project;
}

async function readSource(format: string, file: string, values: Values): Promise<{plan: ImportPlan; source: string}> {
  const include = {
    spam: !!values['include-spam'],
    trash: !!values['include-trash'],
    pingbacks: !!values['include-pingbacks'],
  };
  const mapping = (value: string) => {
    try {
      return parseUrlMapping(value);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  const options = {file, mapUrl: (values['map-url'] ?? []).map(mapping)};
  if (format === 'json') {
    const threads = threadsFromBackup(
      file,
      await readFile(file, 'utf8').catch(() => {
        throw new InputError(`${file}: cannot read it`);
      }),
    );
    return {plan: {threads, skipped: new Map(), placeholders: 0, problems: []}, source: 'a leave-a-reply export'};
  }
  if (format === 'wordpress') {
    return {
      plan: await planImport(await readWordPress(file, include), {...options, source: 'wordpress'}),
      source: 'WordPress',
    };
  }
  if (format === 'disqus') {
    const threads = await readDisqus(file, {...include, useIdentifiers: !!values['disqus-identifiers']});
    return {plan: await planImport(threads, {...options, source: 'disqus'}), source: 'Disqus'};
  }
  throw new UsageError(`unknown format "${format}": import reads wordpress, disqus or json`);
}

const count = (amount: number, what: string, plural = `${what}s`) => `${n(amount)} ${amount === 1 ? what : plural}`;
const onEmulator = () =>
  process.env.FIRESTORE_EMULATOR_HOST ? ` on the emulator at ${process.env.FIRESTORE_EMULATOR_HOST}` : '';

const byStatus = (threads: PlannedThread[]) => {
  const counts = new Map<string, number>();
  for (const thread of threads) for (const c of thread.comments) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return counts;
};
const list = (counts: Map<string, number>) =>
  [...counts].map(([what, count]) => `${what} ${n(count)}`).join(', ') || 'none';

async function runImport(format: string, file: string, values: Values): Promise<number> {
  const {plan, source} = await readSource(format, file, values);
  if (plan.problems.length) {
    console.error(
      `leave-a-reply: ${file} has ${plan.problems.length === 1 ? 'a problem' : `${plan.problems.length} problems`}; nothing was written.`,
    );
    for (const problem of plan.problems) console.error(`  ${problem}`);
    return 1;
  }
  const total = plan.threads.reduce((sum, t) => sum + t.comments.length, 0);
  const statuses = byStatus(plan.threads);
  const leftOut = `left out: ${list(plan.skipped)}${plan.placeholders ? ` (of these, ${n(plan.placeholders)} stay as empty placeholders that hold replies in their place)` : ''}`;

  if (values['dry-run']) {
    console.log(
      `Dry run: ${file} (${source}) would write ${count(plan.threads.length, 'thread')}, ${count(total, 'comment')}. Nothing was written.`,
    );
    for (const thread of plan.threads) {
      const likers = thread.likes?.size ?? 0;
      console.log(
        `  ${thread.id}  ${thread.url || '(no URL)'}  "${thread.title}": ${count(thread.comments.length, 'comment')} (${list(byStatus([thread]))})${likers ? `, likes of ${count(likers, 'reader')}` : ''}${thread.locked ? ', closed' : ''}`,
      );
    }
    console.log(`  comments by status: ${list(statuses)}\n  ${leftOut}`);
    return 0;
  }

  const project = projectOf(values);
  const db = await openDatabase(project);
  const bar = progressBar(total, 'comments');
  const added = new Map<string, number>();
  let existing = 0;
  let newThreads = 0;
  let likers = 0;
  let failed: unknown;
  const failedThreads: string[] = [];
  const emails = new Map<string, string>();
  // A few threads at a time: each is one transaction (or a few batches), and one failing stops no other.
  const queue = [...plan.threads];
  await Promise.all(
    Array.from({length: 4}, async () => {
      for (let thread = queue.shift(); thread; thread = queue.shift()) {
        try {
          const result = await writeThread(db, thread);
          for (const c of result.added) added.set(c.status, (added.get(c.status) ?? 0) + 1);
          existing += result.existing;
          likers += result.likers;
          if (result.createdThread) newThreads++;
          for (const [uid, email] of thread.emails) emails.set(uid, email);
        } catch (error) {
          failed ??= error;
          failedThreads.push(`${thread.id} (${thread.url || thread.title})`);
        }
        bar.advance(thread.comments.length);
      }
    }),
  );
  bar.done();
  if (emails.size) await writeEmails(db, emails);
  const written = [...added.values()].reduce((a, b) => a + b, 0);
  console.log(
    `Imported ${file} (${source}) into project ${project}${onEmulator()}:\n` +
      `  threads: ${n(plan.threads.length - failedThreads.length)} (${n(newThreads)} new)\n` +
      `  comments written: ${n(written)} (${list(added)}); already there, left as they are: ${n(existing)}\n` +
      (likers ? `  likes written: those of ${count(likers, 'reader')}\n` : '') +
      `  ${leftOut}`,
  );
  if (failedThreads.length) {
    console.error(
      `leave-a-reply: ${failedThreads.length} threads were not written (each whole or not at all; run the import again to retry them):\n` +
        failedThreads.map((t) => `  ${t}\n`).join('') +
        `  ${explainFailure(failed, project)}`,
    );
    return 1;
  }
  return 0;
}

async function runExport(values: Values): Promise<number> {
  const project = projectOf(values);
  const db = await openDatabase(project);
  let commentsRead = 0;
  let threadsRead = 0;
  const {threads, readAt} = await readSite(db, {
    includeEmails: !!values['include-emails'],
    onThread(count) {
      commentsRead += count;
      threadsRead++;
      if (process.stderr.isTTY) process.stderr.write(`\rread ${n(threadsRead)} threads, ${n(commentsRead)} comments`);
    },
  });
  // The summary counts the file, not the progress: a retried snapshot reads some threads twice.
  const threadCount = threads.length;
  const comments = threads.reduce((sum, thread) => sum + thread.comments.length, 0);
  if (process.stderr.isTTY) process.stderr.write('\n');
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: readAt.toISOString(),
    projectId: project,
    threads,
  };
  const json = `${JSON.stringify(backup, null, 2)}\n`;
  if (values.output) {
    const out = createWriteStream(values.output);
    await new Promise<void>((resolve, reject) => out.end(json, () => resolve()).on('error', reject));
  } else {
    await new Promise<void>((resolve) => process.stdout.write(json, () => resolve()));
  }
  console.error(
    `Exported ${count(threadCount, 'thread')}, ${count(comments, 'comment')} from project ${project}${values.output ? ` to ${values.output}` : ''}.`,
  );
  return 0;
}

async function runUpgrade(values: Values): Promise<number> {
  const project = projectOf(values);
  const db = await openDatabase(project);
  const dryRun = !!values['dry-run'];
  const bar = progressBar(await commentsToCheck(db), 'comments checked');
  const result = await upgradeComments(db, {dryRun, onPage: (documents) => bar.advance(documents)});
  bar.done();
  const checked = `${count(result.checked, 'comment')} in ${count(result.threads, 'thread')}`;
  const total = (field: FieldUpgrade) => [...field.missing.values()].reduce((a, b) => a + b, 0);
  const likes = total(result.likeCount);
  const roots = total(result.rootId);
  const one = (amount: number, singular: string, plural: string) => (amount === 1 ? singular : plural);
  const inThreads = (field: FieldUpgrade) => (field.missing.size ? ` (in ${count(field.missing.size, 'thread')})` : '');
  const lost = [...result.rootId.unreachable.values()].reduce((sum, ids) => sum + ids.length, 0);
  const lostNote = lost
    ? `\n  ${count(lost, 'reply', 'replies')} without rootId ${one(lost, 'has', 'have')} a chain of parents that is ` +
      `broken (a parent document is gone) or loops: left as ${one(lost, 'it is', 'they are')}`
    : '';
  if (dryRun) {
    console.log(
      `Dry run: project ${project}${onEmulator()}: ${checked} checked; ${count(likes, 'comment')} ` +
        `${one(likes, 'has', 'have')} no likeCount and would get likeCount: 0; ${count(roots, 'reply', 'replies')} ` +
        `${one(roots, 'has no rootId (or names a reply) and would get its', 'have no rootId (or name a reply) and would get their')} ` +
        `top-level comment's id. Nothing was written.${lostNote}`,
    );
    const threads = [
      ...new Set([
        ...result.likeCount.missing.keys(),
        ...result.rootId.missing.keys(),
        ...result.rootId.unreachable.keys(),
      ]),
    ];
    const urls = await threadUrls(db, threads);
    for (const thread of threads) {
      const likeless = result.likeCount.missing.get(thread);
      const rootless = result.rootId.missing.get(thread);
      const stranded = result.rootId.unreachable.get(thread) ?? [];
      const shown = stranded.slice(0, 10).join(', ') + (stranded.length > 10 ? ', …' : '');
      const lacking = [
        likeless && `${count(likeless, 'comment')} without likeCount`,
        rootless && `${count(rootless, 'reply', 'replies')} to get a rootId`,
        stranded.length && `${count(stranded.length, 'reply', 'replies')} with a broken chain (${shown})`,
      ].filter(Boolean);
      console.log(`  ${thread}  ${urls.get(thread) || '(no thread document)'}: ${lacking.join(', ')}`);
    }
    return 0;
  }
  const likesRaced = likes - result.likeCount.set;
  const rootsRaced = roots - result.rootId.set;
  const index =
    'Deploy firestore.indexes.json too if you have not (sort="top" queries likeCount, pages rootId): npx firebase-tools deploy --only firestore:indexes';
  console.log(
    `Upgraded project ${project}${onEmulator()}:\n` +
      `  checked: ${checked}\n` +
      `  likeCount: 0 set on ${count(result.likeCount.set, 'comment')}${inThreads(result.likeCount)}; ` +
      `already had one: ${n(result.checked - likes)}` +
      `${likesRaced ? `; given one meanwhile (a reader's like), left as they are: ${n(likesRaced)}` : ''}\n` +
      `  rootId set on ${count(result.rootId.set, 'reply', 'replies')}${inThreads(result.rootId)}` +
      `${rootsRaced ? `; changed meanwhile, left as they are: ${n(rootsRaced)}` : ''}${lostNote}\n` +
      `  ${likes + roots ? index : lost ? 'Nothing else could be upgraded.' : 'Nothing needed upgrading.'}`,
  );
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({values, positionals} = parseArgs({args: argv, options: OPTIONS, allowPositionals: true, strict: true}));
  } catch (error) {
    console.error(`leave-a-reply: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, format, file, ...extra] = positionals;
  try {
    if (command === 'export') {
      if (format)
        throw new UsageError(`export takes no file name (got "${format}"): use --output FILE or redirect its output`);
      return await runExport(values);
    }
    if (command === 'upgrade') {
      if (format) throw new UsageError(`upgrade takes no file name (got "${format}")`);
      return await runUpgrade(values);
    }
    if (command !== 'import') throw new UsageError(`unknown command "${command}"`);
    if (!format || !file) throw new UsageError('import needs a format and a file: import wordpress|disqus|json FILE');
    if (extra.length) throw new UsageError(`one file at a time (also got ${extra.join(' ')})`);
    return await runImport(format, file, values);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`leave-a-reply: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError || error instanceof SetupError) {
      console.error(`leave-a-reply: ${error.message}${error instanceof InputError ? '\nNothing was written.' : ''}`);
      return 1;
    }
    console.error(`leave-a-reply: ${explainFailure(error, values.project ?? currentProject() ?? '(unknown)')}`);
    return 1;
  }
}
