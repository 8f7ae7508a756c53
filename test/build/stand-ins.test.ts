/**
 * The build's stand-ins for Firebase's dependencies (build/stand-ins.mjs) behave as the originals
 * do, for what Firebase uses them for. (That Firebase still uses them only so is checked by the
 * build itself; test/build/stand-ins-check.test.mjs shows that check failing.)
 */
import {expect} from '@open-wc/testing';
import {Integer as RealInteger} from '@firebase/webchannel-wrapper/bloom-blob';
import {Integer} from '../../build/bloom-blob-integer.js';
import {openDB} from '../../build/idb-heartbeat.js';

describe('build stand-ins', () => {
  it('orders numeric document ids as the bloom-blob Integer does', () => {
    const ids = ['0', '7', '42', '9007199254740993', '9007199254740992', '123456789012345678901234567890', '-5'];
    for (const a of ids) {
      for (const b of ids) {
        const real = Math.sign(RealInteger.fromString(a).compare(RealInteger.fromString(b)));
        expect(Math.sign(Integer.fromString(a).compare(Integer.fromString(b))), `${a} vs ${b}`).to.equal(real);
      }
    }
  });

  it('keeps a heartbeat in IndexedDB as @firebase/app asks idb to', async () => {
    const name = `lar-heartbeat-test-${Date.now()}`;
    const upgrades: number[] = [];
    const open = () =>
      openDB(name, 1, {
        upgrade: (db, oldVersion) => {
          upgrades.push(oldVersion);
          db.createObjectStore('store');
        },
      });
    const db = await open();
    const write = db.transaction('store', 'readwrite');
    await write.objectStore('store').put({heartbeats: [{date: '2026-11-26'}]}, 'app!id');
    await write.done;
    const read = (await open()).transaction('store');
    expect(await read.objectStore('store').get('app!id')).to.deep.equal({heartbeats: [{date: '2026-11-26'}]});
    await read.done;
    expect(upgrades, 'the store is created once').to.deep.equal([0]);
    expect(await (await open()).transaction('store').objectStore('store').get('missing')).to.equal(undefined);
    indexedDB.deleteDatabase(name);
  });
});
