"use client";

import { useState } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTrend } from "../_lib/queries";
import type { TrendData } from "../_lib/types";

const RANGES = [7, 30, 90] as const;

/** Daily score from the compliance snapshots; days without any scored account are gaps, not zeros. */
export function TrendChart({ slug, initialDays, initial }: { slug: string; initialDays: number; initial: TrendData }) {
  const [days, setDays] = useState(initialDays);
  const { data, isFetching } = useTrend(slug, days, { days: initialDays, data: initial });
  const points = (data ?? initial).map((p) => ({ ...p, label: p.day.slice(5) }));
  const hasData = points.some((p) => p.score !== null);
  return (
    <section className="card">
      <div className="spread">
        <h2>Score trend</h2>
        <div className="row" role="group" aria-label="Range">
          {RANGES.map((r) => (
            <button key={r} type="button" className={r === days ? "" : "secondary"} aria-pressed={r === days} onClick={() => setDays(r)}>{r} days</button>
          ))}
        </div>
      </div>
      {!hasData ? (
        <p className="muted">No daily results yet: the trend starts with the first completed scan.</p>
      ) : (
        <div style={{ width: "100%", height: 240, opacity: isFetching ? 0.6 : 1 }}>
          <ResponsiveContainer>
            <AreaChart data={points} margin={{ top: 8, right: 12, left: -12, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e5e9ef" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={18} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} unit="%" />
              <Tooltip formatter={(v) => (v === null || v === undefined ? "—" : `${String(v)} %`)} labelFormatter={(l) => `Day ${String(l)}`} />
              <Area type="monotone" dataKey="score" name="Score" stroke="#1f5fbf" fill="#e8f0fc" strokeWidth={2} isAnimationActive={false} connectNulls={false} />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
