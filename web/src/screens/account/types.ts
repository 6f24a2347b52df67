// Shapes of the API answers the account screen reads (docs/api.md §4.2, §4.5, §13).

export interface MfaStatus {
  enabled: boolean;
  pending: boolean;
  confirmed_at: string | null;
  recovery_codes_left: number;
  /** The organization requires MFA of the caller. */
  required: boolean;
}

export interface MfaEnrolment {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

export interface RecoveryCodes {
  enabled: boolean;
  recovery_codes: string[];
}

export interface LogOnSession {
  id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  remote: string;
  current: boolean;
}

export type TokenScope = 'read' | 'read_write' | 'admin';

export interface ApiToken {
  id: number;
  name: string;
  scope: TokenScope;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  user: string;
}

export interface IssuedToken {
  id: number;
  name: string;
  token: string;
  scope: TokenScope;
  expires_at: string | null;
}
