// Double opt-in (functions/: requestConfirmation, confirm) against the Firestore and Auth
// emulators and a real SMTP server: a subscription gets reply e-mails only once its address is
// confirmed for its own account, by the link of the one e-mail that asks (opened, then its button
// pressed) or as that account's verified address. Forged, altered, expired and unsubscribe tokens
// confirm nothing, and neither does another account's confirmation. `node scripts/with-emulators.mjs "node --test test/functions/"`.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createHash, createHmac} from 'node:crypto';
import {PAGE_TITLE, SECRET, openAndPress, skip, useFunctions} from './helpers.mjs';

const ANN = 'ann@her.example';
const BOB = 'bob@her.example';
const VICTIM = 'victim@her.example';
const OTHER_THREAD = 'thread-arrival';
const CONFIRM = 'Confirm my address';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const sign = (body, secret, purpose = 'confirm') =>
  createHmac('sha256', secret).update(`leave-a-reply ${purpose} v1\n${body}`).digest('base64url');

describe('double opt-in: reply e-mails only to confirmed addresses', {skip}, () => {
  const f = useFunctions('demo-lar-functions-confirm');
  let comments = 0;

  /** A published comment by Sam in the thread; returns how many e-mails each address got from it. */
  async function newComment(threadId = f.thread()) {
    const before = f.inbox().messages.length;
    await f.notify(await f.write(`c${++comments}`, {threadId, data: f.comment('sam', 'Samantha')}));
    const fresh = f.inbox().messages.slice(before);
    return (address) => fresh.filter((m) => m.envelope.to.includes(address)).length;
  }

  /** A guest subscribes with an address nobody has confirmed, and the platform runs the trigger. */
  async function guestSubscribes(uid, email, threadId = f.thread(), options = {}) {
    const event = await f.subscribe(uid, email, threadId, {...options, confirmed: false});
    await f.requestConfirmation(event);
    return event;
  }

  const confirmations = (address) =>
    f
      .inbox()
      .to(address)
      .filter((m) => m.linkAfter(CONFIRM));
  const confirmedDocs = async () => (await f.db().collection('mailConfirmed').get()).docs;

  it('a guest gets one confirmation e-mail and no reply e-mail until the address is confirmed', async () => {
    await f.seedThread();
    const event = await guestSubscribes('bob', BOB);
    const [ask] = f.inbox().to(BOB);
    assert.equal(f.inbox().messages.length, 1);
    assert.deepEqual(ask.envelope.to, [BOB]);
    assert.equal(ask.subject, `Confirm your e-mails about new comments on “${PAGE_TITLE}”`);
    assert.match(ask.text, /Someone, most likely you, asked for an e-mail to this address/);
    assert.match(ask.text, /The link works for 7 days\./);
    assert.match(ask.text, /If it was not you, ignore this e-mail/);
    const link = ask.linkAfter(CONFIRM);
    assert.ok(link.startsWith(`${f.confirmUrl()}?token=`), link);
    assert.ok(ask.html.includes(`href="${link}"`));
    // Nothing to unsubscribe from yet: no one-click header that would suggest otherwise.
    assert.equal(ask.headers['list-unsubscribe'], undefined);
    assert.equal(ask.headers['auto-submitted'], 'auto-generated');

    // The platform delivers the event again: the confirmation is not sent twice.
    await f.requestConfirmation(event);
    assert.equal(f.inbox().to(BOB).length, 1);

    // Not confirmed: a comment mails nobody, and records nothing about the address.
    assert.equal((await newComment())(BOB), 0);
    const logs = await f.mailLog();
    assert.deepEqual(
      logs.map((log) => log.kind),
      ['confirm'],
    );
    const subscription = (await f.db().doc(`subscriptions/${f.thread()}/subscribers/bob`).get()).data();
    assert.deepEqual(Object.keys(subscription).sort(), ['createdAt', 'email']);

    // Opening the link (a mail scanner, or the reader) shows a button and confirms nothing.
    const opened = await fetch(link);
    assert.equal(opened.status, 200);
    const page = await opened.text();
    assert.match(page, /<h1>Confirm your address<\/h1>/);
    assert.ok(page.includes(BOB));
    assert.match(page, /<button type="submit">Confirm<\/button>/);
    assert.equal((await confirmedDocs()).length, 0);
    assert.equal((await newComment())(BOB), 0);

    // Pressing it confirms the address: from now on replies arrive.
    const {pressed} = await openAndPress(link);
    assert.equal(pressed.status, 200);
    assert.match(pressed.page, /Your address is confirmed/);
    assert.match(pressed.page, /It follows 1 page\./);
    const [confirmed] = await confirmedDocs();
    assert.ok(confirmed, 'mailConfirmed has the address');
    // Keyed by a hash of the address, holding no address: only the account it is confirmed for.
    assert.equal(confirmed.id, sha256(BOB));
    assert.deepEqual(confirmed.data().uids, ['bob']);
    assert.ok(!JSON.stringify({id: confirmed.id, ...confirmed.data()}).includes('her.example'));
    assert.equal((await newComment())(BOB), 1);
  });

  it('one confirmation covers the account’s subscriptions of the address, in any case, in every thread', async () => {
    await f.seedThread();
    await f.seedThread(OTHER_THREAD, {url: 'https://blog.example/arrival', title: 'Arrival'});
    await guestSubscribes('bob', BOB);
    // Bob on another page before confirming, the address typed with capitals.
    await guestSubscribes('bob', 'Bob@her.example', OTHER_THREAD);
    const asks = confirmations(BOB).concat(confirmations('Bob@her.example'));
    assert.equal(asks.length, 2);
    assert.equal(asks[1].subject, 'Confirm your e-mails about new comments on “Arrival”');

    // Either link confirms both; the capitals' one finds both subscriptions (as typed, and in lower case).
    const {pressed} = await openAndPress(asks[1].linkAfter(CONFIRM));
    assert.match(pressed.page, /It follows 2 pages\./);
    assert.equal((await newComment())(BOB), 1);
    assert.equal((await newComment(OTHER_THREAD))('Bob@her.example'), 1);
  });

  it('a second device (another account) confirms again: a confirmation is for one account', async () => {
    await f.seedThread();
    await f.seedThread(OTHER_THREAD, {url: 'https://blog.example/arrival', title: 'Arrival'});
    await guestSubscribes('bob', BOB);
    await openAndPress(confirmations(BOB)[0].linkAfter(CONFIRM));
    // Bob's phone is a new anonymous account. Nothing tells it apart from a stranger's account that
    // typed his address, so Bob's confirmation on his laptop does not cover it: it is asked again.
    await guestSubscribes('bob-phone', 'Bob@her.example', OTHER_THREAD);
    const [ask] = confirmations('Bob@her.example');
    assert.ok(ask, 'a new confirmation e-mail');
    assert.equal((await newComment(OTHER_THREAD))('Bob@her.example'), 0);
    assert.equal((await newComment())(BOB), 1);

    const {pressed} = await openAndPress(ask.linkAfter(CONFIRM));
    assert.match(pressed.page, /It follows 1 page\./);
    assert.deepEqual((await confirmedDocs())[0].data().uids, ['bob', 'bob-phone']);
    assert.equal((await newComment(OTHER_THREAD))('Bob@her.example'), 1);
  });

  it('an address confirmed by its owner is still not another account’s to subscribe', async () => {
    f.configure({LAR_MAX_EMAILS_PER_ADDRESS_PER_HOUR: '3'});
    await f.seedThread();
    // The victim subscribed on one page and confirmed, with their own account: they get its e-mail.
    await f.subscribe('victim', VICTIM);
    assert.equal((await newComment())(VICTIM), 1);
    // Mallory subscribes the victim's address to pages of her choice.
    for (let i = 0; i < 4; i++) await guestSubscribes('mallory', VICTIM, `thread-${i}`);
    // The victim's confirmation is not Mallory's: the victim is asked, within the per-address limit
    // (3 an hour, one of them already used), and gets nothing about those pages.
    assert.equal(confirmations(VICTIM).length, 2);
    for (let i = 0; i < 4; i++) assert.equal((await newComment(`thread-${i}`))(VICTIM), 0);
    assert.deepEqual((await confirmedDocs())[0].data().uids, ['victim']);
    assert.deepEqual(
      (await f.mailLog()).filter((log) => log.state === 'held').map((log) => log.kind),
      ['confirm', 'confirm'],
    );
  });

  it('a confirmation recorded before confirmations were per account confirms nothing', async () => {
    await f.seedThread();
    // What the functions wrote before: mailConfirmed/{sha256 of the address}, for every account.
    await f
      .db()
      .doc(`mailConfirmed/${sha256(BOB)}`)
      .set({confirmedAt: new Date()});
    await guestSubscribes('bob', BOB);
    assert.equal(confirmations(BOB).length, 1);
    assert.equal((await newComment())(BOB), 0);
    // A confirmation e-mail sent before (its token names no account) says it has expired.
    const oldPayload = Buffer.from(JSON.stringify({v: 1, e: BOB, x: Math.ceil(Date.now() / 1000) + 86_400})).toString(
      'base64url',
    );
    const oldLink = new URL(f.confirmUrl());
    oldLink.searchParams.set('token', `${oldPayload}.${sign(oldPayload, SECRET)}`);
    const old = await fetch(oldLink, {method: 'POST'});
    assert.equal(old.status, 410);
    assert.match(await old.text(), /This confirmation link has expired/);
    assert.equal((await newComment())(BOB), 0);

    await openAndPress(confirmations(BOB)[0].linkAfter(CONFIRM));
    assert.deepEqual((await confirmedDocs())[0].data().uids, ['bob']);
    assert.equal((await newComment())(BOB), 1);
  });

  it('asks again when the address changes, not when the same address is written again', async () => {
    await f.seedThread();
    await guestSubscribes('bob', BOB);
    // The widget writes the subscription again (a new time, a language, capitals) before Bob
    // confirms: the address asked about is the same, so no second e-mail.
    await f.requestConfirmation(await f.subscribe('bob', BOB, f.thread(), {lang: 'en', confirmed: false}));
    await f.requestConfirmation(await f.subscribe('bob', 'BOB@her.example', f.thread(), {confirmed: false}));
    assert.equal(confirmations(BOB).length + confirmations('BOB@her.example').length, 1);
    await openAndPress(confirmations(BOB)[0].linkAfter(CONFIRM));
    assert.equal((await newComment())('BOB@her.example'), 1);

    // Bob types someone else's address: asked of that address, and nothing else goes to it.
    await guestSubscribes('bob', VICTIM);
    assert.equal(confirmations(VICTIM).length, 1);
    assert.equal((await newComment())(VICTIM), 0);
  });

  it('asks nothing about a subscription deleted or changed before its event ran', async () => {
    await f.seedThread();
    const event = await f.subscribe('bob', BOB, f.thread(), {confirmed: false});
    await f.subscribe('bob', ANN, f.thread(), {confirmed: false});
    await f.requestConfirmation(event);
    assert.equal(f.inbox().messages.length, 0);
    assert.deepEqual(await f.mailLog(), []);
  });

  it('confirmations count against the per-address limit', async () => {
    f.configure({LAR_MAX_EMAILS_PER_ADDRESS_PER_HOUR: '2'});
    await f.seedThread();
    // Someone subscribes a victim's address again and again, under new accounts and threads.
    for (let i = 0; i < 4; i++) await guestSubscribes(`mallory-${i}`, VICTIM, `thread-${i}`);
    assert.equal(f.inbox().to(VICTIM).length, 2);
    const held = (await f.mailLog()).filter((log) => log.state === 'held');
    assert.equal(held.length, 2);
    for (const log of held) {
      assert.equal(log.kind, 'confirm');
      assert.equal(log.reason, 'address-limit');
    }
  });

  it('a verified account’s own address needs no confirmation; an unverified or another address does', async () => {
    await f.seedThread();
    // Ann signed in with a provider that verified her address (in other capitals).
    await f.account('ann', 'Ann@Her.example', true);
    // Bob's account has an address nobody verified; Cat's is verified but she subscribed another.
    await f.account('bob', BOB, false);
    await f.account('cat', 'cat@her.example', true);
    await guestSubscribes('ann', 'Ann@her.example');
    await guestSubscribes('bob', BOB);
    await guestSubscribes('cat', VICTIM);
    // Another account subscribes Ann's address: her verified account proves nothing for it.
    await guestSubscribes('ann-2', ANN, OTHER_THREAD);
    assert.equal(f.inbox().to('Ann@her.example').length, 0);
    assert.equal(confirmations(BOB).length, 1);
    assert.equal(confirmations(VICTIM).length, 1);
    assert.equal(confirmations(ANN).length, 1);
    assert.equal((await confirmedDocs()).length, 0);

    const mailed = await newComment();
    assert.equal(mailed('Ann@her.example'), 1);
    assert.equal(mailed(BOB), 0);
    assert.equal(mailed(VICTIM), 0);
    assert.equal((await newComment(OTHER_THREAD))(ANN), 0);
  });

  it('refuses a forged, altered, expired or cut confirmation link, and confirms nothing', async () => {
    await f.seedThread();
    await guestSubscribes('bob', BOB);
    const link = new URL(confirmations(BOB)[0].linkAfter(CONFIRM));
    const token = link.searchParams.get('token');
    const [payload, signature] = token.split('.');
    const fields = JSON.parse(Buffer.from(payload, 'base64url').toString());
    assert.equal(fields.e, BOB);
    assert.equal(fields.u, 'bob');
    const encode = (object) => Buffer.from(JSON.stringify(object)).toString('base64url');
    const flip = (text, at) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const withToken = (value) => {
      const url = new URL(link);
      if (value === undefined) url.searchParams.delete('token');
      else url.searchParams.set('token', value);
      return url.href;
    };
    const victim = encode({...fields, e: VICTIM});
    const forgeries = {
      'Bob’s signature on another address': `${victim}.${signature}`,
      'Bob’s signature for another account': `${encode({...fields, u: 'mallory'})}.${signature}`,
      'a signed token without an account': `${encode({v: 2, e: BOB, x: fields.x})}.${sign(encode({v: 2, e: BOB, x: fields.x}), SECRET)}`,
      'a later expiry under the old signature': `${encode({...fields, x: fields.x + 86_400 * 365})}.${signature}`,
      'a changed signature': `${payload}.${flip(signature, 5)}`,
      'a changed payload': `${flip(payload, 10)}.${signature}`,
      'another secret': `${victim}.${sign(victim, 'not-the-site-secret-but-long-enough-0123')}`,
      'the unsubscribe purpose': `${victim}.${sign(victim, SECRET, 'unsubscribe')}`,
      'a cut signature': token.slice(0, -3),
      'no signature': payload,
      'an empty token': '',
      'no token': undefined,
    };
    for (const [what, forged] of Object.entries(forgeries)) {
      const opened = await fetch(withToken(forged));
      assert.equal(opened.status, 400, what);
      assert.match(await opened.text(), /This confirmation link is not valid/, what);
      assert.equal((await fetch(withToken(forged), {method: 'POST'})).status, 400, what);
    }
    // A genuine link made eight days ago has expired.
    const old = f.confirmLink(BOB, 'bob', Date.now() - 8 * 86_400_000);
    const expired = await fetch(old, {method: 'POST'});
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /This confirmation link has expired/);
    // And other methods change nothing.
    assert.equal((await fetch(link, {method: 'PUT'})).status, 405);

    assert.equal((await confirmedDocs()).length, 0);
    assert.equal((await newComment())(BOB), 0);
    // The genuine link still works.
    assert.equal((await openAndPress(link.href)).pressed.status, 200);
    assert.equal((await newComment())(BOB), 1);
  });

  it('an unsubscribe link cannot confirm, and a confirmation link cannot unsubscribe', async () => {
    await f.seedThread();
    // Ann is confirmed: her e-mails carry unsubscribe links for her address.
    await f.subscribe('ann', ANN);
    await newComment();
    const [mail] = f.inbox().to(ANN);
    const unsubscribeToken = new URL(mail.listUnsubscribe).searchParams.get('token');
    const allToken = new URL(mail.linkAfter('Stop e-mails about every page of this site')).searchParams.get('token');

    // Ann unsubscribes and subscribes again: her address now needs a new confirmation.
    await openAndPress(mail.linkAfter('Stop e-mails about every page of this site'));
    await guestSubscribes('ann', ANN);
    const [ask] = confirmations(ANN);
    assert.ok(ask);
    for (const token of [unsubscribeToken, allToken]) {
      const url = new URL(f.confirmUrl());
      url.searchParams.set('token', token);
      const posted = await fetch(url, {method: 'POST'});
      assert.equal(posted.status, 400);
      assert.match(await posted.text(), /This confirmation link is not valid/);
    }
    assert.equal((await confirmedDocs()).length, 0);
    assert.equal((await newComment())(ANN), 0);

    const confirmToken = new URL(ask.linkAfter(CONFIRM)).searchParams.get('token');
    const unsubscribe = new URL(f.unsubscribeUrl());
    unsubscribe.searchParams.set('token', confirmToken);
    const posted = await fetch(unsubscribe, {method: 'POST', body: 'List-Unsubscribe=One-Click'});
    assert.equal(posted.status, 400);
    assert.match(await posted.text(), /This unsubscribe link is not valid/);
    // Nor does an unsubscribe payload signed for confirming.
    const payload = Buffer.from(JSON.stringify({v: 1, s: 'all', e: ANN})).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(`leave-a-reply confirm v1\n${payload}`).digest('base64url');
    unsubscribe.searchParams.set('token', `${payload}.${signature}`);
    assert.equal((await fetch(unsubscribe, {method: 'POST', body: 'List-Unsubscribe=One-Click'})).status, 400);
    assert.equal(await f.subscriptionExists('ann'), true);
  });

  it('an address unsubscribed from every thread must be confirmed again', async () => {
    await f.seedThread();
    await f.seedThread(OTHER_THREAD, {url: 'https://blog.example/arrival', title: 'Arrival'});
    await guestSubscribes('bob', BOB);
    await openAndPress(confirmations(BOB)[0].linkAfter(CONFIRM));
    await newComment();
    const reply = f
      .inbox()
      .to(BOB)
      .find((m) => !m.linkAfter(CONFIRM));
    assert.ok(reply);

    // Leaving one thread keeps the confirmation.
    await f.subscribe('bob', BOB, OTHER_THREAD, {confirmed: false});
    await openAndPress(reply.linkAfter('Stop e-mails about this page'));
    assert.equal((await newComment(OTHER_THREAD))(BOB), 1);

    // Leaving every thread forgets it: subscribing again asks again, and nothing comes until then.
    const latest = f.inbox().to(BOB).at(-1);
    await openAndPress(latest.linkAfter('Stop e-mails about every page of this site'));
    assert.equal((await confirmedDocs()).length, 0);
    const before = confirmations(BOB).length;
    await guestSubscribes('bob', BOB);
    assert.equal(confirmations(BOB).length, before + 1);
    assert.equal((await newComment())(BOB), 0);
    await openAndPress(confirmations(BOB).at(-1).linkAfter(CONFIRM));
    assert.equal((await newComment())(BOB), 1);
  });

  it('through the Trigger Email extension: the confirmation is one document in its collection', async () => {
    f.configure({LAR_MAIL_DELIVERY: 'extension'});
    await f.seedThread();
    const event = await guestSubscribes('bob', BOB);
    await f.requestConfirmation(event);
    const mail = (await f.db().collection('mail').get()).docs.map((d) => d.data());
    assert.equal(mail.length, 1);
    assert.equal(mail[0].to, BOB);
    assert.equal(mail[0].message.subject, `Confirm your e-mails about new comments on “${PAGE_TITLE}”`);
    assert.match(mail[0].message.text, new RegExp(`${CONFIRM}: ${f.confirmUrl()}\\?token=`));
    assert.equal(f.inbox().messages.length, 0);
  });
});
