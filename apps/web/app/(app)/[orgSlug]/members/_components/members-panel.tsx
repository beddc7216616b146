"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLE_OPTIONS, roleLabel } from "../../../../../lib/roles";
import type { MembersView } from "../../../../../server/members-view";
import { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "../actions";
import { memberKeys, useMembers } from "../_lib/queries";
import { InviteForm } from "./invite-form";

export function MembersPanel({ slug, initial, canManage, myUserId, myRole }: { slug: string; initial: MembersView; canManage: boolean; myUserId: string; myRole: string }) {
  const { data } = useMembers(slug, initial);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: memberKeys.all(slug) });
  const roleChoices = ROLE_OPTIONS.filter((r) => r.value !== "OWNER" || myRole === "OWNER");

  async function run(promise: Promise<{ ok: boolean; error?: string }>, success: string) {
    const result = await promise;
    setMessage(result.ok ? { kind: "success", text: success } : { kind: "error", text: result.error ?? "Failed." });
    await refresh();
  }

  return (
    <div className="stack">
      {message && <div className={`alert ${message.kind}`} role="status">{message.text}</div>}
      <section className="card" style={{ padding: 0 }}>
        <div className="table-wrap">
          <table>
            <thead><tr><th>Member</th><th>Role</th><th>Two-factor</th><th>Last sign-in</th>{canManage && <th />}</tr></thead>
            <tbody>
              {data.members.map((m) => {
                const editable = canManage && m.userId !== myUserId && (m.role !== "OWNER" || myRole === "OWNER");
                return (
                  <tr key={m.membershipId}>
                    <td><div>{m.name}{m.userId === myUserId && <span className="muted"> (you)</span>}</div><div className="muted small">{m.email}</div></td>
                    <td>
                      {editable ? (
                        <select aria-label={`Role of ${m.email}`} value={m.role} onChange={(e) => run(changeMemberRoleAction(slug, { membershipId: m.membershipId, role: e.target.value as typeof m.role }), "Role changed.")} style={{ width: "auto" }}>
                          {roleChoices.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
                        </select>
                      ) : roleLabel(m.role)}
                    </td>
                    <td>{m.mfaEnabled ? <span className="badge ok">On</span> : <span className="badge warn">Off</span>}</td>
                    <td className="small">{m.lastSignInAt ? new Date(m.lastSignInAt).toLocaleString() : <span className="muted">Never</span>}</td>
                    {canManage && (
                      <td style={{ textAlign: "right" }}>
                        {editable && <button type="button" className="secondary" onClick={() => window.confirm(`Remove ${m.email} from this organisation?`) && run(removeMemberAction(slug, { membershipId: m.membershipId }), "Member removed.")}>Remove</button>}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {canManage && data.invitations.length > 0 && (
        <section className="card">
          <h2>Pending invitations</h2>
          <table>
            <thead><tr><th>Email</th><th>Role</th><th>Expires</th><th /></tr></thead>
            <tbody>
              {data.invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td><td>{roleLabel(i.role)}</td><td className="small">{new Date(i.expiresAt).toLocaleDateString()}</td>
                  <td style={{ textAlign: "right" }}><button type="button" className="secondary" onClick={() => run(revokeInvitationAction(slug, { invitationId: i.id }), "Invitation revoked.")}>Revoke</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {canManage && <InviteForm slug={slug} roles={roleChoices} onInvited={refresh} />}
      <section className="card">
        <h2>Roles</h2>
        <table><tbody>{ROLE_OPTIONS.map((r) => <tr key={r.value}><td style={{ width: 180 }}>{r.label}</td><td className="muted">{r.description}</td></tr>)}</tbody></table>
      </section>
    </div>
  );
}
