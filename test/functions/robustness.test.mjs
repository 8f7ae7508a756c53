// The notification trigger when things go wrong, against the Firestore emulator and a real SMTP
// server: events delivered twice (the platform's retries, or two deliveries at once), an SMTP
// server that refuses for a while or for good, and a flood of comments.
// `node scripts/with-emulators.mjs "node --test test/functions/"`.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {skip, useFunctions} from './helpers.mjs';

const ANN = 'ann@her.example';
const BOB = 'bob@her.example';
const CAT = 'cat@her.example';

describe('robust sending', {skip}, () => {
  const f = useFunctions('demo-lar-functions-robust');
  const count = (address) => f.inbox().to(address).length;

  async function threadFollowedBy(...readers) {
    await f.seedThread();
    for (const [uid, email] of readers) await f.subscribe(uid, email);
  }
  const byRecipient = async () => Object.fromEntries((await f.mailLog()).map((log) => [log.to, log]));

  it('a retried event sends each e-mail once', async () => {
    await threadFollowedBy(['ann', ANN], ['bob', BOB]);
    const event = await f.write('c1', {data: f.comment('sam', 'Samantha')});
    await f.notify(event);
    await f.notify(event);
    await f.notify(event);
    assert.equal(count(ANN), 1);
    assert.equal(count(BOB), 1);
    const logs = await byRecipient();
    assert.equal(logs[ANN].state, 'sent');
    assert.equal(logs[ANN].attempts, 1);
    assert.equal(logs[ANN].eventId, event.id);
  });

  it('one event delivered twice at once sends each e-mail once', async () => {
    await threadFollowedBy(['ann', ANN], ['bob', BOB]);
    const event = await f.write('c1', {data: f.comment('sam', 'Samantha')});
    const runs = await Promise.allSettled([f.notify(event), f.notify(event)]);
    // A run that finds the other one sending asks the platform to retry it later.
    for (const run of runs)
      if (run.status === 'rejected') assert.match(String(run.reason), /another run is sending it/);
    await f.notify(event).catch(() => {}); // that retry
    assert.equal(count(ANN), 1);
    assert.equal(count(BOB), 1);
  });

  it('a send the server refuses for now is retried with the event, and what went out is not sent again', async () => {
    await threadFollowedBy(['ann', ANN], ['bob', BOB]);
    f.inbox().refuse((address) => (address === BOB ? [451, 'Mailbox busy, try again later'] : undefined));
    const event = await f.write('c1', {data: f.comment('sam', 'Samantha')});
    await assert.rejects(f.notify(event), /not delivered yet/);
    assert.equal(count(ANN), 1);
    assert.equal(count(BOB), 0);
    const failed = (await byRecipient())[BOB];
    assert.equal(failed.state, 'retry');
    assert.match(failed.error, /451/);

    f.inbox().refuse(() => undefined);
    await f.notify(event); // the platform's retry
    assert.equal(count(ANN), 1);
    assert.equal(count(BOB), 1);
    const logs = await byRecipient();
    assert.equal(logs[BOB].state, 'sent');
    assert.equal(logs[BOB].attempts, 2);
    assert.equal(logs[BOB].error, undefined);
  });

  it('after the last attempt, or a permanent refusal, the failure is recorded and the event ends', async () => {
    f.configure({LAR_MAX_SEND_ATTEMPTS: '2'});
    await threadFollowedBy(['ann', ANN], ['bob', BOB]);
    f.inbox().refuse((address) =>
      address === BOB ? [451, 'Mailbox busy, try again later'] : [550, 'No such user here'],
    );
    const event = await f.write('c1', {data: f.comment('sam', 'Samantha')});
    await assert.rejects(f.notify(event), /not delivered yet/);
    let logs = await byRecipient();
    assert.equal(logs[ANN].state, 'failed'); // 550: trying again cannot help
    assert.match(logs[ANN].error, /550/);
    assert.equal(logs[BOB].state, 'retry');

    await f.notify(event); // the second and last attempt: recorded, and the event is done
    logs = await byRecipient();
    assert.equal(logs[BOB].state, 'failed');
    assert.equal(logs[BOB].attempts, 2);
    assert.match(logs[BOB].error, /451 Mailbox busy/);
    assert.equal(logs[BOB].commentId, 'c1');
    await f.notify(event);
    assert.equal(f.inbox().messages.length, 0);
  });

  it('an e-mail waiting for a retry goes to the Trigger Email extension once the site switches to it', async () => {
    await threadFollowedBy(['bob', BOB]);
    f.inbox().refuse(() => [451, 'Mailbox busy, try again later']);
    const event = await f.write('c1', {data: f.comment('sam', 'Samantha')});
    await assert.rejects(f.notify(event), /not delivered yet/);

    f.configure({LAR_MAIL_DELIVERY: 'extension'});
    await f.notify(event);
    await f.notify(event);
    const mail = (await f.db().collection('mail').get()).docs.map((d) => d.data());
    assert.deepEqual(
      mail.map((m) => m.to),
      [BOB],
    );
    assert.equal((await byRecipient())[BOB].state, 'queued');
    assert.equal(f.inbox().messages.length, 0);
  });

  it('a misconfigured SMTP delivery is recorded as failed, not retried for ever', async () => {
    f.configure({LAR_MAIL_FROM: ''});
    await threadFollowedBy(['ann', ANN]);
    await f.notify(await f.write('c1', {data: f.comment('sam', 'Samantha')}));
    const logs = await byRecipient();
    assert.equal(logs[ANN].state, 'failed');
    assert.match(logs[ANN].error, /LAR_MAIL_FROM/);
  });

  it('a flood of comments is held at the per-address limit, and what was held is recorded', async () => {
    f.configure({LAR_MAX_EMAILS_PER_ADDRESS_PER_HOUR: '3'});
    await threadFollowedBy(['ann', ANN], ['bob', BOB]);
    for (let i = 1; i <= 5; i++) await f.notify(await f.write(`flood-${i}`, {data: f.comment('spammer', 'Spam')}));
    assert.equal(count(ANN), 3);
    assert.equal(count(BOB), 3);
    const held = (await f.mailLog()).filter((log) => log.state === 'held');
    assert.equal(held.length, 4);
    for (const log of held) assert.equal(log.reason, 'address-limit');
    assert.deepEqual(held.map((log) => log.commentId).sort(), ['flood-4', 'flood-4', 'flood-5', 'flood-5']);
  });

  it('and at the per-thread limit', async () => {
    f.configure({LAR_MAX_EMAILS_PER_THREAD_PER_HOUR: '4'});
    await threadFollowedBy(['ann', ANN], ['bob', BOB], ['cat', CAT]);
    await f.notify(await f.write('c1', {data: f.comment('spammer', 'Spam')}));
    await f.notify(await f.write('c2', {data: f.comment('spammer', 'Spam')}));
    assert.equal(f.inbox().messages.length, 4);
    const held = (await f.mailLog()).filter((log) => log.state === 'held');
    assert.equal(held.length, 2);
    for (const log of held) assert.equal(log.reason, 'thread-limit');
  });
});
