/**
 * Idle-session rules. A session ends after `idleMinutes` without a request; the limit is the
 * strictest of the platform default (SAFEGUARD_SESSION_IDLE_MINUTES) and every organisation the user
 * belongs to (HIPAA §164.312(a)(2)(iii), automatic logoff). Sessions also end after an absolute
 * lifetime whatever the activity.
 */
export const DEFAULT_IDLE_MINUTES = 15;
export const ABSOLUTE_SESSION_HOURS = 12;

export function platformIdleMinutes(raw = process.env.SAFEGUARD_SESSION_IDLE_MINUTES): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 24 * 60 ? n : DEFAULT_IDLE_MINUTES;
}

export function effectiveIdleMinutes(platform: number, orgMinutes: readonly number[]): number {
  return Math.min(platform, ...orgMinutes.filter((m) => Number.isInteger(m) && m > 0));
}

export interface SessionClock {
  /** ms epoch of the last request */
  lastActivity: number;
  /** ms epoch of the sign-in */
  authTime: number;
  idleMinutes: number;
}

export function sessionExpired(clock: SessionClock, now = Date.now()): boolean {
  if (!Number.isFinite(clock.lastActivity) || !Number.isFinite(clock.authTime)) return true;
  return now - clock.lastActivity > clock.idleMinutes * 60_000 || now - clock.authTime > ABSOLUTE_SESSION_HOURS * 3_600_000;
}
