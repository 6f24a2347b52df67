// Hash-based routing: the current route, read from location.hash, and navigation helpers.
import { matchRoute, type RouteMatch } from '../routes';

function current(): RouteMatch {
  return matchRoute(location.hash.replace(/^#/, '') || '/dashboard');
}

export const router = $state({ route: current(), hash: location.hash });

window.addEventListener('hashchange', () => {
  router.route = current();
  router.hash = location.hash;
});

export function navigate(path: string): void {
  location.hash = path;
}

/** The path and query of the hash: `/registers/assets?q=x`. */
export function routePath(): string {
  return location.hash.replace(/^#/, '') || '/dashboard';
}
