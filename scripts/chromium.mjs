// Debian's Chromium (or CHROME_PATH), with the flags this offline environment needs: no sandbox
// (root), no GPU, and none of the background calls home that a closed network refuses.
import {existsSync} from 'node:fs';

export const chromiumLaunchOptions = {
  executablePath:
    process.env.CHROME_PATH ??
    ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // The full browser (new headless mode) builds its address bar's pop-up, a page of some hundred
    // modules, in every new window, so in every browser context a test or the bench opens, while
    // the page under test loads: on two cores that took a share of the CPU from every page timed.
    // (Chromium merges this list with Playwright's own --disable-features: a later one, checked by
    // hand, does not undo an earlier one.)
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
  ],
};
