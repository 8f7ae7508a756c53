/**
 * demo/configurator.html: the owner's choices become the attributes of a live preview widget and
 * of the snippet to copy. The preview runs on backend="local", inside a <leave-a-reply-config>
 * whose store (asked for through the public context protocol) seeds three sample comments, so
 * theme, order and language show on something.
 */
import {ContextEvent} from '@lit/context';
import type {LeaveAReplyElement} from '../src/components/leave-a-reply/leave-a-reply.js';
import {commentStoreContext, type CommentStore} from '../src/store/comment-store.js';

/** jsDelivr serves every published version of the npm package; `@0` follows the 0.x releases. */
const DEFAULT_SCRIPT_URL = 'https://cdn.jsdelivr.net/npm/leave-a-reply@0/dist/leave-a-reply.js';

/** The preview's own thread: named by page-id, so it never mixes with a real page's comments. */
const PREVIEW = {id: 'configurator-preview', url: 'https://your-site.example/a-post/', title: 'Your latest post'};

interface Choices {
  providers: string[];
  theme: string;
  sort: string;
  lang: string;
  projectId: string;
  apiKey: string;
  appId: string;
  scriptUrl: string;
}

const form = document.querySelector<HTMLFormElement>('#choices')!;
const snippet = document.querySelector<HTMLTextAreaElement>('#snippet')!;
const copyButton = document.querySelector<HTMLButtonElement>('#copy')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;
const scriptUrlInput = form.querySelector<HTMLInputElement>('#script-url')!;

function readChoices(): Choices {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return {
    // Checkbox order is display order.
    providers: data.getAll('providers').map(String),
    theme: text('theme'),
    sort: text('sort'),
    lang: text('lang'),
    projectId: text('project-id'),
    apiKey: text('api-key'),
    appId: text('app-id'),
    scriptUrl: text('script-url') || DEFAULT_SCRIPT_URL,
  };
}

/** The widget's look-and-feel attributes: only those that differ from the defaults. */
function widgetAttributes(c: Choices): Array<[string, string]> {
  const providers = c.providers.join(' ');
  return [
    ...(providers && providers !== 'guest' ? [['providers', providers] as [string, string]] : []),
    ...(c.theme && c.theme !== 'auto' ? [['theme', c.theme] as [string, string]] : []),
    ...(c.sort && c.sort !== 'oldest' ? [['sort', c.sort] as [string, string]] : []),
    ...(c.lang ? [['lang', c.lang] as [string, string]] : []),
  ];
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The two lines the owner pastes: the script tag and the element with their settings. */
function buildSnippet(c: Choices): string {
  const project = c.projectId || 'your-project-id';
  const attributes: Array<[string, string]> = [
    ['api-key', c.apiKey || '…'],
    ['project-id', project],
    ['auth-domain', `${project}.firebaseapp.com`],
    ['app-id', c.appId || '…'],
    ...widgetAttributes(c),
  ];
  const indent = ' '.repeat('<leave-a-reply '.length);
  const lines: string[] = [];
  let line = '<leave-a-reply';
  for (const [name, value] of attributes) {
    const attribute = ` ${name}="${escapeAttribute(value)}"`;
    if (line.length + attribute.length > 100) {
      lines.push(line);
      line = indent + attribute.trimStart();
    } else {
      line += attribute;
    }
  }
  lines.push(`${line}></leave-a-reply>`);
  return `<script type="module" src="${escapeAttribute(c.scriptUrl)}"></script>\n${lines.join('\n')}\n`;
}

// --- the live preview ---

const config = document.createElement('leave-a-reply-config');
config.setAttribute('backend', 'local');
const preview = document.createElement('leave-a-reply') as LeaveAReplyElement;
preview.setAttribute('loading', 'eager');
preview.setAttribute('page-id', PREVIEW.id);
preview.setAttribute('page-url', PREVIEW.url);
preview.setAttribute('page-title', PREVIEW.title);
config.append(preview);
document.querySelector('#preview')!.append(config);

const PREVIEW_ATTRIBUTES = ['providers', 'theme', 'sort', 'lang'];

function update() {
  const choices = readChoices();
  snippet.value = buildSnippet(choices);
  const wanted = new Map(widgetAttributes(choices));
  for (const name of PREVIEW_ATTRIBUTES) {
    const value = wanted.get(name);
    if (value === undefined) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
  }
  copyStatus.textContent = '';
}

/** Three sample comments in the preview's thread, the first time the configurator opens here. */
function seedPreview() {
  preview.dispatchEvent(
    new ContextEvent(
      commentStoreContext,
      preview,
      async (store: CommentStore | undefined, unsubscribe?: () => void) => {
        if (!store) return;
        unsubscribe?.();
        const [count] = await store.countComments([PREVIEW]);
        if (count) return;
        const sample = (name: string, body: string, parentId: string | null = null) =>
          store.post(PREVIEW, {parentId, body, author: {uid: `sample-${name.toLowerCase()}`, name, provider: 'guest'}});
        const first = await sample('Maya', 'This is what a comment looks like with your choices.');
        await sample('Tomás', 'And a reply, nested under it.', first.id);
        await sample('Nora', 'Switch the order to “Newest first” and I move to the top.');
      },
      true,
    ),
  );
}

// --- copying ---

async function copy() {
  const text = snippet.value;
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = 'Copied to the clipboard.';
  } catch {
    // No clipboard access (an insecure page, a refused permission): select it for the reader.
    snippet.focus();
    snippet.select();
    const mac = /Mac|iPhone|iPad/.test(navigator.platform);
    copyStatus.textContent = `Selected: press ${mac ? '⌘C' : 'Ctrl+C'} to copy.`;
  }
}

scriptUrlInput.placeholder = DEFAULT_SCRIPT_URL;
form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
copyButton.addEventListener('click', () => void copy());
update();
seedPreview();
