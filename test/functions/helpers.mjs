/**
 * Shared by the Cloud Functions' tests (test/functions/*.test.mjs, node --test): the built
 * functions (functions/lib) wrapped by firebase-functions-test, run against the Firestore
 * emulator and the Auth emulator (accounts with verified addresses); a real SMTP server
 * (smtp-server) that receives what they send; a reader who subscribes through the security rules;
 * CloudEvents built from the documents as the emulator holds them before and after a write; and
 * the unsubscribe and confirm functions served over HTTP, their pages' buttons pressed as a
 * browser would.
 *
 * Run: node scripts/with-emulators.mjs "node --test test/functions/"   (after building functions/:
 * npm --prefix functions run build). Each test file uses a project of its own on the one emulator.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, beforeEach} from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = join(root, 'functions/lib/functions/src/index.js');
/** A built module of the functions (e.g. 'mail-strings.js'), for what no function call shows. */
export const builtModule = (name) => join(root, 'functions/lib/functions/src', name);
const model = (name) => join(root, 'functions/lib/src/model', name);

/** The newest modification time of the sources the build compiles (functions/src, src/model). */
function newestSource() {
  const newest = (dir) =>
    readdirSync(dir, {recursive: true})
      .filter((f) => f.endsWith('.ts'))
      .reduce((time, f) => Math.max(time, statSync(join(dir, f)).mtimeMs), 0);
  return Math.max(newest(join(root, 'functions/src')), newest(join(root, 'src/model')));
}

function buildProblem() {
  let builtAt;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    return 'functions/ is not built: run `npm --prefix functions run build` first';
  }
  return newestSource() > builtAt
    ? 'functions/lib is older than its sources: run `npm --prefix functions run build`'
    : '';
}

/** Why this suite cannot run here, or false. */
export const skip = !process.env.FIRESTORE_EMULATOR_HOST
  ? 'no Firestore emulator (FIRESTORE_EMULATOR_HOST is unset): run `node scripts/with-emulators.mjs "node --test test/functions/"`'
  : !process.env.FIREBASE_AUTH_EMULATOR_HOST
    ? 'no Auth emulator (FIREBASE_AUTH_EMULATOR_HOST is unset; the functions look up verified addresses): run `node scripts/with-emulators.mjs "node --test test/functions/"`'
    : buildProblem() || false;

export const SECRET = 'test-secret-for-unsubscribe-links-0123456789';
export const PAGE_URL = 'https://blog.example/her-review';
export const PAGE_TITLE = 'Film Review for Her';

/** The configuration every test starts from (the functions read it at each run). */
const BASELINE = {
  LAR_UNSUBSCRIBE_SECRET: SECRET,
  LAR_MAIL_DELIVERY: 'smtp',
  LAR_MAIL_FROM: 'Her Review <comments@blog.example>',
  LAR_OWNER_EMAILS: '',
  LAR_ALERT_EVERY_COMMENT: 'false',
  LAR_MODERATION_URL: '',
  LAR_SITE_ORIGINS: '',
  LAR_MAX_EMAILS_PER_ADDRESS_PER_HOUR: '10',
  LAR_MAX_EMAILS_PER_THREAD_PER_HOUR: '100',
  LAR_MAX_SEND_ATTEMPTS: '5',
  LAR_MAIL_COLLECTION: 'mail',
};

/**
 * Starts everything for one test file (`projectId`: its own) and clears data, the inbox and the
 * configuration before each test. Use the returned accessors inside tests only.
 */
export function useFunctions(projectId) {
  const ctx = {};
  before(async () => {
    process.env.GCLOUD_PROJECT = projectId;
    const {default: functionsTest} = await import('firebase-functions-test');
    ctx.fft = functionsTest({projectId});
    ctx.functions = await import(built);
    ctx.model = {
      ...(await import(model('page-identity.js'))),
      ...(await import(model('stored-comment.js'))),
    };
    // The Admin SDK's default app: the one the functions use (functions/src/database.ts).
    const {getApps, initializeApp} = await import('firebase-admin/app');
    const {getFirestore, Timestamp} = await import('firebase-admin/firestore');
    ctx.firestore = getFirestore(getApps().find((app) => app.name === '[DEFAULT]') ?? initializeApp({projectId}));
    ctx.Timestamp = Timestamp;
    const {initializeTestEnvironment} = await import('@firebase/rules-unit-testing');
    ctx.rulesEnv = await initializeTestEnvironment({
      projectId,
      firestore: {rules: readFileSync(join(root, 'firestore.rules'), 'utf8')},
    });
    ctx.smtp = await startSmtpServer();
    ctx.web = await serve(ctx.functions.unsubscribe, 'unsubscribe');
    ctx.confirmWeb = await serve(ctx.functions.confirm, 'confirm');
    ctx.thread = await ctx.model.threadIdForUrl(ctx.model.normalizePageUrl(PAGE_URL));
    ctx.notify = ctx.fft.wrap(ctx.functions.notifyOnComment);
    ctx.requestConfirmation = ctx.fft.wrap(ctx.functions.requestConfirmation);
    ctx.signConfirm = (await import(builtModule('confirm-token.js'))).signConfirm;
    const {getAuth} = await import('firebase-admin/auth');
    ctx.auth = getAuth();
    ctx.authAccounts = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/emulator/v1/projects/${projectId}/accounts`;
  });
  after(async () => {
    await ctx.smtp?.close();
    await ctx.web?.close();
    await ctx.confirmWeb?.close();
    await ctx.rulesEnv?.cleanup();
    ctx.fft?.cleanup();
    const {getApps, deleteApp} = await import('firebase-admin/app');
    await Promise.all(getApps().map((app) => deleteApp(app)));
  });
  beforeEach(async () => {
    Object.assign(process.env, BASELINE, {
      LAR_SMTP_URL: ctx.smtp.url,
      LAR_UNSUBSCRIBE_URL: ctx.web.url,
      LAR_CONFIRM_URL: ctx.confirmWeb.url,
    });
    ctx.smtp.reset();
    await ctx.rulesEnv.clearFirestore();
    const cleared = await fetch(ctx.authAccounts, {method: 'DELETE'});
    if (!cleared.ok) throw new Error(`the Auth emulator kept its accounts: ${cleared.status}`);
  });

  /** The Admin SDK's view of the project (past the rules), through the functions' own app. */
  const db = () => ctx.firestore;
  const confirmLink = (email, uid, now = Date.now()) => {
    const url = new URL(ctx.confirmWeb.url);
    url.searchParams.set('token', ctx.signConfirm(email, uid, SECRET, now));
    return url.href;
  };

  let events = 0;
  return {
    /** The thread id the widget computes for PAGE_URL. */
    thread: () => ctx.thread,
    inbox: () => ctx.smtp,
    unsubscribeUrl: () => ctx.web.url,
    confirmUrl: () => ctx.confirmWeb.url,
    db,
    /** Changes the configuration for this test. */
    configure: (settings) => Object.assign(process.env, settings),

    /** The thread document, as the widget's first post writes it. */
    seedThread: (threadId = ctx.thread, page = {url: PAGE_URL, title: PAGE_TITLE}) =>
      db()
        .doc(`threads/${threadId}`)
        .set({...page, createdAt: ctx.Timestamp.now(), commentCount: 0}),

    /**
     * A reader ticks "Notify me of new comments via email": their own write, through the rules
     * (with `lang` when given). Unless `confirmed: false`, the address is then confirmed for this
     * account as its owner would, by posting a confirmation link to the confirm function. Returns
     * the CloudEvent of the write, for requestConfirmation.
     */
    subscribe: async (uid, email, threadId = ctx.thread, {lang, confirmed = true} = {}) => {
      const {doc, serverTimestamp, setDoc} = await import('firebase/firestore');
      const reader = ctx.rulesEnv.authenticatedContext(uid, {firebase: {sign_in_provider: 'anonymous'}}).firestore();
      const ref = db().doc(`subscriptions/${threadId}/subscribers/${uid}`);
      const beforeWrite = await ref.get();
      await setDoc(doc(reader, 'subscriptions', threadId, 'subscribers', uid), {
        email,
        createdAt: serverTimestamp(),
        ...(lang ? {lang} : {}),
      });
      const afterWrite = await ref.get();
      if (confirmed) {
        const response = await fetch(confirmLink(email, uid), {method: 'POST'});
        if (response.status !== 200) throw new Error(`confirming ${email}: ${response.status}`);
      }
      return {
        id: `event-${++events}-${Date.now().toString(36)}`,
        document: ref.path,
        params: {threadId, uid},
        data: ctx.fft.makeChange(beforeWrite, afterWrite),
      };
    },

    /** Runs the subscription trigger on an event from subscribe(). */
    requestConfirmation: (event) => ctx.requestConfirmation(event),

    /** A confirmation link as the functions sign it, for the address and an account (`now`: when it was made). */
    confirmLink,

    /** An account in the Auth emulator (e.g. signed in with Google: its address verified). */
    account: (uid, email, emailVerified) => ctx.auth.createUser({uid, email, emailVerified}),

    /** A guest's private address (users/{uid}/private/profile), as the widget stores it with a post. */
    profile: (uid, email) => db().doc(`users/${uid}/private/profile`).set({email}),

    subscriptionExists: async (uid, threadId = ctx.thread) =>
      (await db().doc(`subscriptions/${threadId}/subscribers/${uid}`).get()).exists,

    /**
     * Writes a comment (new data, or `update` fields) and returns the CloudEvent of that write:
     * the document before and after, as the emulator holds them.
     */
    write: async (commentId, {threadId = ctx.thread, data, update} = {}) => {
      const ref = db().doc(`threads/${threadId}/comments/${commentId}`);
      const beforeWrite = await ref.get();
      if (data) await ref.set(data);
      if (update) await ref.update(update);
      const afterWrite = await ref.get();
      return {
        id: `event-${++events}-${Date.now().toString(36)}`,
        document: ref.path,
        params: {threadId, commentId},
        data: ctx.fft.makeChange(beforeWrite, afterWrite),
      };
    },

    /** A comment's stored data, as the widget writes it (the shared model's commentToData). */
    comment: (uid, name, changes = {}) =>
      ctx.model.commentToData({
        id: 'unused',
        parentId: null,
        body: 'A film about loneliness.',
        author: {uid, name, provider: 'guest'},
        createdAt: new Date(),
        status: 'published',
        ...changes,
      }),

    /** Runs the trigger on an event, as the platform delivers it (again, for a retry). */
    notify: (event) => ctx.notify(event),

    /** The mailLog documents, by recipient. */
    mailLog: async () => (await db().collection('mailLog').get()).docs.map((d) => d.data()),
  };
}

// ---- A real SMTP server ----

/**
 * An SMTP server on a free port, keeping every message it accepts (parsed). `refuse(fn)`: fn(address)
 * returns [code, text] to refuse a recipient (e.g. [451, 'try later']) or nothing to accept.
 */
async function startSmtpServer() {
  const {SMTPServer} = await import('smtp-server');
  const messages = [];
  let refuse = () => undefined;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refuse(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal[1]), {responseCode: refusal[0]}));
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push(
          parseMessage(Buffer.concat(chunks).toString('utf8'), {
            from: session.envelope.mailFrom?.address,
            to: session.envelope.rcptTo.map((r) => r.address),
          }),
        );
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The messages to one address. */
    to: (address) => messages.filter((m) => m.envelope.to.includes(address)),
    refuse: (fn) => (refuse = fn),
    reset: () => {
      messages.length = 0;
      refuse = () => undefined;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// ---- Reading the messages: headers, encoded words, multipart, quoted-printable ----

function decodeQuotedPrintable(text) {
  const bytes = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), adjacent ones joined. */
function decodeWords(value) {
  return value
    .replace(/(=\?[^?]+\?[QB]\?[^?]*\?=)\s+(?==\?)/gi, '$1')
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_, encoding, text) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function parsePart(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .map((part) => parsePart(part.replace(/^\r?\n/, '')));
    return {headers, parts};
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const content =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return {headers, content: content.replace(/\r\n/g, '\n')};
}

function leaves(part) {
  return part.parts ? part.parts.flatMap(leaves) : [part];
}

/** A received message: envelope, headers (lower-case names), subject, text and HTML parts, raw source. */
export function parseMessage(raw, envelope) {
  const message = parsePart(raw);
  const bodyOf = (type) =>
    leaves(message).find((part) => (part.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type))
      ?.content ?? '';
  return {
    raw,
    envelope,
    headers: message.headers,
    subject: message.headers.subject ?? '',
    text: bodyOf('text/plain'),
    html: bodyOf('text/html'),
    /** The one-click link of the List-Unsubscribe header. */
    listUnsubscribe: /<([^>]+)>/.exec(message.headers['list-unsubscribe'] ?? '')?.[1],
    /** The link after a label in the text part ("Stop e-mails about every page of this site: URL"; "…\u00a0: URL", "…：URL"). */
    linkAfter: (label) => new RegExp(`${label}\\s?[:：]\\s?(\\S+)`).exec(bodyOf('text/plain'))?.[1],
  };
}

// ---- The unsubscribe function over HTTP ----

/** Serves an HTTPS function's handler (req, res) on a free local port; its URL ends in /name. */
async function serve(handler, name) {
  const server = createServer((req, res) => handler(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/${name}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Opens a link as a browser does (GET), then presses the page's button: a POST to its form's
 * action, resolved against the link. Returns both pages. Fails when the page has no form.
 */
export async function openAndPress(link) {
  const opened = await fetch(link, {redirect: 'manual'});
  const page = await opened.text();
  const action = /<form method="post" action="([^"]*)">/.exec(page)?.[1];
  if (action === undefined) throw new Error(`no button on the page of ${link} (${opened.status}): ${page}`);
  const target = new URL(action.replaceAll('&amp;', '&'), link);
  const pressed = await fetch(target, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: '',
    redirect: 'manual',
  });
  return {opened: {status: opened.status, page}, pressed: {status: pressed.status, page: await pressed.text()}};
}
