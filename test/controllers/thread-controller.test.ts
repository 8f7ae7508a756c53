/**
 * The thread controller tells its subscription whether the thread is near the screen, so a
 * polling store (the Firestore one) pauses while the reader is elsewhere on the page. The store
 * here is a MemoryStore whose watches record what they are told.
 */
import {waitUntil} from '../helpers/wait-until.js';
import {LitElement} from 'lit';
import {ThreadController} from '../../src/controllers/thread-controller.js';
import {MemoryStore} from '../../src/store/memory/memory-store.js';
import type {ThreadRef} from '../../src/model/comment.js';
import type {ThreadState, ThreadWatch, WatchOptions} from '../../src/store/comment-store.js';

class RecordingStore extends MemoryStore {
  readonly told: boolean[] = [];
  override watchThread(thread: ThreadRef, options: WatchOptions, onChange: (state: ThreadState) => void): ThreadWatch {
    return {...super.watchThread(thread, options, onChange), setOnScreen: (onScreen) => this.told.push(onScreen)};
  }
}

class ThreadHost extends LitElement {
  readonly thread = new ThreadController(this);
}
customElements.define('lar-test-thread-host', ThreadHost);

describe('ThreadController', () => {
  it('pauses the subscription while the thread is far from the screen, and resumes it near it', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    const host = document.createElement('lar-test-thread-host') as ThreadHost;
    host.style.display = 'block';
    host.style.height = '10px';
    document.body.append(spacer, host);
    try {
      const store = new RecordingStore();
      host.thread.follow(
        store,
        {id: 'far', url: 'https://blog.example/far', title: 'Far'},
        {sort: 'oldest', pageSize: 20},
      );
      await waitUntil(() => store.told.at(-1) === false, 'not told it is off screen');
      host.scrollIntoView();
      await waitUntil(() => store.told.at(-1) === true, 'not told it is on screen again');
    } finally {
      host.remove();
      spacer.remove();
      scrollTo(0, 0);
    }
  });
});
