"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AfterMount } from "../../../../../components/after-mount";
import type { Summary } from "../_lib/types";

function Chart({ title, data }: { title: string; data: Array<{ label: string; n: number }> }) {
  const height = Math.max(140, data.length * 26 + 40);
  return (
    <section className="card">
      <h2>{title}</h2>
      <div style={{ width: "100%", height }}>
        <AfterMount height={height}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, left: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e9ef" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar dataKey="n" name="Resources" fill="#1f5fbf" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
        </AfterMount>
      </div>
    </section>
  );
}

export function InventoryCharts({ summary }: { summary: Summary }) {
  return (
    <div className="grid-2">
      <Chart title="Top resource types" data={summary.byType.map((t) => ({ label: t.resourceType, n: t.n }))} />
      <div className="stack">
        <Chart title="By account" data={summary.byAccount.map((a) => ({ label: a.name, n: a.n }))} />
        <Chart title="By region" data={summary.byRegion.slice(0, 12).map((r) => ({ label: r.region, n: r.n }))} />
      </div>
    </div>
  );
}
