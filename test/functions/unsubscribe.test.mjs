// The unsubscribe function (functions/: unsubscribe) over HTTP, against the Firestore emulator:
// the links of e-mails the notification trigger really sent (caught by a local SMTP server),
// opened in a browser (GET: a page with a button, which changes nothing until pressed) or posted
// by a mail program's one-click button (RFC 8058), and forged or altered ones.
// `node scripts/with-emulators.mjs "node --test test/functions/"`.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {openAndPress, skip, useFunctions} from './helpers.mjs';

const BOB = 'bob@her.example';
const ANN = 'ann@her.example';
const OWNER = 'owner@blog.example';
const OTHER_THREAD = 'thread-arrival';

describe('unsubscribe links', {skip}, () => {
  const f = useFunctions('demo-lar-functions-unsubscribe');
  let comments = 0;

  /** A new published comment by Sam in the thread; returns the e-mails it caused, by address. */
  async function newComment(threadId = f.thread()) {
    f.inbox().reset();
    await f.notify(await f.write(`c${++comments}`, {threadId, data: f.comment('sam', 'Samantha')}));
    return (address) => f.inbox().to(address);
  }

  async function bobAndAnnSubscribed() {
    await f.seedThread();
    await f.subscribe('bob', BOB);
    await f.subscribe('ann', ANN);
    const [mail] = (await newComment())(BOB);
    assert.ok(mail, 'Bob got an e-mail');
    return mail;
  }

  const get = (url, method = 'GET') => fetch(url, {method, redirect: 'manual'});

  it('opening the link in an e-mail changes nothing: its page asks, and only its button unsubscribes', async () => {
    const mail = await bobAndAnnSubscribed();
    const link = mail.linkAfter('Stop e-mails about this page');
    // A mail scanner (or the reader) opens the link, maybe twice: still subscribed.
    for (let i = 0; i < 2; i++) {
      const response = await get(link);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^text\/html/);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const page = await response.text();
      assert.match(page, /<h1>Stop these e-mails\?<\/h1>/);
      assert.ok(page.includes(`stop e-mails to ${BOB} about new comments on “Film Review for Her”.`));
      assert.match(page, /<button type="submit">Unsubscribe<\/button>/);
      assert.doesNotMatch(page, /You are unsubscribed/);
    }
    assert.equal(await f.subscriptionExists('bob'), true);
    assert.equal((await newComment())(BOB).length, 1);

    const {pressed} = await openAndPress(link);
    assert.equal(pressed.status, 200);
    assert.match(pressed.page, /You are unsubscribed/);
    assert.ok(pressed.page.includes(`${BOB} will get no more e-mails about new comments on “Film Review for Her”.`));
    assert.equal(await f.subscriptionExists('bob'), false);
    assert.equal(await f.subscriptionExists('ann'), true);
    const mailed = await newComment();
    assert.equal(mailed(BOB).length, 0);
    assert.equal(mailed(ANN).length, 1);
    // Pressed again (a second click, a browser's reload): the same page, nothing breaks.
    assert.equal((await openAndPress(link)).pressed.status, 200);
  });

  it('a mail program’s one-click button (a POST to the List-Unsubscribe link) unsubscribes', async () => {
    const mail = await bobAndAnnSubscribed();
    const response = await fetch(mail.listUnsubscribe, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(response.status, 200);
    assert.equal(await f.subscriptionExists('bob'), false);
    assert.equal(await f.subscriptionExists('ann'), true);
  });

  it('the second link unsubscribes the address from every thread of the site, once its button is pressed', async () => {
    await f.seedThread(OTHER_THREAD, {url: 'https://blog.example/arrival', title: 'Arrival'});
    await f.subscribe('bob', BOB, OTHER_THREAD);
    await f.subscribe('ann', ANN, OTHER_THREAD);
    const mail = await bobAndAnnSubscribed();
    const link = mail.linkAfter('Stop e-mails about every page of this site');

    const opened = await get(link);
    assert.equal(opened.status, 200);
    assert.ok((await opened.text()).includes(`stop e-mails to ${BOB} about new comments on every page of this site.`));
    assert.equal(await f.subscriptionExists('bob'), true);
    assert.equal(await f.subscriptionExists('bob', OTHER_THREAD), true);

    const {pressed} = await openAndPress(link);
    assert.equal(pressed.status, 200);
    assert.match(
      pressed.page,
      /no more e-mails about new comments on any page of this site\. It was subscribed to 2 pages\./,
    );
    assert.equal(await f.subscriptionExists('bob'), false);
    assert.equal(await f.subscriptionExists('bob', OTHER_THREAD), false);
    assert.equal(await f.subscriptionExists('ann'), true);
    assert.equal(await f.subscriptionExists('ann', OTHER_THREAD), true);
    assert.equal((await newComment(OTHER_THREAD))(BOB).length, 0);
  });

  it('refuses a forged, altered or cut link, and changes nothing', async () => {
    const mail = await bobAndAnnSubscribed();
    const link = new URL(mail.listUnsubscribe);
    const token = link.searchParams.get('token');
    const [payload, signature] = token.split('.');
    const fields = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const encode = (object) => Buffer.from(JSON.stringify(object)).toString('base64url');
    const sign = (body, secret) =>
      createHmac('sha256', secret).update(`leave-a-reply unsubscribe v1\n${body}`).digest('base64url');
    const withToken = (value) => {
      const url = new URL(link);
      if (value === undefined) url.searchParams.delete('token');
      else url.searchParams.set('token', value);
      return url.href;
    };
    const flip = (text, at) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const forgeries = {
      // Bob's signature on Ann's address, or on every thread instead of one.
      'another address': `${encode({...fields, e: ANN})}.${signature}`,
      'another scope': `${encode({v: 1, s: 'all', e: BOB})}.${signature}`,
      'a changed signature': `${payload}.${flip(signature, 5)}`,
      'a changed payload': `${flip(payload, 12)}.${signature}`,
      'a signature with another secret': `${encode({v: 1, s: 'all', e: ANN})}.${sign(encode({v: 1, s: 'all', e: ANN}), 'not-the-site-secret-but-long-enough-0123')}`,
      'a cut signature': token.slice(0, -3),
      'no signature': payload,
      'an empty token': '',
      'no token': undefined,
      'a huge token': `${'A'.repeat(5000)}.${signature}`,
    };
    for (const [what, forged] of Object.entries(forgeries)) {
      const response = await get(withToken(forged));
      assert.equal(response.status, 400, what);
      assert.match(await response.text(), /This unsubscribe link is not valid/, what);
      const posted = await fetch(withToken(forged), {method: 'POST', body: 'List-Unsubscribe=One-Click'});
      assert.equal(posted.status, 400, what);
    }
    // A link checker's HEAD, and methods that are not GET or POST, change nothing either.
    assert.equal((await get(mail.listUnsubscribe, 'HEAD')).status, 200);
    assert.equal((await get(mail.listUnsubscribe, 'PUT')).status, 405);
    assert.equal((await get(mail.listUnsubscribe, 'DELETE')).status, 405);
    assert.equal(await f.subscriptionExists('bob'), true);
    assert.equal(await f.subscriptionExists('ann'), true);
    assert.equal((await newComment())(BOB).length, 1);
  });

  it('the owner’s alerts stop with the link in an alert, once its button is pressed', async () => {
    f.configure({LAR_OWNER_EMAILS: OWNER});
    await f.seedThread();
    await f.notify(await f.write('held-1', {data: f.comment('sam', 'Samantha', {status: 'pending'})}));
    const [alert] = f.inbox().to(OWNER);
    assert.equal(alert.linkAfter('Stop these alerts to this address'), alert.listUnsubscribe);
    const opened = await get(alert.listUnsubscribe);
    assert.equal(opened.status, 200);
    assert.ok((await opened.text()).includes(`stop alerts about comments on this site to ${OWNER}.`));
    await f.notify(await f.write('held-2', {data: f.comment('sam', 'Samantha', {status: 'pending'})}));
    assert.equal(f.inbox().to(OWNER).length, 2);

    const {pressed} = await openAndPress(alert.listUnsubscribe);
    assert.equal(pressed.status, 200);
    assert.match(pressed.page, /will get no more alerts about comments on this site/);

    f.inbox().reset();
    await f.notify(await f.write('held-3', {data: f.comment('sam', 'Samantha', {status: 'pending'})}));
    assert.equal(f.inbox().to(OWNER).length, 0);
  });
});
