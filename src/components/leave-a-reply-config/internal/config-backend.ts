/**
 * The lazily loaded part of `<leave-a-reply-config>`: reads its settings and loads the shared
 * backend they name (the same one a widget with those attributes would get).
 */
import {loadBackend} from '../../../boot/backend.js';
import {readSettings} from '../../../boot/settings.js';
import {LarErrorEvent} from '../../../events/error-event.js';
import type {LeaveAReplyConfigElement, ProvidedBackend} from '../leave-a-reply-config.js';

const TAG = '<leave-a-reply-config>';

export async function loadConfiguredBackend(host: LeaveAReplyConfigElement): Promise<ProvidedBackend> {
  const {settings, problems} = readSettings(host);
  if (problems.length) {
    for (const problem of problems) console.error(`${TAG} ${problem.attribute}: ${problem.message}`);
    host.dispatchEvent(new LarErrorEvent({code: 'invalid-config', message: problems.map((p) => p.message).join(' ')}));
    return null;
  }
  try {
    const {store, session} = await loadBackend(settings);
    return {store, session};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${TAG} ${message}`);
    host.dispatchEvent(new LarErrorEvent({code: 'backend-failed', message}));
    return null;
  }
}
