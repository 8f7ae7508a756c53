/**
 * The lazily loaded part of `<leave-a-reply-count>`: finds the store (an enclosing provider's, or
 * the shared one its settings load), reads the count in a batch with the other badges, and writes
 * the text in the element's language. No Lit: a badge is one line of text.
 */
import {loadBackend} from '../../../boot/backend.js';
import {readSettings} from '../../../boot/settings.js';
import {LarErrorEvent} from '../../../events/error-event.js';
import {loadMessages} from '../../../i18n/catalogs.js';
import {STRINGS_REGISTERED} from '../../../i18n/registered-strings.js';
import {resolveThread} from '../../../model/page-identity.js';
import type {CommentStore} from '../../../store/comment-store.js';
import {countInBatch} from './count-batch.js';
import type {CountView, LeaveAReplyCountElement} from '../leave-a-reply-count.js';
import type {providedStore} from '../../../shell/lazy-boot.js';

const TAG = '<leave-a-reply-count>';

/**
 * Counts on the page. They follow `<html lang>`, the site's strings, and a reader's new comment: a badge for the
 * thread a widget on this page just posted to counts again (one read), so it never contradicts
 * the widget next to it.
 */
const live = new Set<CountBadge>();
let langObserver: MutationObserver | undefined;

const renderAll = () => live.forEach((b) => void b.render());

function follow(badge: CountBadge, on: boolean) {
  if (on) live.add(badge);
  else live.delete(badge);
  if (live.size && !langObserver) {
    langObserver = new MutationObserver(renderAll);
    langObserver.observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
    addEventListener(STRINGS_REGISTERED, renderAll);
    document.addEventListener('lar-comment-posted', onPosted);
  } else if (!live.size && langObserver) {
    langObserver.disconnect();
    langObserver = undefined;
    removeEventListener(STRINGS_REGISTERED, renderAll);
    document.removeEventListener('lar-comment-posted', onPosted);
  }
}

async function onPosted(event: Event) {
  // Seen from the document, the event comes from the <leave-a-reply> element itself.
  const widget = event.target as Element;
  const {settings} = readSettings(widget as HTMLElement, true);
  const thread = await resolveThread(settings.page, widget.ownerDocument).catch(() => undefined);
  for (const badge of live) if (thread && badge.threadId === thread.id) badge.recount();
}

class CountBadge implements CountView {
  /** What the count was last read for: attributes that change it start a new read. */
  private key = '';
  private generation = 0;
  private renders = 0;
  /** The thread last counted. */
  threadId: string | undefined;

  constructor(
    private readonly host: LeaveAReplyCountElement,
    private readonly provided: typeof providedStore,
  ) {}

  hostChanged(): void {
    follow(this, true);
    const key = JSON.stringify(
      [
        'page-id',
        'page-url',
        'backend',
        'api-key',
        'project-id',
        'auth-domain',
        'app-id',
        'database-id',
        'app-check-site-key',
        'auth-emulator',
        'firestore-emulator',
      ].map((name) => this.host.getAttribute(name)),
    ).concat(JSON.stringify(this.host.firebaseConfig ?? null));
    if (key === this.key) {
      void this.render(); // e.g. `lang` changed
      return;
    }
    this.key = key;
    void this.read();
  }

  disconnected(): void {
    follow(this, false);
  }

  recount(): void {
    void this.read();
  }

  private async read() {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const provided = await this.provided(this.host);
    if (!current()) return;
    const {settings, problems} = readSettings(this.host, !!provided);
    if (problems.length) {
      for (const problem of problems) console.error(`${TAG} ${problem.attribute}: ${problem.message}`);
      this.fail('invalid-config', problems.map((p) => p.message).join(' '));
      return;
    }
    const store: Promise<CommentStore> = provided
      ? Promise.resolve(provided)
      : loadBackend(settings).then((b) => b.store);
    const thread = resolveThread(settings.page, this.host.ownerDocument);
    try {
      const [count, ref] = await Promise.all([countInBatch(store, thread), thread]);
      if (!current()) return;
      this.threadId = ref.id;
      this.host.count = count;
      await this.render();
    } catch (error) {
      if (!current()) return;
      const message = error instanceof Error ? error.message : String(error);
      console.error(`${TAG} ${message}`);
      this.fail('count-failed', message);
    }
  }

  /** Writes the count as text (never markup) in the element's language. */
  async render() {
    const count = this.host.count;
    if (count === undefined) return;
    const lang = this.host.getAttribute('lang')?.trim() || document.documentElement.lang || 'en';
    const render = ++this.renders;
    const messages = await loadMessages(lang, this.host.strings);
    if (render !== this.renders) return; // a newer count or language won
    const root = this.host.shadowRoot!;
    let text = root.querySelector('span');
    if (!text) {
      text = document.createElement('span');
      text.setAttribute('part', 'count');
      root.replaceChildren(text);
    }
    text.lang = messages.lang;
    text.textContent = messages.countBadge(count);
  }

  private fail(code: string, message: string) {
    this.host.dispatchEvent(new LarErrorEvent({code, message}));
  }
}

/** Used by the host element once this chunk has loaded. */
export function createCountView(host: LeaveAReplyCountElement, provided: typeof providedStore): CountView {
  return new CountBadge(host, provided);
}
