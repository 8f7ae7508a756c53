import type {Plugin} from 'vite';

export interface StandIn {
  /** The module Firebase imports. */
  module: string;
  /** The file that replaces it. */
  file: string;
  /** Where Firebase imports it from; any other importer fails the build. */
  importers: RegExp;
  /** The names the stand-in provides; asking for another fails the build. */
  names: string[];
  /** The Firebase release whose use of the module the stand-in was checked against. */
  verified: string;
  /** What it saves. */
  why: string;
}

export const STAND_INS: StandIn[];
export function standIns(list?: StandIn[]): Plugin;
