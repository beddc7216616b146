"use client";

import { useState } from "react";

const TABS = [["console", "Console"], ["cli", "CLI"], ["terraform", "Terraform"]] as const;

/** How to fix it, three ways. Each tab is a real tablist (arrow keys move between tabs). */
export function RemediationTabs({ remediation }: { remediation: { console: string; cli: string; terraform: string } }) {
  const [tab, setTab] = useState<(typeof TABS)[number][0]>("console");
  const move = (delta: number) => {
    const i = TABS.findIndex(([k]) => k === tab);
    setTab(TABS[(i + delta + TABS.length) % TABS.length]![0]);
  };
  return (
    <div>
      <div role="tablist" aria-label="Remediation" className="row" style={{ gap: 4, marginBottom: 8 }}
        onKeyDown={(e) => { if (e.key === "ArrowRight") move(1); if (e.key === "ArrowLeft") move(-1); }}>
        {TABS.map(([key, label]) => (
          <button key={key} type="button" role="tab" id={`tab-${key}`} aria-selected={tab === key} aria-controls={`panel-${key}`}
            className={tab === key ? "" : "secondary"} tabIndex={tab === key ? 0 : -1} onClick={() => setTab(key)}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "console" ? <p style={{ whiteSpace: "pre-wrap" }}>{remediation.console}</p> : <pre>{remediation[tab]}</pre>}
      </div>
    </div>
  );
}
