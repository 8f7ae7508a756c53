import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {drafts, rememberedDetails} from '../../../../src/components/leave-a-reply/internal/drafts.js';

describe('drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a draft per thread across a reload (localStorage), and forgets it when cleared or emptied', () => {
    drafts.save('t1', {body: 'Half a thought', parentId: 'c9'});
    drafts.save('t2', {body: 'Elsewhere', parentId: null});
    expect(JSON.parse(localStorage.getItem('leave-a-reply:draft:t1')!)).to.deep.equal({
      body: 'Half a thought',
      parentId: 'c9',
    });
    expect(drafts.load('t1')).to.deep.equal({body: 'Half a thought', parentId: 'c9'});
    drafts.clear('t1');
    expect(drafts.load('t1')).to.equal(undefined);
    drafts.save('t2', {body: '', parentId: null});
    expect(drafts.load('t2')).to.equal(undefined);
  });

  it('remembers guest details only until told to forget them', () => {
    rememberedDetails.save({name: 'Ada', email: 'ada@example.com', url: ''});
    expect(rememberedDetails.load()).to.deep.equal({name: 'Ada', email: 'ada@example.com', url: ''});
    rememberedDetails.save(undefined);
    expect(rememberedDetails.load()).to.equal(undefined);
  });

  it('does not throw where storage is blocked (private mode, sandboxed frames)', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const stubs = [
      sinon.stub(Storage.prototype, 'getItem').callsFake(blocked),
      sinon.stub(Storage.prototype, 'setItem').callsFake(blocked),
      sinon.stub(Storage.prototype, 'removeItem').callsFake(blocked),
    ];
    try {
      expect(() => drafts.save('t1', {body: 'Still typing', parentId: null})).not.to.throw();
      expect(() => drafts.load('t1')).not.to.throw();
      expect(() => rememberedDetails.save(undefined)).not.to.throw();
    } finally {
      stubs.forEach((s) => s.restore());
    }
  });
});
