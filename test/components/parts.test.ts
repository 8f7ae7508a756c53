import {expect} from '@open-wc/testing';
import {PARTS} from '../../src/components/leave-a-reply/leave-a-reply.js';

interface Declaration {
  tagName?: string;
  cssParts?: {name: string}[];
}

// A part documented in the manifest (from the element's @csspart list) but not exported from the
// inner views cannot be styled from the page; one exported but undocumented is a hidden API.
describe('::part() names', () => {
  it('every documented part of <leave-a-reply> is exported to the page, and nothing else', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: {declarations?: Declaration[]}[];
    };
    const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'leave-a-reply');
    const documented = (element?.cssParts ?? []).map((p) => p.name).sort();
    expect(documented).to.include('deleted');
    expect(PARTS.split(',').sort()).to.deep.equal(documented);
  });
});
