/** Every action name written to the audit log, so filters and tests share one spelling. */
export const AUDIT_ACTIONS = {
  signIn: "auth.sign_in",
  signInFailed: "auth.sign_in_failed",
  signInLocked: "auth.sign_in_locked",
  signOutEverywhere: "auth.sign_out_everywhere",
  passwordChanged: "auth.password_changed",
  mfaEnabled: "auth.mfa_enabled",
  mfaDisabled: "auth.mfa_disabled",
  mfaRecoveryCodeUsed: "auth.mfa_recovery_code_used",
  orgCreated: "org.created",
  settingsUpdated: "org.settings_updated",
  memberInvited: "member.invited",
  invitationRevoked: "member.invitation_revoked",
  invitationAccepted: "member.invitation_accepted",
  memberRemoved: "member.removed",
  memberRoleChanged: "member.role_changed",
  accountCreated: "account.created",
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
