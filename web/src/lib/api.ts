// The one client of the public REST API (docs/api.md). A cookie session carries identity; unsafe
// methods send the session's CSRF token in X-CSRF-Token. Errors arrive as problem+json and come
// back as ApiError, with validation errors keyed by field name.

export type FieldErrors = Record<string, string>;

/** One problem of a refusal, as the API lists it (a field may have several). */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  /** The stable suffix of the problem type: validation, stale-version, rate-limited, … */
  readonly type: string;
  /** The first problem of each field. */
  readonly fields: FieldErrors;
  /** Every problem, in the API's order. */
  readonly problems: FieldProblem[];
  readonly retryAfter: number | null;

  constructor(status: number, type: string, detail: string, problems: FieldProblem[], retryAfter: number | null) {
    super(detail);
    this.status = status;
    this.type = type;
    this.problems = problems;
    this.fields = {};
    for (const p of problems) {
      this.fields[p.field] ??= p.message;
    }
    this.retryAfter = retryAfter;
  }
}

interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldProblem[];
}

const kCsrfKey = 'isms.csrf';
const kProblemPrefix = 'https://isms.dev/problems/';

let unauthenticatedHandler: ((error: ApiError) => void) | null = null;

/** Called on any 401 outside log-on: the session is gone (expired, revoked, logged out elsewhere). */
export function onUnauthenticated(handler: (error: ApiError) => void): void {
  unauthenticatedHandler = handler;
}

export function setCsrfToken(token: string | null): void {
  if (token === null) {
    sessionStorage.removeItem(kCsrfKey);
  } else {
    sessionStorage.setItem(kCsrfKey, token);
  }
}

/** The session's CSRF token, for requests made outside request() (uploads with progress). */
export function csrfToken(): string | null {
  return sessionStorage.getItem(kCsrfKey);
}

export function hasCsrfToken(): boolean {
  return sessionStorage.getItem(kCsrfKey) !== null;
}

export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  const text = await response.text();
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    problem = { detail: text || response.statusText };
  }
  const type = (problem.type ?? '').startsWith(kProblemPrefix)
    ? (problem.type ?? '').slice(kProblemPrefix.length)
    : 'error';
  const retry = response.headers.get('Retry-After');
  return new ApiError(
    response.status,
    type,
    problem.detail ?? problem.title ?? `HTTP ${response.status}`,
    problem.errors ?? [],
    retry === null ? null : Number(retry),
  );
}

export interface RequestOptions {
  body?: unknown;
  ifMatch?: number;
  /** Log-on answers 401 for wrong credentials; that is not an expired session. */
  expect401?: boolean;
}

/** Sends one request; resolves with the parsed JSON answer and its ETag version, if any. */
export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<{ data: T; version: number | null }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    const csrf = sessionStorage.getItem(kCsrfKey);
    if (csrf !== null) {
      headers['X-CSRF-Token'] = csrf;
    }
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.ifMatch !== undefined) {
    headers['If-Match'] = `"${options.ifMatch}"`;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.expect401 && unauthenticatedHandler !== null) {
      unauthenticatedHandler(error);
    }
    throw error;
  }
  const etag = response.headers.get('ETag');
  const version = etag === null ? null : Number(etag.replace(/^W\//, '').replaceAll('"', ''));
  const data = (response.status === 204 ? null : await response.json()) as T;
  return { data, version };
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path).then((r) => r.data),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }).then((r) => r.data),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }).then((r) => r.data),
};

/** Builds `path?query` from the entries that have a value. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
