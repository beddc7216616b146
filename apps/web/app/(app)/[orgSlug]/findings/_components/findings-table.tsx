"use client";

import Link from "next/link";
import type { FindingRow } from "../_lib/types";
import { formatDate } from "../_lib/wire";
import { SeverityBadge, StatusBadge } from "./badges";

export function FindingsTable({ slug, items }: { slug: string; items: FindingRow[] }) {
  return (
    <div className="table-wrap card" style={{ padding: 0 }}>
      <table>
        <thead>
          <tr>
            <th>Severity</th>
            <th>Status</th>
            <th>Check</th>
            <th>Resource</th>
            <th>Account</th>
            <th>Region</th>
            <th>Last changed</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => (
            <tr key={f.id}>
              <td><SeverityBadge severity={f.severity} /></td>
              <td>
                <StatusBadge status={f.status} suppressed={f.suppressed} />
                {!f.inScope && <div className="small muted">out of PHI scope</div>}
              </td>
              <td>
                <Link href={`/${slug}/findings/${f.id}`}>{f.checkTitle}</Link>
                <div className="small muted mono">{f.checkId}</div>
              </td>
              <td style={{ maxWidth: 320, overflowWrap: "anywhere" }}>
                <Link href={`/${slug}/inventory/${f.resourceId}`}>{f.resourceName ?? f.resourceNativeId}</Link>
                <div className="small muted">{f.resourceType}</div>
              </td>
              <td style={{ whiteSpace: "nowrap" }}>{f.accountName}</td>
              <td className="small" style={{ whiteSpace: "nowrap" }}>{f.region}</td>
              <td className="small" style={{ whiteSpace: "nowrap" }}>{formatDate(f.lastChangedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
