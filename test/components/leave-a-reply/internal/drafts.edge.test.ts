import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {drafts, rememberedDetails} from '../../../../src/components/leave-a-reply/internal/drafts.js';

const DRAFT = 'leave-a-reply:draft:';
const DETAILS = 'leave-a-reply:guest-details';

describe('drafts, edge cases', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('has no draft for a thread never written', () => {
    expect(drafts.load('never')).to.equal(undefined);
    expect(rememberedDetails.load()).to.equal(undefined);
  });

  it('replaces a thread’s draft on each save, and clears one thread without touching another', () => {
    drafts.save('t1', {body: 'First', parentId: null});
    drafts.save('t1', {body: 'First, then more', parentId: 'c2'});
    drafts.save('t2', {body: 'Other page', parentId: null});
    expect(drafts.load('t1')).to.deep.equal({body: 'First, then more', parentId: 'c2'});
    drafts.clear('t1');
    expect(localStorage.getItem(DRAFT + 't1')).to.equal(null);
    expect(drafts.load('t2')).to.deep.equal({body: 'Other page', parentId: null});
  });

  it('removes a stored draft when its body is emptied, rather than storing an empty one', () => {
    drafts.save('t1', {body: 'Gone soon', parentId: 'c1'});
    drafts.save('t1', {body: '', parentId: 'c1'});
    expect(localStorage.getItem(DRAFT + 't1')).to.equal(null);
    expect(drafts.load('t1')).to.equal(undefined);
  });

  it('keeps text exactly, whatever characters it holds', () => {
    const body = 'Line one\n\n“Quotes”, <b>tags</b>, emoji 👍🏽, RTL مرحبا, \u0000 and "\\" too';
    drafts.save('t1', {body, parentId: null});
    expect(drafts.load('t1')).to.deep.equal({body, parentId: null});
    const details = {name: 'Zoë “Z” O’Neil', email: 'zoe@example.com', url: 'https://zoe.example/?a=1&b=2'};
    rememberedDetails.save(details);
    expect(rememberedDetails.load()).to.deep.equal(details);
    expect(JSON.parse(localStorage.getItem(DETAILS)!)).to.deep.equal(details);
  });

  it('keys drafts by thread id as given: ids that look alike do not share a draft', () => {
    drafts.save('abc', {body: 'lower', parentId: null});
    drafts.save('ABC', {body: 'upper', parentId: null});
    drafts.save('abc ', {body: 'spaced', parentId: null});
    expect(drafts.load('abc')?.body).to.equal('lower');
    expect(drafts.load('ABC')?.body).to.equal('upper');
    expect(drafts.load('abc ')?.body).to.equal('spaced');
  });

  it('treats text that is not JSON (another script, an older version) as no draft', () => {
    localStorage.setItem(DRAFT + 't1', '{not json');
    localStorage.setItem(DETAILS, 'Ada');
    expect(drafts.load('t1')).to.equal(undefined);
    expect(rememberedDetails.load()).to.equal(undefined);
    drafts.save('t1', {body: 'Fresh', parentId: null});
    expect(drafts.load('t1')).to.deep.equal({body: 'Fresh', parentId: null});
  });

  it('loads nothing from blocked storage, and keeps working once storage is back', () => {
    drafts.save('t1', {body: 'Saved before', parentId: null});
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const stubs = [
      sinon.stub(Storage.prototype, 'getItem').callsFake(blocked),
      sinon.stub(Storage.prototype, 'setItem').callsFake(blocked),
      sinon.stub(Storage.prototype, 'removeItem').callsFake(blocked),
    ];
    try {
      expect(drafts.load('t1')).to.equal(undefined);
      expect(rememberedDetails.load()).to.equal(undefined);
      expect(() => drafts.clear('t1')).not.to.throw();
      expect(() => rememberedDetails.save({name: 'Ada', email: 'ada@example.com', url: ''})).not.to.throw();
    } finally {
      stubs.forEach((s) => s.restore());
    }
    expect(drafts.load('t1'), 'the clear was refused, so the draft is still there').to.deep.equal({
      body: 'Saved before',
      parentId: null,
    });
  });

  it('survives a full quota: the write is dropped, the earlier draft stays', () => {
    drafts.save('t1', {body: 'Fits', parentId: null});
    const full = sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
    try {
      expect(() => drafts.save('t1', {body: 'Too big to fit', parentId: null})).not.to.throw();
    } finally {
      full.restore();
    }
    expect(drafts.load('t1')).to.deep.equal({body: 'Fits', parentId: null});
  });

  it('survives a page where reading window.localStorage itself throws', () => {
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    const inherited = own ? undefined : Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
    expect(own ?? inherited, 'localStorage is an accessor this test can replace').to.have.property('get');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      expect(() => window.localStorage).to.throw();
      expect(drafts.load('t1')).to.equal(undefined);
      expect(() => drafts.save('t1', {body: 'Still typing', parentId: null})).not.to.throw();
      expect(() => drafts.clear('t1')).not.to.throw();
      expect(rememberedDetails.load()).to.equal(undefined);
    } finally {
      if (own) Object.defineProperty(window, 'localStorage', own);
      else delete (window as {localStorage?: Storage}).localStorage;
    }
    expect(() => window.localStorage.getItem('x')).not.to.throw();
  });
});
