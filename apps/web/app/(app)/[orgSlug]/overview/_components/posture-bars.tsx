"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BarRow {
  label: string;
  pass: number;
  fail: number;
  error: number;
  score: number | null;
  href?: string;
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
        </div>
      )}
    </section>
  );
}
