/**
 * What the moderation queue runs on: the same shared store and Firebase session a
 * `<leave-a-reply>` with these settings gets (boot/backend.ts), so on a page with both, a change
 * made in the queue shows in the widget at once, and one sign-in serves both. The settings are the
 * element's own attributes, or an enclosing `<leave-a-reply-config>`'s when it has none.
 */
import type {Session} from '../../../auth/session.js';
import {loadBackend} from '../../../boot/backend.js';
import type {FirebaseOptions} from '../../../boot/firebase-options.js';
import {readSettings, type SettingsProblem} from '../../../boot/settings.js';
import type {ModerationQueue} from '../../../store/moderation-queue.js';
import {MODERATION_STRINGS} from './moderation-strings.js';

export interface ModerationBackend {
  queue: ModerationQueue;
  session: Session;
  /** The sign-in providers the settings name, in order. */
  providers: string[];
}

/** The settings are unusable: each problem names its attribute. */
export class ModerationSetupError extends Error {
  constructor(readonly problems: SettingsProblem[]) {
    super(problems.map((p) => `${p.attribute}: ${p.message}`).join(' '));
    this.name = 'ModerationSetupError';
  }
}

type SettingsHost = HTMLElement & {firebaseConfig?: FirebaseOptions};

const FIREBASE_ATTRIBUTES = ['api-key', 'project-id', 'backend', 'firestore-emulator', 'database-id'];

/** The element itself when it holds a configuration, else the `<leave-a-reply-config>` around it. */
function settingsHost(host: SettingsHost): SettingsHost {
  const own = host.firebaseConfig || FIREBASE_ATTRIBUTES.some((name) => host.hasAttribute(name));
  return own ? host : (host.closest<SettingsHost>('leave-a-reply-config') ?? host);
}

export async function loadModerationBackend(host: SettingsHost): Promise<ModerationBackend> {
  const source = settingsHost(host);
  const {settings, problems} = readSettings(source);
  // Sign-in choices are the queue's own (moderators sign in with an account, never as guests).
  const providers = (host.getAttribute('providers') ?? 'google').split(/\s+/).filter(Boolean);
  if (problems.length) throw new ModerationSetupError(problems);
  if (settings.backend === 'local' || !settings.firebase) {
    throw new ModerationSetupError([{attribute: 'backend', message: MODERATION_STRINGS.localBackend}]);
  }
  const [{store, session}, {moderationQueueFor}] = await Promise.all([
    loadBackend(settings),
    import('../../../store/firestore/firestore-moderation-queue.js'),
  ]);
  const queue = moderationQueueFor(store);
  if (!queue) throw new ModerationSetupError([{attribute: 'backend', message: MODERATION_STRINGS.localBackend}]);
  return {queue, session, providers};
}
