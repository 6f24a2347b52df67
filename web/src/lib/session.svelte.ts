// Who is logged on. The session itself is the HttpOnly cookie; this holds what the UI shows and
// the CSRF token (sessionStorage, so a reload keeps it and another tab logs on afresh).
import { api, ApiError, hasCsrfToken, onUnauthenticated, request, setCsrfToken } from './api';
import type { LoginAnswer, Me } from './types';
import { navigate, routePath } from './router.svelte';

export const session = $state<{ me: Me | null; checked: boolean; notice: string }>({
  me: null,
  checked: false,
  notice: '',
});

/** Back to log-on, remembering where the user was (the `next` query of #/login). */
export function toLogin(notice: string): void {
  const here = routePath();
  session.me = null;
  session.notice = notice;
  setCsrfToken(null);
  if (!here.startsWith('/login')) {
    navigate(`/login?next=${encodeURIComponent(here)}`);
  }
}

onUnauthenticated(() => {
  if (session.me !== null) {
    toLogin('Your session has ended. Log in again to continue where you were.');
  }
});

/** At start: is the cookie session still valid? */
export async function restoreSession(): Promise<void> {
  if (hasCsrfToken()) {
    try {
      session.me = await api.get<Me>('/api/v1/auth/me');
    } catch {
      session.me = null;
      setCsrfToken(null);
    }
  }
  session.checked = true;
}

export async function logIn(email: string, password: string, code: string): Promise<LoginAnswer> {
  const body: Record<string, string> = { email, password };
  if (code !== '') {
    body.code = code;
  }
  const { data } = await request<LoginAnswer>('POST', '/api/v1/auth/login', { body, expect401: true });
  setCsrfToken(data.csrf_token);
  session.me = data;
  session.notice = '';
  return data;
}

export async function logOut(): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout');
  } catch (e) {
    if (!(e instanceof ApiError)) {
      throw e;
    }
  }
  session.me = null;
  setCsrfToken(null);
  session.notice = 'You have logged out.';
  navigate('/login');
}
