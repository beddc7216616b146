"use client";

import { useState } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AfterMount } from "../../../../../components/after-mount";
import { useTrend } from "../_lib/queries";
import type { TrendData } from "../_lib/types";

const RANGES = [7, 30, 90] as const;

/** Daily score from the compliance snapshots; days without any scored account are gaps, not zeros. */
export function TrendChart({ slug, initialDays, initial }: { slug: string; initialDays: number; initial: TrendData }) {
  const [days, setDays] = useState(initialDays);
  const { data, isFetching } = useTrend(slug, days, { days: initialDays, data: initial });
  const points = (data ?? initial).map((p) => ({ ...p, label: p.day.slice(5) }));
  const scored = points.filter((p) => p.score !== null);
  const hasData = scored.length > 0;
  const latest = scored.at(-1);
  return (
    <section className="card">
      <div className="spread">
        <h2>
          Score trend
          {latest && <span className="muted small" style={{ fontWeight: 400 }}> · {latest.score} % on {latest.day}</span>}
        </h2>
        <div className="row" role="group" aria-label="Range">
          {RANGES.map((r) => (
            <button key={r} type="button" className={r === days ? "" : "secondary"} aria-pressed={r === days} onClick={() => setDays(r)}>{r} days</button>
          ))}
        </div>
      </div>
      {!hasData ? (
        <p className="muted">No daily results yet: the trend starts with the first completed scan.</p>
      ) : (
        <>
        {scored.length === 1 && (
          <p className="small muted" style={{ margin: "0 0 4px" }}>
            First data point {latest!.day === points.at(-1)!.day ? "today" : `on ${latest!.day}`}: the line starts with the next daily result.
          </p>
        )}
        <div style={{ width: "100%", height: 240, opacity: isFetching ? 0.6 : 1 }}>
          <AfterMount height={240}>
          <ResponsiveContainer>
            <AreaChart data={points} margin={{ top: 8, right: 12, left: -12, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e5e9ef" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={18} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} unit="%" />
              <Tooltip formatter={(v) => (v === null || v === undefined ? "—" : `${String(v)} %`)} labelFormatter={(l) => `Day ${String(l)}`} />
              {/* Dots so a single day (a line needs two points) and isolated days stay visible. */}
              <Area type="monotone" dataKey="score" name="Score" stroke="#1f5fbf" fill="#e8f0fc" strokeWidth={2} isAnimationActive={false} connectNulls={false}
                dot={{ r: scored.length > 45 ? 0 : 3, fill: "#1f5fbf", strokeWidth: 0 }} activeDot={{ r: 5 }} />
            </AreaChart>
          </ResponsiveContainer>
          </AfterMount>
        </div>
        </>
      )}
    </section>
  );
}
