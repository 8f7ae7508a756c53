/**
 * The Firebase session loads when first needed (deferred-session.ts): not on the way to the
 * thread's first render for a new reader, at once for one Auth may know. A LocalSession stands in
 * for the loaded session here; the real one is tested against the Auth emulator elsewhere.
 */
import {expect} from '@open-wc/testing';
import {DeferredSession} from '../../../src/auth/firebase/deferred-session.js';
import {LocalSession} from '../../../src/auth/local-session.js';
import type {SessionUser} from '../../../src/auth/session.js';

function deferred(known = false) {
  const storage = sessionStorage;
  storage.removeItem('leave-a-reply:guest-uid');
  const loads: LocalSession[] = [];
  const session = new DeferredSession(
    async () => {
      const real = new LocalSession(storage);
      loads.push(real);
      return real;
    },
    () => known,
  );
  return {session, loads};
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DeferredSession', () => {
  afterEach(() => sessionStorage.removeItem('leave-a-reply:guest-uid'));

  it('loads nothing for a new reader who only reads, and says nobody is signed in', async () => {
    const {session, loads} = deferred();
    const seen: Array<SessionUser | null> = [];
    session.subscribe((user) => seen.push(user));
    expect(await session.resume()).to.deep.equal({state: 'none'});
    await session.signOut();
    await tick();
    expect(loads.length).to.equal(0);
    expect(seen).to.deep.equal([null]);
    expect(session.user).to.equal(null);
  });

  it('loads the session when the reader starts to write, once, and tells earlier listeners', async () => {
    const {session, loads} = deferred();
    const seen: Array<SessionUser | null> = [];
    session.subscribe((user) => seen.push(user));
    session.prepare();
    const guest = await session.guest();
    expect(loads.length).to.equal(1);
    expect(guest.provider).to.equal('guest');
    expect(session.user).to.deep.equal(guest);
    expect(seen.at(-1)).to.deep.equal(guest);
  });

  it('loads at once for a reader Auth may know, and stops telling a listener that left', async () => {
    const {session, loads} = deferred(true);
    const seen: Array<SessionUser | null> = [];
    const unsubscribe = session.subscribe((user) => seen.push(user));
    await tick();
    expect(loads.length).to.equal(1);
    unsubscribe();
    await session.guest();
    expect(seen.every((user) => user === null)).to.equal(true);
  });
});
