// The one place that maps hash routes to screens. Route names are fixed (the API's guide links
// and the guided-start screens use them): add a screen by adding a row here.
import type { Component } from 'svelte';
import Account from './screens/Account.svelte';
import CompetenceGaps from './screens/CompetenceGaps.svelte';
import Dashboard from './screens/Dashboard.svelte';
import Evidence from './screens/Evidence.svelte';
import FrameworkDetail from './screens/FrameworkDetail.svelte';
import Frameworks from './screens/Frameworks.svelte';
import Guide from './screens/Guide.svelte';
import Login from './screens/Login.svelte';
import NotFound from './screens/NotFound.svelte';
import Notifications from './screens/Notifications.svelte';
import Raci from './screens/Raci.svelte';
import RecordDetail from './screens/RecordDetail.svelte';
import RecordForm from './screens/RecordForm.svelte';
import RegisterList from './screens/RegisterList.svelte';
import RiskDetail from './screens/RiskDetail.svelte';
import RiskHeatmap from './screens/RiskHeatmap.svelte';
import RiskMethod from './screens/RiskMethod.svelte';
import Scope from './screens/Scope.svelte';
import Soa from './screens/Soa.svelte';

export type RouteParams = Record<string, string>;

/** What every screen is given; a screen may declare none, some or all of them. */
export interface ScreenProps {
  params: RouteParams;
  query: URLSearchParams;
}

// A screen that declares no props is a Component<Record<string, never>>: accept both shapes.
type Screen = Component<any>;

export interface RouteMatch {
  screen: Screen;
  params: RouteParams;
  query: URLSearchParams;
  /** Shown without the app shell and without a session. */
  public: boolean;
}

interface RouteRow {
  pattern: string;
  screen: RouteMatch['screen'];
  public?: boolean;
}

const kRoutes: RouteRow[] = [
  { pattern: '/login', screen: Login, public: true },
  { pattern: '/guide', screen: Guide },
  { pattern: '/dashboard', screen: Dashboard },
  { pattern: '/registers/:register', screen: RegisterList },
  { pattern: '/registers/:register/new', screen: RecordForm },
  { pattern: '/registers/:register/:id', screen: RecordDetail },
  { pattern: '/registers/:register/:id/edit', screen: RecordForm },
  { pattern: '/risk/method', screen: RiskMethod },
  { pattern: '/risk/heatmap', screen: RiskHeatmap },
  { pattern: '/risks/:id', screen: RiskDetail },
  { pattern: '/soa', screen: Soa },
  { pattern: '/frameworks', screen: Frameworks },
  { pattern: '/frameworks/:id', screen: FrameworkDetail },
  { pattern: '/evidence', screen: Evidence },
  { pattern: '/scope', screen: Scope },
  { pattern: '/context/raci', screen: Raci },
  { pattern: '/people/competence', screen: CompetenceGaps },
  { pattern: '/account', screen: Account },
  { pattern: '/notifications', screen: Notifications },
];

/** Matches `path?query` (the hash without `#`) against the table; literal segments win. */
export function matchRoute(hashPath: string): RouteMatch {
  const [path, search = ''] = hashPath.split('?', 2);
  const segments = path.split('/').filter((s) => s !== '');
  const query = new URLSearchParams(search);
  let best: { row: RouteRow; params: RouteParams; literals: number } | null = null;
  for (const row of kRoutes) {
    const parts = row.pattern.split('/').filter((s) => s !== '');
    if (parts.length !== segments.length) {
      continue;
    }
    const params: RouteParams = {};
    let literals = 0;
    const matches = parts.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segments[i]);
        return true;
      }
      literals += 1;
      return part === segments[i];
    });
    if (matches && (best === null || literals > best.literals)) {
      best = { row, params, literals };
    }
  }
  if (best === null) {
    return { screen: NotFound, params: { path }, query, public: false };
  }
  return { screen: best.row.screen, params: best.params, query, public: best.row.public === true };
}
