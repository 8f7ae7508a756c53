// The notification trigger (functions/: notifyOnComment) against the Firestore emulator, as readers
// and the site owner receive it: e-mails caught by a real SMTP server, or the Trigger Email
// extension's documents. `node scripts/with-emulators.mjs "node --test test/functions/"`
// (functions/ built first: `npm --prefix functions run build`).
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {PAGE_TITLE, PAGE_URL, skip, useFunctions} from './helpers.mjs';

const ANN = 'ann@her.example';
const BOB = 'bob@her.example';
const SAM = 'sam@her.example';
const OWNER = 'owner@blog.example';
const EDITOR = 'editor@blog.example';
const OTHER_THREAD = 'thread-arrival';

describe('notifications: what readers and the site owner receive', {skip}, () => {
  const f = useFunctions('demo-lar-functions-notify');
  const recipients = () =>
    f
      .inbox()
      .messages.flatMap((m) => m.envelope.to)
      .sort();

  /** The thread of PAGE_URL with Ann's published comment c1 (no one subscribed yet). */
  async function threadWithAnnsComment() {
    await f.seedThread();
    await f.notify(await f.write('c1', {data: f.comment('ann', 'Ann')}));
  }

  it('a published reply reaches each subscriber alone, saying whose comment it answers, and not its author', async () => {
    await threadWithAnnsComment();
    await f.subscribe('ann', ANN);
    await f.subscribe('bob', BOB);
    await f.subscribe('sam', SAM);
    const reply = f.comment('sam', 'Samantha', {parentId: 'c1', rootId: 'c1', body: 'I cried twice.\n\nTwice!'});
    await f.notify(await f.write('c2', {data: reply}));

    const inbox = f.inbox();
    assert.deepEqual(recipients(), [ANN, BOB]);
    const [toAnn] = inbox.to(ANN);
    const [toBob] = inbox.to(BOB);
    assert.equal(toAnn.subject, `Samantha replied to your comment on “${PAGE_TITLE}”`);
    assert.equal(toBob.subject, `New comment by Samantha on “${PAGE_TITLE}”`);
    for (const [message, address] of [
      [toAnn, ANN],
      [toBob, BOB],
    ]) {
      // One recipient per message; no other reader's address anywhere in it.
      assert.deepEqual(message.envelope.to, [address]);
      assert.equal(message.headers.to, address);
      assert.equal(message.headers.cc, undefined);
      for (const other of [ANN, BOB, SAM].filter((a) => a !== address)) assert.ok(!message.raw.includes(other), other);
      assert.match(message.headers.from, /comments@blog\.example/);
      assert.match(message.text, /I cried twice\.\n\n {2}Twice!/);
      assert.ok(message.text.includes(`${PAGE_URL}#comment-c2`));
      assert.ok(message.html.includes(`href="${PAGE_URL}#comment-c2"`));
      assert.ok(message.html.includes('I cried twice.'));
      // One-click unsubscribe (RFC 8058), and a second link for every thread.
      assert.equal(message.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
      assert.ok(message.listUnsubscribe.startsWith(`${f.unsubscribeUrl()}?token=`), message.listUnsubscribe);
      assert.equal(message.linkAfter('Stop e-mails about this page'), message.listUnsubscribe);
      const all = message.linkAfter('Stop e-mails about every page of this site');
      assert.ok(all.startsWith(`${f.unsubscribeUrl()}?token=`));
      assert.notEqual(all, message.listUnsubscribe);
      assert.equal(message.headers['auto-submitted'], 'auto-generated');
    }
  });

  it('never mails the author: not their account’s subscription, nor an address proven theirs on another device', async () => {
    await threadWithAnnsComment();
    await f.subscribe('sam', SAM);
    await f.subscribe('bob', BOB);
    await f.seedThread(OTHER_THREAD, {url: 'https://blog.example/arrival', title: 'Arrival'});
    // Sam posts from her phone, signed in with Google: a new account whose verified address is hers (other case).
    await f.account('sam-phone', 'Sam@Her.example', true);
    await f.notify(await f.write('c2', {data: f.comment('sam-phone', 'Samantha')}));
    // And from her tablet as a guest who confirmed the address for that account (on another page).
    await f.subscribe('sam-tablet', SAM, OTHER_THREAD);
    await f.notify(await f.write('c3', {data: f.comment('sam-tablet', 'Samantha')}));
    assert.deepEqual(recipients(), [BOB, BOB]);

    // From a laptop as a guest who only typed her address into the form: nothing proves it is
    // hers, and anyone could have typed it (next test), so Sam is mailed about that comment.
    f.inbox().reset();
    await f.profile('sam-laptop', 'Sam@Her.example');
    await f.notify(await f.write('c4', {data: f.comment('sam-laptop', 'Samantha')}));
    assert.deepEqual(recipients(), [BOB, SAM]);
  });

  it('an address typed into one’s profile or subscription stops nobody’s e-mail and makes no reply', async () => {
    f.configure({LAR_OWNER_EMAILS: OWNER});
    await threadWithAnnsComment();
    await f.subscribe('bob', BOB);
    // Mallory writes Bob's address into her guest profile, and the owner's into a subscription of
    // her own (the rules accept any well-formed address; neither is confirmed).
    await f.profile('mallory', BOB);
    await f.subscribe('mallory', OWNER, f.thread(), {confirmed: false});
    await f.notify(await f.write('c2', {data: f.comment('mallory', 'Mallory', {status: 'pending'})}));
    // The owner is still alerted of her held comment; once approved, Bob still hears of it.
    assert.deepEqual(recipients(), [OWNER]);
    await f.notify(await f.write('c2', {update: {status: 'published'}}));
    assert.deepEqual(recipients(), [BOB, OWNER]);
    await f.profile('mallory', OWNER);
    await f.notify(await f.write('c3', {data: f.comment('mallory', 'Mallory', {status: 'pending'})}));
    assert.equal(f.inbox().to(OWNER).length, 2);

    // Nor does her profile make an answer to her comment look like a reply to Bob's.
    await f.profile('mallory', BOB);
    await f.notify(await f.write('c4', {data: f.comment('sam', 'Samantha', {parentId: 'c2', rootId: 'c2'})}));
    assert.equal(f.inbox().to(BOB).at(-1).subject, `New comment by Samantha on “${PAGE_TITLE}”`);
  });

  it('a pending comment sends nothing until a moderator approves it; then each subscriber gets it once', async () => {
    await threadWithAnnsComment();
    await f.subscribe('ann', ANN);
    await f.subscribe('bob', BOB);
    await f.notify(await f.write('c2', {data: f.comment('sam', 'Samantha', {status: 'pending'})}));
    assert.deepEqual(recipients(), []);

    await f.notify(await f.write('c2', {update: {status: 'published'}}));
    assert.deepEqual(recipients(), [ANN, BOB]);
    assert.equal(f.inbox().to(BOB)[0].subject, `New comment by Samantha on “${PAGE_TITLE}”`);

    // Edited back into review, approved again: already mailed, so not mailed twice.
    await f.notify(await f.write('c2', {update: {status: 'pending', body: 'Edited.', editedAt: new Date()}}));
    await f.notify(await f.write('c2', {update: {status: 'published'}}));
    assert.deepEqual(recipients(), [ANN, BOB]);
  });

  it('alerts each of the owner’s addresses of a held comment, with the moderation page; readers hear of it once approved', async () => {
    f.configure({
      LAR_OWNER_EMAILS: `${OWNER}, ${EDITOR}`,
      LAR_MODERATION_URL: 'https://blog.example/moderation',
    });
    await threadWithAnnsComment();
    await f.subscribe('bob', BOB);
    const held = f.comment('sam', 'Samantha', {status: 'pending', body: 'Three links: http://a.example …'});
    await f.notify(await f.write('c2', {data: held}));

    assert.deepEqual(recipients(), [EDITOR, OWNER]);
    for (const address of [OWNER, EDITOR]) {
      const [alert] = f.inbox().to(address);
      assert.deepEqual(alert.envelope.to, [address]);
      assert.equal(alert.subject, `Comment awaiting moderation: Samantha on “${PAGE_TITLE}”`);
      assert.match(alert.text, /Samantha \(signed in as a guest\)/);
      assert.match(alert.text, /Three links: http:\/\/a\.example/);
      assert.match(alert.text, /Review it: https:\/\/blog\.example\/moderation/);
      assert.ok(alert.text.includes(`The comment on its page: ${PAGE_URL}#comment-c2`));
      assert.equal(alert.headers['list-unsubscribe-post'], 'List-Unsubscribe=One-Click');
      assert.ok(alert.linkAfter('Stop these alerts to this address').startsWith(f.unsubscribeUrl()));
    }

    f.inbox().reset();
    await f.notify(await f.write('c2', {update: {status: 'published'}}));
    assert.deepEqual(recipients(), [BOB]);
  });

  it('alerts the owner of every new comment only when asked to', async () => {
    f.configure({LAR_OWNER_EMAILS: OWNER});
    await threadWithAnnsComment();
    assert.deepEqual(recipients(), []);

    f.configure({LAR_ALERT_EVERY_COMMENT: 'true'});
    await f.notify(await f.write('c2', {data: f.comment('sam', 'Samantha')}));
    const [alert] = f.inbox().to(OWNER);
    assert.equal(alert.subject, `New comment: Samantha on “${PAGE_TITLE}”`);
    assert.ok(alert.text.includes(`The comment on its page: ${PAGE_URL}#comment-c2`));
    // The owner's own comment (signed in with their verified address) alerts nobody.
    await f.account('owner-uid', OWNER, true);
    await f.notify(await f.write('c3', {data: f.comment('owner-uid', 'The Owner')}));
    assert.equal(f.inbox().to(OWNER).length, 1);
    // Nor does one from a guest account that confirmed the owner's address (the owner, subscribed).
    await f.subscribe('owner-guest', OWNER);
    await f.notify(await f.write('c4', {data: f.comment('owner-guest', 'The Owner')}));
    assert.equal(f.inbox().to(OWNER).length, 1);
  });

  it('sends what readers wrote as text: escaped in the HTML part, one clean line in the subject', async () => {
    await threadWithAnnsComment();
    await f.subscribe('bob', BOB);
    const body = '<script>alert("hi")</script> & <b>bold</b>';
    await f.notify(await f.write('c2', {data: f.comment('mallory', 'Mal\r\nBcc: victim@evil.example', {body})}));

    const [message] = f.inbox().to(BOB);
    assert.deepEqual(recipients(), [BOB]);
    assert.ok(message.text.includes(body));
    assert.ok(!message.html.includes('<script>'));
    assert.ok(!message.html.includes('<b>bold'));
    assert.ok(
      message.html.includes('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;'),
    );
    assert.equal(message.subject, `New comment by Mal Bcc: victim@evil.example on “${PAGE_TITLE}”`);
    assert.equal(message.headers.bcc, undefined);
  });

  it('links only to the page its thread belongs to', async () => {
    // Anyone may be first to post on a page and so write its thread's url: this one is not the
    // page the thread's id names.
    await f.seedThread(f.thread(), {url: 'https://evil.example/login', title: PAGE_TITLE});
    await f.subscribe('bob', BOB);
    await f.notify(await f.write('c2', {data: f.comment('sam', 'Samantha')}));
    const [unlinked] = f.inbox().to(BOB);
    assert.ok(!unlinked.raw.includes('evil.example'));
    assert.ok(!unlinked.text.includes('Read it on the page'));

    // A thread named by page-id is linked on the site's own origins.
    f.configure({LAR_SITE_ORIGINS: 'https://blog.example'});
    await f.seedThread('her-review', {url: PAGE_URL, title: PAGE_TITLE});
    await f.subscribe('bob', BOB, 'her-review');
    await f.notify(await f.write('c9', {threadId: 'her-review', data: f.comment('sam', 'Samantha')}));
    assert.ok(f.inbox().to(BOB)[1].text.includes(`Read it on the page, and reply: ${PAGE_URL}#comment-c9`));
  });

  it('through the Trigger Email extension: one document per e-mail in its collection, written once', async () => {
    f.configure({LAR_MAIL_DELIVERY: 'extension'});
    await threadWithAnnsComment();
    await f.subscribe('ann', ANN);
    await f.subscribe('bob', BOB);
    const event = await f.write('c2', {data: f.comment('sam', 'Samantha', {parentId: 'c1', rootId: 'c1'})});
    await f.notify(event);
    await f.notify(event); // the platform delivers it again

    const mail = (await f.db().collection('mail').get()).docs.map((d) => d.data());
    assert.deepEqual(mail.map((m) => m.to).sort(), [ANN, BOB]);
    for (const doc of mail) {
      assert.deepEqual(Object.keys(doc).sort(), ['from', 'headers', 'message', 'to']);
      assert.equal(doc.from, 'Her Review <comments@blog.example>');
      assert.deepEqual(Object.keys(doc.message).sort(), ['html', 'subject', 'text']);
      assert.ok(doc.message.text.includes(`${PAGE_URL}#comment-c2`));
      assert.equal(doc.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
      assert.match(doc.headers['List-Unsubscribe'], /^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=[\w.-]+>$/);
    }
    assert.equal(mail.find((m) => m.to === ANN).message.subject, `Samantha replied to your comment on “${PAGE_TITLE}”`);
    assert.equal(f.inbox().messages.length, 0);
    assert.deepEqual((await f.mailLog()).map((log) => log.state).sort(), ['queued', 'queued']);
  });
});
