// Languages (functions/src/mail-strings.ts) through the functions themselves, against the
// Firestore emulator and a real SMTP server: a subscription's `lang` picks the language of its
// reply e-mails, its confirmation e-mail and the pages their links open; the owner's alerts
// follow LAR_OWNER_LANGUAGE; anything unknown is English. Arabic is right to left, with its
// plural forms. `node scripts/with-emulators.mjs "node --test test/functions/"`.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {PAGE_TITLE, builtModule, openAndPress, skip, useFunctions} from './helpers.mjs';

const NB = '\u00a0';
const T = PAGE_TITLE;
const OWNER = 'owner@blog.example';
const THREADS = [
  ['thread-arrival', 'Arrival'],
  ['thread-solaris', 'Solaris'],
];

/** What each language says of Samantha's new comment: [subject, lead, the first unsubscribe label]. */
const NEW_COMMENT = {
  en: [`New comment by Samantha on “${T}”`, `Samantha commented on “${T}”:`, 'Stop e-mails about this page'],
  fr: [
    `Nouveau commentaire de Samantha sur «${NB}${T}${NB}»`,
    `Samantha a laissé un commentaire sur «${NB}${T}${NB}»${NB}:`,
    'Ne plus recevoir d’e-mails pour cette page',
  ],
  de: [
    `Neuer Kommentar von Samantha zu „${T}“`,
    `Samantha hat einen Kommentar zu „${T}“ geschrieben:`,
    'Keine E-Mails mehr zu dieser Seite',
  ],
  es: [
    `Nuevo comentario de Samantha en «${T}»`,
    `Samantha comentó en «${T}»:`,
    'No recibir más correos sobre esta página',
  ],
  ja: [
    `「${T}」にSamanthaさんから新しいコメントが届きました`,
    `Samanthaさんが「${T}」にコメントしました：`,
    'このページに関するメールを停止する',
  ],
  ar: [`تعليق جديد من Samantha على «${T}»`, `علّق Samantha على «${T}»:`, 'إيقاف الرسائل عن هذه الصفحة'],
};

describe('languages of the e-mails and pages', {skip}, () => {
  const f = useFunctions('demo-lar-functions-languages');
  let comments = 0;

  const newComment = async (threadId = f.thread(), changes = {}) =>
    f.notify(await f.write(`c${++comments}`, {threadId, data: f.comment('sam', 'Samantha', changes)}));
  const only = (address) => {
    const messages = f.inbox().to(address);
    assert.equal(messages.length, 1, `one e-mail to ${address}`);
    return messages[0];
  };
  const htmlTag = (html) => /<html [^>]*>/.exec(html)?.[0];

  it('each subscriber gets the e-mail in their subscription’s language; none or an unknown one is English', async () => {
    await f.seedThread();
    for (const lang of Object.keys(NEW_COMMENT)) await f.subscribe(lang, `${lang}@her.example`, f.thread(), {lang});
    // Written past the rules (an older widget, the console): no language, or one there is no catalog for.
    await f.subscribe('plain', 'plain@her.example');
    await f.db().doc(`subscriptions/${f.thread()}/subscribers/pt`).set({email: 'pt@her.example', lang: 'pt'});
    await fetch(f.confirmLink('pt@her.example', 'pt'), {method: 'POST'});
    await newComment(f.thread(), {body: 'Un film sur la solitude.'});

    for (const [lang, [subject, lead, stop]] of Object.entries(NEW_COMMENT)) {
      const mail = only(`${lang}@her.example`);
      assert.equal(mail.subject, subject, lang);
      assert.ok(mail.text.startsWith(`${lead}\n\n  Un film sur la solitude.`), `${lang}: ${mail.text}`);
      const link = mail.linkAfter(stop);
      assert.equal(link, mail.listUnsubscribe, lang);
      assert.equal(new URL(link).searchParams.get('lang'), lang === 'en' ? null : lang);
      assert.equal(htmlTag(mail.html), `<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
      assert.ok(mail.html.includes(`<div dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`), lang);
    }
    for (const address of ['plain@her.example', 'pt@her.example']) {
      const mail = only(address);
      assert.equal(mail.subject, NEW_COMMENT.en[0]);
      assert.equal(htmlTag(mail.html), '<html lang="en" dir="ltr">');
    }
    // Arabic quotes the comment with its bar on the right, where the text starts.
    assert.match(only('ar@her.example').html, /<blockquote style="[^"]*border-right:3px/);
    assert.match(only('en@her.example').html, /<blockquote style="[^"]*border-left:3px/);
    // Japanese: full-width punctuation between a label and its link too.
    assert.match(only('ja@her.example').text, /このページに関するメールを停止する：http/);
  });

  it('a reply says so in the reader’s language', async () => {
    await f.seedThread();
    await f.subscribe('ann', 'ann@her.example', f.thread(), {lang: 'fr'});
    await f.subscribe('bob', 'bob@her.example', f.thread(), {lang: 'ar'});
    await f.subscribe('cat', 'cat@her.example', f.thread(), {lang: 'de'});
    await f.notify(await f.write('by-ann', {data: f.comment('ann', 'Ann')}));
    await f.notify(await f.write('by-bob', {data: f.comment('bob', 'Bob')}));
    await f.notify(await f.write('by-cat', {data: f.comment('cat', 'Cat')}));
    f.inbox().reset();
    for (const parentId of ['by-ann', 'by-bob', 'by-cat']) await newComment(f.thread(), {parentId, rootId: parentId});

    const subjects = (address) =>
      f
        .inbox()
        .to(address)
        .map((m) => m.subject);
    assert.ok(subjects('ann@her.example').includes(`Samantha a répondu à votre commentaire sur «${NB}${T}${NB}»`));
    assert.ok(subjects('bob@her.example').includes(`ردّ Samantha على تعليقك في «${T}»`));
    assert.ok(subjects('cat@her.example').includes(`Samantha hat auf deinen Kommentar zu „${T}“ geantwortet`));
    const french = f
      .inbox()
      .to('ann@her.example')
      .find((m) => m.subject.includes('a répondu'));
    assert.match(french.text, /Vous recevez cet e-mail car vous avez demandé à recevoir les nouveaux commentaires/);
    assert.match(french.text, /Ne plus recevoir d’e-mails pour aucune page de ce site\u00a0: http/);
  });

  it('a French guest is asked to confirm in French, on a French page', async () => {
    await f.seedThread();
    await f.requestConfirmation(
      await f.subscribe('ann', 'ann@her.example', f.thread(), {lang: 'fr', confirmed: false}),
    );
    const ask = only('ann@her.example');
    assert.equal(ask.subject, `Confirmez votre abonnement aux commentaires sur «${NB}${T}${NB}»`);
    assert.match(ask.text, /Quelqu’un, sans doute vous, a demandé à recevoir à cette adresse un e-mail/);
    assert.match(ask.text, /Ce lien est valable 7 jours\./);
    assert.equal(htmlTag(ask.html), '<html lang="fr" dir="ltr">');
    const link = ask.linkAfter('Confirmer mon adresse');
    assert.equal(new URL(link).searchParams.get('lang'), 'fr');

    const {opened, pressed} = await openAndPress(link);
    assert.equal(htmlTag(opened.page), '<html lang="fr" dir="ltr">');
    assert.match(opened.page, /<h1>Confirmez votre adresse<\/h1>/);
    assert.match(opened.page, /<button type="submit">Confirmer<\/button>/);
    assert.match(pressed.page, /<h1>Adresse confirmée<\/h1>/);
    assert.match(pressed.page, /Elle suit 1 page\./);
  });

  it('an Arabic guest gets Arabic e-mails and right-to-left pages, with Arabic plural forms', async () => {
    await f.seedThread();
    for (const [id, title] of THREADS) await f.seedThread(id, {url: `https://blog.example/${id}`, title});
    const email = 'ar@her.example';
    await f.requestConfirmation(await f.subscribe('ar', email, f.thread(), {lang: 'ar', confirmed: false}));
    await f.subscribe('ar', email, THREADS[0][0], {lang: 'ar', confirmed: false});
    const ask = only(email);
    assert.equal(ask.subject, `يُرجى التأكيد: رسائل عن التعليقات الجديدة على «${T}»`);
    assert.match(ask.text, /الرابط صالح لمدة 7 أيام\./);
    assert.equal(htmlTag(ask.html), '<html lang="ar" dir="rtl">');

    const {opened, pressed} = await openAndPress(ask.linkAfter('تأكيد عنواني'));
    assert.equal(htmlTag(opened.page), '<html lang="ar" dir="rtl">');
    assert.match(opened.page, /<h1>تأكيد عنوانك<\/h1>/);
    assert.equal(htmlTag(pressed.page), '<html lang="ar" dir="rtl">');
    // Two pages: the dual.
    assert.match(pressed.page, /هذا العنوان مشترك الآن في صفحتين\./);

    await f.subscribe('ar', email, THREADS[1][0], {lang: 'ar'});
    f.inbox().reset();
    await newComment();
    const mail = only(email);
    assert.equal(mail.subject, NEW_COMMENT.ar[0]);
    const {opened: asked, pressed: done} = await openAndPress(mail.linkAfter('إيقاف الرسائل عن كل صفحات هذا الموقع'));
    assert.equal(htmlTag(asked.page), '<html lang="ar" dir="rtl">');
    assert.match(asked.page, /<h1>إيقاف هذه الرسائل؟<\/h1>/);
    assert.match(asked.page, /<button type="submit">إلغاء الاشتراك<\/button>/);
    // Three pages: the plural of 3 to 10.
    assert.match(done.page, /كان هذا العنوان مشتركًا في 3 صفحات\./);
  });

  it('opening a French unsubscribe link shows a French page, and changes nothing until pressed', async () => {
    await f.seedThread();
    await f.subscribe('ann', 'ann@her.example', f.thread(), {lang: 'fr'});
    await newComment();
    const link = only('ann@her.example').listUnsubscribe;
    const opened = await (await fetch(link)).text();
    assert.equal(htmlTag(opened), '<html lang="fr" dir="ltr">');
    assert.ok(opened.includes(`<h1>Ne plus recevoir ces e-mails${NB}?</h1>`));
    assert.equal(await f.subscriptionExists('ann'), true);
    const {pressed} = await openAndPress(link);
    assert.match(pressed.page, /<h1>Désabonnement effectué<\/h1>/);
    assert.ok(
      pressed.page.includes(
        `ann@her.example ne recevra plus d’e-mails sur les nouveaux commentaires publiés sur «${NB}${T}${NB}».`,
      ),
    );
    assert.equal(await f.subscriptionExists('ann'), false);
  });

  it('the owner’s alerts speak LAR_OWNER_LANGUAGE, whatever the readers’ languages', async () => {
    f.configure({LAR_OWNER_EMAILS: OWNER, LAR_OWNER_LANGUAGE: 'de'});
    await f.seedThread();
    await f.subscribe('ann', 'ann@her.example', f.thread(), {lang: 'fr'});
    await newComment(f.thread(), {status: 'pending'});
    const alert = only(OWNER);
    assert.equal(alert.subject, `Kommentar wartet auf Freigabe: Samantha zu „${T}“`);
    assert.ok(alert.text.startsWith(`Ein Kommentar von Samantha (als Gast) zu „${T}“ wartet auf deine Freigabe:`));
    assert.equal(htmlTag(alert.html), '<html lang="de" dir="ltr">');
    const opened = await (await fetch(alert.linkAfter('Keine Benachrichtigungen mehr an diese Adresse'))).text();
    assert.match(opened, /Mit dem Button unten erhält owner@blog\.example keine Benachrichtigungen mehr/);

    f.configure({LAR_OWNER_LANGUAGE: 'ja'});
    f.inbox().reset();
    await newComment(f.thread(), {status: 'pending'});
    const japanese = only(OWNER);
    assert.equal(japanese.subject, `【承認待ち】「${T}」へのSamanthaさんのコメント`);
    assert.ok(japanese.text.startsWith(`「${T}」へのSamantha（ゲスト）のコメントが承認を待っています：`));

    f.configure({LAR_OWNER_LANGUAGE: 'klingon'});
    f.inbox().reset();
    await newComment(f.thread(), {status: 'pending'});
    assert.equal(only(OWNER).subject, `Comment awaiting moderation: Samantha on “${T}”`);
  });

  it('every catalog words counts by its plural rules, and names a language it has', async () => {
    const {mailStrings, languageOf, LANGUAGES} = await import(builtModule('mail-strings.js'));
    assert.deepEqual(LANGUAGES, ['en', 'fr', 'de', 'es', 'ja', 'ar']);
    assert.equal(languageOf('fr-CA'), 'fr');
    assert.equal(languageOf('AR'), 'ar');
    for (const unknown of ['pt', '', undefined, 42, 'english']) assert.equal(languageOf(unknown), 'en');
    const ar = mailStrings('ar').pages.confirmed;
    const arabic = {
      1: 'في صفحة واحدة.',
      2: 'في صفحتين.',
      3: 'في 3 صفحات.',
      10: 'في 10 صفحات.',
      11: 'في 11 صفحةً.',
      99: 'في 99 صفحةً.',
      100: 'في 100 صفحة.',
      102: 'في 102 صفحة.',
    };
    for (const [count, words] of Object.entries(arabic))
      assert.ok(
        ar.message('x@her.example', Number(count)).endsWith(words),
        `${count}: ${ar.message('x@her.example', Number(count))}`,
      );
    assert.ok(mailStrings('fr').pages.confirmed.message('x@her.example', 1).endsWith('Elle suit 1 page.'));
    assert.ok(mailStrings('fr').pages.confirmed.message('x@her.example', 2).endsWith('Elle suit 2 pages.'));
    assert.ok(mailStrings('de').confirm.validFor(1).includes('1 Tag lang'));
    assert.ok(
      mailStrings('en')
        .pages.confirmed.message('x@her.example', 0)
        .endsWith('It follows no page at the moment: subscribe on a page to get its new comments.'),
    );
    // Every catalog has every sentence (no language falls back silently), and the dir of its script.
    const shape = (value) =>
      typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
        : typeof value;
    for (const lang of LANGUAGES) {
      assert.deepEqual(shape(mailStrings(lang)), shape(mailStrings('en')), lang);
      assert.equal(mailStrings(lang).dir, lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(mailStrings(lang).lang, lang);
    }
  });
});
