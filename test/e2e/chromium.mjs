import {chromium} from 'playwright';
import {chromiumLaunchOptions} from '../../scripts/chromium.mjs';

export function launchChromium() {
  return chromium.launch(chromiumLaunchOptions);
}
