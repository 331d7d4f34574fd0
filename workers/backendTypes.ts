/** Backend names and what the worker reports about the one it picked (shared with the UI as types). */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendRequest = BackendName | 'auto';

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  /** Why it was skipped or failed (e.g. "software renderer SwiftShader"). */
  reason?: string;
  ms: number;
}

export interface BackendInfo {
  backend: BackendName;
  requested: BackendRequest;
  attempts: BackendAttempt[];
}

/** The next backend in the preference order, for "retry on the next backend". */
export function nextBackend(b: BackendName): BackendName | null {
  const i = BACKENDS.indexOf(b);
  return i >= 0 && i < BACKENDS.length - 1 ? BACKENDS[i + 1] : null;
}

export function isBackendRequest(s: unknown): s is BackendRequest {
  return s === 'auto' || (typeof s === 'string' && (BACKENDS as readonly string[]).includes(s));
}
