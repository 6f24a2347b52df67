// File evidence (docs/api.md, evidence): uploading a file as the next revision of an evidence
// record, with progress, and creating the record for a new file first. The Evidence screen and a
// document version's attached file both store their files this way.
import { api, csrfToken, request, toApiError } from './api';

export interface EvidenceItem {
  id: number;
  ref: string;
  name: string;
  kind: 'file' | 'link';
  url: string | null;
  valid_until: string | null;
  file_name: string | null;
  size_bytes: number | null;
  sha256: string | null;
  revision: number | null;
}

/** One uploaded revision of file evidence (GET /api/v1/evidence/{id}/revisions). */
export interface EvidenceRevision {
  evidence: number;
  revision: number;
  sha256: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  uploaded_at: string;
  uploaded_by: number;
}

/** The answer of an upload: the record after it, the revision, whether the content was known. */
export interface Upload {
  evidence: EvidenceItem;
  revision: EvidenceRevision;
  deduplicated: boolean;
}

export type Progress = (sent: number, total: number) => void;

/**
 * Sends `file` as the next revision of evidence `id` (POST /api/v1/evidence/{id}/file), the file
 * as the body, with XMLHttpRequest: its upload events give the progress fetch does not.
 */
export function uploadFile(id: number, file: File, progress: Progress): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/evidence/${id}/file?filename=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    const csrf = csrfToken();
    if (csrf !== null) {
      xhr.setRequestHeader('X-CSRF-Token', csrf);
    }
    xhr.upload.onprogress = (e) => progress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as Upload);
      } else {
        reject(await toApiError(new Response(xhr.responseText, { status: xhr.status, headers: { 'Content-Type': 'application/problem+json' } })));
      }
    };
    xhr.onerror = () => reject(new Error('the upload failed: no answer from the server'));
    xhr.send(file);
  });
}

/**
 * Stores `file` as new file evidence: creates the record (named `name`, or after the file), then
 * uploads its content. A record whose upload failed is deleted again, so no empty evidence stays.
 */
export async function storeNewFile(file: File, fields: { name?: string; valid_until?: string }, progress: Progress): Promise<Upload> {
  const made = await api.post<EvidenceItem>('/api/v1/evidence', {
    name: fields.name?.trim() || file.name,
    kind: 'file',
    ...(fields.valid_until ? { valid_until: fields.valid_until } : {}),
  });
  try {
    return await uploadFile(made.id, file, progress);
  } catch (e) {
    await discardEvidence(made.id);
    throw e;
  }
}

/** Deletes (archives) evidence stored for a step that then failed; a failure here is not reported over the step's own. */
export async function discardEvidence(id: number): Promise<void> {
  await request('DELETE', `/api/v1/evidence/${id}`).catch(() => undefined);
}

/** The revision of evidence `id` whose content has `sha256`, if it is among its uploads. */
export async function revisionWithHash(id: number, sha256: string): Promise<EvidenceRevision | undefined> {
  const answer = await api.get<{ items: EvidenceRevision[] }>(`/api/v1/evidence/${id}/revisions`);
  return answer.items.find((r) => r.sha256 === sha256);
}
