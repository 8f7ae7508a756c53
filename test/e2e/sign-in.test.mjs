// Sign-in end to end: the built script-tag bundle on a plain page, backend="local" (comments in the
// browser) with Firebase Auth on the real Auth emulator, which `npm test` starts
// (scripts/with-auth-emulator.mjs). Pop-ups go through the emulator's own provider page
// (/emulator/auth/handler), driven here with Playwright like a reader would.
//
// Offline, firebase/auth's pop-up code cannot load https://apis.google.com/js/api.js; every
// context answers that URL with test/stand-ins/gapi-stand-in.js (see the comment there), and
// turns away the emulator page's fonts and stylesheet CDNs, which it does not need.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {launchChromium} from './chromium.mjs';
import {serveStatic} from './static-server.mjs';
import {unsignedCustomToken} from './custom-token.mjs';
import {reviewPage} from './built-site.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const GAPI_STAND_IN = fileURLToPath(new URL('../stand-ins/gapi-stand-in.js', import.meta.url));
const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST;
const PROJECT = 'demo-lar';
const skip = AUTH_HOST ? false : 'no Auth emulator: `npm test` starts one and sets FIREBASE_AUTH_EMULATOR_HOST';

const page = (providers) =>
  reviewPage(`
  <article><h1>Film Review for Her</h1></article>
  <leave-a-reply loading="eager" backend="local" api-key="demo-key" project-id="${PROJECT}"
                 auth-domain="${PROJECT}.firebaseapp.com" auth-emulator="http://${AUTH_HOST}"
                 providers="${providers}"></leave-a-reply>
`);

let server;
let browser;
let run = 0;
const unique = (label) => `${label} ${Date.now()}-${run++}`;

before(async () => {
  if (skip) return;
  assert.ok(existsSync(`${dist}leave-a-reply.js`), 'run `npm run build` first');
  server = await serveStatic(dist, {
    '/review/': page('guest google github email'),
    '/members/': page('google github'),
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A reader in a browser of their own (a fresh context), on the review page. */
async function reader({path = '/review/', blockPopups = false} = {}) {
  const context = await browser.newContext();
  await context.route('https://apis.google.com/js/api.js*', (route) =>
    route.fulfill({path: GAPI_STAND_IN, contentType: 'text/javascript'}),
  );
  await context.route(/^https:\/\/(unpkg\.com|fonts\.googleapis\.com|fonts\.gstatic\.com|gravatar\.com)\//, (route) =>
    route.abort(),
  );
  await context.route('https://lh3.googleusercontent.com/**', (route) =>
    route.fulfill({
      contentType: 'image/svg+xml',
      body: '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
    }),
  );
  // Every event the widget fires, from the first moment of every page load.
  await context.addInitScript(() => {
    window.__lar = [];
    for (const type of ['lar-sign-in', 'lar-sign-out', 'lar-comment-posted', 'lar-error']) {
      document.addEventListener(type, (event) => window.__lar.push({type, detail: event.detail ?? null}));
    }
  });
  if (blockPopups) await context.addInitScript(() => (window.open = () => null));
  const tab = await context.newPage();
  // Generous: `node --test` runs the e2e files side by side, each with its own Chromium, and on a busy
  // two-core machine a pop-up (the auth chunks, then the emulator's page) took over 20 s to open.
  tab.setDefaultTimeout(60_000);
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${server.url}${path}`);
  await widgetShown(tab);
  return {context, page: tab, errors};
}

const widgetShown = (tab) => tab.getByRole('heading', {name: /on “Film Review for Her”/}).waitFor();
const events = (tab, type) => tab.evaluate((t) => window.__lar.filter((e) => e.type === t).map((e) => e.detail), type);
const legend = (tab) => tab.locator('legend').innerText();
/** Whether the page has loaded the built chunk of this module (dist/chunks/<name>-<hash>.js). */
const chunkLoaded = (tab, name) =>
  tab.evaluate(
    (prefix) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.startsWith(prefix)),
    `/chunks/${name}-`,
  );

/** Clicks a provider's icon and completes its pop-up on the emulator's page. */
async function signInWithPopup(tab, provider, account) {
  const popup = tab.waitForEvent('popup');
  await tab.getByRole('button', {name: `Log in with ${provider}`}).click();
  await tab.getByText(`Connecting to ${provider}…`).waitFor();
  const window = await popup;
  await chooseAccount(window, account);
  await window.waitForEvent('close');
}

/** On the emulator's provider page: an account made up on the spot, or one that exists. */
async function chooseAccount(providerPage, {name, email, photo, existing}) {
  if (existing) {
    await providerPage.locator('.js-reuse-account', {hasText: existing}).click();
    return;
  }
  await providerPage.locator('#add-account-button button').click();
  await providerPage.locator('#email-input').fill(email);
  await providerPage.locator('#display-name-input').fill(name);
  if (photo) await providerPage.locator('#profile-photo-input').fill(photo);
  await providerPage.locator('#sign-in').click();
}

async function postComment(tab, body, guest) {
  await tab.getByLabel('Comment', {exact: true}).fill(body);
  if (guest) {
    await tab.getByLabel('Email (required)').fill(guest.email);
    await tab.getByLabel('Name (required)').fill(guest.name);
  }
  const before = (await events(tab, 'lar-comment-posted')).length;
  await tab.getByRole('button', {name: 'Post Comment'}).click();
  await tab.waitForFunction((n) => window.__lar.filter((e) => e.type === 'lar-comment-posted').length > n, before);
  return (await events(tab, 'lar-comment-posted')).at(-1);
}

describe('sign-in against the Auth emulator', {skip, concurrency: true}, () => {
  test('a reader signs in with Google in the pop-up, posts as that account, and is still signed in after a reload', async () => {
    const {context, page, errors} = await reader();
    const name = unique('Theodore');
    await signInWithPopup(page, 'Google', {
      name,
      email: `theo-${run}@example.com`,
      photo: 'https://lh3.googleusercontent.com/a/theo.svg',
    });

    assert.equal(await legend(page), 'You are commenting using your Google account.');
    await page.getByText(name, {exact: true}).waitFor();
    assert.equal(
      await page.locator('.account-photo').getAttribute('src'),
      'https://lh3.googleusercontent.com/a/theo.svg',
    );
    await page.getByRole('button', {name: 'Log Out'}).waitFor();
    await page.getByRole('button', {name: 'Change'}).waitFor();
    const [signedIn] = await events(page, 'lar-sign-in');
    assert.equal(signedIn.provider, 'google');
    assert.equal(signedIn.name, name);

    const comment = await postComment(page, 'Posted with my Google account.');
    assert.deepEqual(comment.author, {
      uid: signedIn.uid,
      name,
      provider: 'google',
      avatarUrl: 'https://lh3.googleusercontent.com/a/theo.svg',
    });

    await page.reload();
    await widgetShown(page);
    await page.getByText('You are commenting using your Google account.').waitFor();
    const [restored] = await events(page, 'lar-sign-in');
    assert.equal(restored.uid, signedIn.uid);
    assert.equal(
      await chunkLoaded(page, 'firebase-auth-providers'),
      false,
      'a returning reader needs the Auth core only',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a guest who then signs in with Google keeps authorship of the guest comment', async () => {
    const {context, page} = await reader();
    const guestComment = await postComment(page, 'Written as a guest.', {
      email: 'samantha@example.com',
      name: 'Samantha',
    });
    const guestUid = guestComment.author.uid;
    assert.equal(guestComment.author.provider, 'guest');

    await signInWithPopup(page, 'Google', {name: unique('Samantha'), email: `samantha-${run}@example.com`});
    await page.getByText('Your earlier comments as a guest are now part of your Google account.').waitFor();
    const signedIn = (await events(page, 'lar-sign-in')).at(-1);
    assert.equal(signedIn.provider, 'google');
    assert.equal(signedIn.uid, guestUid, 'the account was linked to the guest: the same uid wrote the guest comment');

    const later = await postComment(page, 'And now with Google.');
    assert.equal(later.author.uid, guestUid);
    await context.close();
  });

  test('a guest whose Google account was already used here is signed in to it, and told the guest comment stays the guest’s', async () => {
    const amelia = unique('Amelia');
    const first = await reader();
    await signInWithPopup(first.page, 'Google', {name: amelia, email: `amelia-${run}@example.com`});
    const [account] = await events(first.page, 'lar-sign-in');
    await first.context.close();

    const {context, page} = await reader();
    const guestComment = await postComment(page, 'Guest words.', {email: 'amelia@example.com', name: 'Amy'});
    await signInWithPopup(page, 'Google', {existing: amelia});
    await page
      .getByText(
        'That Google account was already in use here, so you are now logged in with it. Comments you wrote as a guest stay under your guest name.',
      )
      .waitFor();
    const signedIn = (await events(page, 'lar-sign-in')).at(-1);
    assert.equal(signedIn.uid, account.uid);
    assert.notEqual(signedIn.uid, guestComment.author.uid);
    await page.getByText('Guest words.').waitFor();
    await context.close();
  });

  test('closing the pop-up says the sign-in was cancelled, and the typed comment stays', async () => {
    const {context, page} = await reader();
    await page.getByLabel('Comment', {exact: true}).fill('Half a thought, not lost.');
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', {name: 'Log in with GitHub'}).click();
    await (await popup).close();
    // The SDK notices a closed pop-up by polling, then waits for a late answer: about 10 s.
    await page.getByText('Logging in was cancelled. Your comment is still here.').waitFor({timeout: 30_000});
    assert.equal(await page.getByLabel('Comment', {exact: true}).inputValue(), 'Half a thought, not lost.');
    assert.equal(await legend(page), 'Fill in your details below or click an icon to log in:');
    assert.deepEqual(await events(page, 'lar-error'), [], 'a cancel is not an error');
    await context.close();
  });

  test('an error from the provider is explained next to the icons, and the comment stays', async () => {
    const {context, page} = await reader();
    await page.getByLabel('Comment', {exact: true}).fill('Still here after the error.');
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', {name: 'Log in with GitHub'}).click();
    const providerPage = await popup;
    await providerPage.waitForLoadState();
    // What Firebase's own handler page reports when the provider refuses: an auth event with an error.
    /* global saveAuthEvent, authType, eventId -- the emulator's page's own */
    await providerPage.evaluate(() =>
      saveAuthEvent({
        type: authType,
        eventId,
        urlResponse: null,
        sessionId: null,
        postBody: null,
        tenantId: null,
        error: {code: 'auth/operation-not-allowed', message: 'GitHub sign-in is disabled for this project.'},
      }),
    );
    await page
      .getByText('Logging in with GitHub is not turned on for this site. Your comment is still here.')
      .waitFor();
    assert.equal(await page.getByLabel('Comment', {exact: true}).inputValue(), 'Still here after the error.');
    const [error] = await events(page, 'lar-error');
    assert.equal(error.code, 'auth/operation-not-allowed');
    await context.close();
  });

  test('offline, a click on a provider says the connection is the problem, in words, and the comment stays', async () => {
    const {context, page} = await reader();
    await page.getByLabel('Comment', {exact: true}).fill('Written on a train.');
    await context.setOffline(true);
    await page.getByRole('button', {name: 'Log in with Google'}).click();
    await page
      .getByText(
        'The sign-in service could not be reached. Check your connection and try again. Your comment is still here.',
      )
      .waitFor();
    assert.equal(await page.getByText(/Error\.|Firebase|auth\/|Failed to fetch/).count(), 0, 'no backend text shown');
    assert.equal(await page.getByLabel('Comment', {exact: true}).inputValue(), 'Written on a train.');
    await context.setOffline(false);
    await context.close();
  });

  test('a blocked pop-up falls back to a redirect, and the reader comes back signed in', async () => {
    const {context, page} = await reader({blockPopups: true});
    await page.getByLabel('Comment', {exact: true}).fill('Typed before the redirect.');
    await page.getByRole('button', {name: 'Log in with Google'}).click();
    await page.waitForURL(/\/emulator\/auth\/handler\?/);
    assert.match(page.url(), /authType=signInViaRedirect/);
    const name = unique('Redirected Reader');
    await chooseAccount(page, {name, email: `redirect-${run}@example.com`});
    await page.waitForURL(`${server.url}/review/`);
    await page.getByText('You are commenting using your Google account.').waitFor();
    await page.getByText(name, {exact: true}).waitFor();
    assert.equal(await page.getByLabel('Comment', {exact: true}).inputValue(), 'Typed before the redirect.');
    await context.close();
  });

  test('Log Out signs out; Change lets the reader pick another way', async () => {
    const {context, page} = await reader();
    await signInWithPopup(page, 'Google', {name: unique('Ada'), email: `ada-${run}@example.com`});
    const [google] = await events(page, 'lar-sign-in');

    await page.getByRole('button', {name: 'Change'}).click();
    await page.getByRole('button', {name: 'Comment as a guest'}).waitFor();
    const github = unique('Ada on GitHub');
    await signInWithPopup(page, 'GitHub', {name: github, email: `ada-gh-${run}@example.com`});
    await page.getByText('You are commenting using your GitHub account.').waitFor();
    const signedIn = (await events(page, 'lar-sign-in')).at(-1);
    assert.equal(signedIn.provider, 'github');
    assert.notEqual(signedIn.uid, google.uid);

    await page.getByRole('button', {name: 'Log Out'}).click();
    await page.getByText('You have logged out.').waitFor();
    assert.equal((await events(page, 'lar-sign-out')).length, 1);
    await page.getByLabel('Email (required)').waitFor();
    await page.reload();
    await widgetShown(page);
    await page.getByLabel('Email (required)').waitFor();
    assert.equal(await legend(page), 'Fill in your details below or click an icon to log in:');
    await context.close();
  });

  test('an email link: the reader asks for one, opens it, and is signed in with the comment still there', async () => {
    const {context, page} = await reader();
    await page.getByLabel('Comment', {exact: true}).fill('Waiting for my link.');
    await page.getByRole('button', {name: 'Log in with a link sent by email'}).click();
    const email = `link-${Date.now()}-${run++}@example.com`;
    await page.getByLabel('Your email address').fill(email);
    await page.getByRole('button', {name: 'Send link'}).click();
    await page.getByText(`We sent a sign-in link to ${email}.`, {exact: false}).waitFor();

    // The emulator "sends" the message through its REST API.
    const response = await fetch(`http://${AUTH_HOST}/emulator/v1/projects/${PROJECT}/oobCodes`);
    const {oobCodes} = await response.json();
    const {oobLink} = oobCodes.filter((code) => code.email === email && code.requestType === 'EMAIL_SIGNIN').at(-1);
    await page.goto(oobLink);
    await page.waitForURL(`${server.url}/review/`); // back, with the link taken out of the address
    await page.getByText('You are commenting using your email address.').waitFor();
    assert.equal(await page.getByLabel('Comment', {exact: true}).inputValue(), 'Waiting for my link.');

    await page.getByLabel('Name (required)').fill('Link Reader');
    const comment = await postComment(page, 'Signed in by email link.');
    assert.equal(comment.author.provider, 'email');
    assert.equal(comment.author.name, 'Link Reader');
    await context.close();
  });

  test('Auth loads in two steps: its core once the page is idle, sign-in with an account at a provider click', async () => {
    const {context, page} = await reader();
    // Without the reader doing anything: a guest's post must not need a download (it may be offline by then).
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((e) => new URL(e.name).pathname.startsWith('/chunks/firebase-auth-core-')),
    );
    const comment = await postComment(page, 'A guest, with the core only.', {email: 'core@example.com', name: 'Core'});
    assert.equal(comment.author.provider, 'guest');
    assert.equal(await chunkLoaded(page, 'firebase-auth-core'), true);
    assert.equal(await chunkLoaded(page, 'firebase-auth-providers'), false, 'a guest needs no provider code');

    await signInWithPopup(page, 'Google', {name: unique('Provider'), email: `provider-${run}@example.com`});
    await page.getByText('You are commenting using your Google account.').waitFor();
    assert.equal(await chunkLoaded(page, 'firebase-auth-providers'), true);
    await context.close();
  });

  test('signInWithCustomToken() signs in with the site’s own account; signOut() signs out', async () => {
    const {context, page} = await reader({path: '/members/'});
    await page.getByText('Click an icon to log in:').waitFor();
    assert.equal(await page.getByLabel('Email (required)').count(), 0, 'no guest form on this page');
    await page.evaluate(
      (token) => document.querySelector('leave-a-reply').signInWithCustomToken(token),
      unsignedCustomToken('member-7'),
    );
    await page.getByText('You are commenting using your account on this site.').waitFor();
    assert.deepEqual((await events(page, 'lar-sign-in')).at(-1), {uid: 'member-7', provider: 'custom'});

    await page.evaluate(() => document.querySelector('leave-a-reply').signOut());
    await page.getByText('Click an icon to log in:').waitFor();
    assert.equal((await events(page, 'lar-sign-out')).length, 1);
    await context.close();
  });
});
