"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AfterMount } from "../../../../../components/after-mount";

export interface BarRow {
  label: string;
  pass: number;
  fail: number;
  error: number;
  score: number | null;
  /** the findings explorer filtered to this group's open findings */
  href?: string;
  /** shown instead of counts when the group has no cloud checks (e.g. physical safeguards) */
  note?: string;
}

/** Stacked pass / fail / error counts per group, horizontal so long HIPAA titles stay readable. */
export function PostureBars({ title, rows, height }: { title: string; rows: BarRow[]; height?: number }) {
  const h = height ?? Math.max(160, rows.length * 34 + 60);
  return (
    <section className="card">
      <h2>{title}</h2>
      {rows.every((r) => r.pass + r.fail + r.error === 0) ? (
        <p className="muted">Nothing scored yet.</p>
      ) : (
        <div style={{ width: "100%", height: h }}>
          <AfterMount height={h}>
          <ResponsiveContainer>
            <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, left: 8, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e5e9ef" horizontal={false} />
              <XAxis type="number" tick={{ fontSize: 11 }} allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 11 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="pass" name="Pass" stackId="s" fill="#12a05c" isAnimationActive={false} />
              <Bar dataKey="fail" name="Fail" stackId="s" fill="#d64545" isAnimationActive={false} />
              <Bar dataKey="error" name="Error" stackId="s" fill="#e0a030" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
          </AfterMount>
        </div>
      )}
      {rows.some((r) => r.href || r.note) && (
        <ul className="small" style={{ listStyle: "none", padding: 0, margin: "8px 0 0", display: "grid", gap: 2 }}>
          {rows.map((r) => (
            <li key={r.label} className="spread" style={{ flexWrap: "nowrap" }}>
              <span style={{ minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }} title={r.label}>{r.label}</span>
              <span style={{ whiteSpace: "nowrap" }}>
                {r.note ? <span className="muted">{r.note}</span> : (
                  <>
                    <span className="muted">{r.score === null ? "—" : `${r.score} %`}</span>
                    {" · "}
                    {r.href && r.fail + r.error > 0 ? <Link href={r.href}>{r.fail + r.error} open</Link> : <span className="muted">0 open</span>}
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
