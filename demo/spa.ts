/**
 * The router of demo/spa.html: client-side routes between three reviews. A route change pushes
 * a history entry, swaps the article, and points the page's one <leave-a-reply> at the new page
 * by setting its `pageUrl` and `pageTitle`: all a single-page app has to do.
 */
import type {LeaveAReplyElement} from '../src/components/leave-a-reply/leave-a-reply.js';

interface Route {
  /** The article's canonical URL: what names its comment thread, wherever the app is served. */
  url: string;
  title: string;
}

const ROUTES: Record<string, Route> = {
  her: {url: 'https://the-long-take.example/2014/01/film-review-for-her/', title: 'Film Review for Her'},
  arrival: {url: 'https://the-long-take.example/2016/11/arrival-review/', title: 'Arrival: the grammar of grief'},
  solaris: {url: 'https://the-long-take.example/2013/10/rewatching-solaris/', title: 'Rewatching Solaris'},
};
const DEFAULT_ROUTE = 'her';

function routeFromLocation(): string {
  const name = new URLSearchParams(location.search).get('review') ?? DEFAULT_ROUTE;
  return name in ROUTES ? name : DEFAULT_ROUTE;
}

function show(name: string, {focus}: {focus: boolean}) {
  const route = ROUTES[name];
  const template = document.querySelector<HTMLTemplateElement>(`#review-${name}`)!;
  document.querySelector('#review')!.replaceChildren(template.content.cloneNode(true));
  document.title = `${route.title} | The Long Take`;
  document.querySelector('link[rel=canonical]')?.setAttribute('href', route.url);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.main-nav a[data-route]')) {
    if (link.dataset.route === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  // The widget switches threads: the old subscription closes, the new thread loads.
  const widget = document.querySelector<LeaveAReplyElement>('leave-a-reply')!;
  widget.pageUrl = route.url;
  widget.pageTitle = route.title;

  // As after a page load, keyboard and screen-reader users start at the new article.
  if (focus) document.querySelector<HTMLElement>('#review h1')?.focus();
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-route]');
  if (!link) return;
  event.preventDefault();
  const name = link.dataset.route!;
  const search = `?review=${name}`;
  if (location.search !== search) history.pushState({review: name}, '', search);
  show(name, {focus: true});
  scrollTo({top: 0});
});

addEventListener('popstate', () => show(routeFromLocation(), {focus: true}));

show(routeFromLocation(), {focus: false});
