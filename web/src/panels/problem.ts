// How a workflow panel words a refused step: the API's own message (problem+json detail), led
// by what kind of refusal it is, with the fields it names.
import { ApiError } from '../lib/api';

const kKinds: Record<number, string> = {
  403: 'Not allowed',
  404: 'Not found',
  409: 'Not possible in this state',
  412: 'Changed meanwhile',
  422: 'Check the input',
};

export function problemText(e: unknown): string {
  if (!(e instanceof ApiError)) {
    return e instanceof Error ? e.message : String(e);
  }
  const fields = Object.entries(e.fields)
    .map(([field, message]) => `${field} ${message}`)
    .filter((text) => !e.message.includes(text));
  const detail = fields.length > 0 ? `${e.message}: ${fields.join('; ')}` : e.message;
  const kind = kKinds[e.status];
  return kind === undefined ? detail : `${kind} (${e.status}): ${detail}`;
}
