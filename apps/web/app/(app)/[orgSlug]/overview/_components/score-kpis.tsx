import styles from "../overview.module.css";
import type { OverviewData } from "../_lib/types";

function tone(score: number | null): string {
  if (score === null) return "";
  return score >= 90 ? styles.kpiGood! : score >= 70 ? styles.kpiMid! : styles.kpiBad!;
}

const pct = (s: number | null) => (s === null ? "—" : `${s.toFixed(1)} %`);

/** The headline numbers, each with what it counts; the formula is one click away. */
export function ScoreKpis({ o, slug }: { o: OverviewData; slug: string }) {
  const c = o.cloud.overall;
  return (
    <section className="card stack">
      <div className={styles.kpis}>
        <div className={styles.kpi}>
          <span className="muted small">Compliance score (cloud + manual)</span>
          <span className={`${styles.kpiValue} ${tone(o.overallScore)}`}>{pct(o.overallScore)}</span>
        </div>
        <div className={styles.kpi}>
          <span className="muted small">Cloud configuration</span>
          <span className={`${styles.kpiValue} ${tone(c.score)}`}>{pct(c.score)}</span>
          <span className="small muted">{c.pass.toLocaleString()} passing · {(c.fail + c.error).toLocaleString()} failing</span>
        </div>
        <div className={styles.kpi}>
          <span className="muted small">Manual controls current</span>
          <span className={styles.kpiValue}>{o.manual.current} of {o.manual.total}</span>
          <a className="small" href={`/${slug}/manual-controls`}>{o.manual.overdue} overdue · {o.manual.never} never attested</a>
        </div>
        <div className={styles.kpi}>
          <span className="muted small">Monitored</span>
          <span className={styles.kpiValue}>{o.resourceCount.toLocaleString()}</span>
          <span className="small muted">resources in {o.accounts.length} account{o.accounts.length === 1 ? "" : "s"} · {c.suppressed.toLocaleString()} accepted-risk findings</span>
        </div>
      </div>
      <details className={styles.formula}>
        <summary>How the score is computed</summary>
        <p>{o.formula.cloud}</p>
        <p>{o.formula.manual}</p>
      </details>
    </section>
  );
}
