import type {CommentLinksHost} from './comment-links.js';

/**
 * Loads what follows links to comments (comment-links.ts) the first time the URL names one, on
 * load or at a `hashchange`: most visits never do, so most pages never load it.
 */
export function followCommentLinks(host: CommentLinksHost): void {
  let loading: Promise<unknown> | undefined;
  const check = () => {
    if (!loading && location.hash.startsWith('#comment-')) {
      // Once loaded, it follows this link and later ones itself (and stops with the host).
      removeEventListener('hashchange', check);
      loading = import('./comment-links.js').then(
        ({CommentLinks}) => new CommentLinks(host),
        () => {
          loading = undefined; // tried again at the next link
          addEventListener('hashchange', check);
        },
      );
    }
  };
  host.addController({
    hostConnected: () => !loading && addEventListener('hashchange', check),
    hostDisconnected: () => removeEventListener('hashchange', check),
  });
  check();
}
