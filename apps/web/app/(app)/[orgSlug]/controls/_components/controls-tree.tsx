import Link from "next/link";
import styles from "../controls.module.css";
import type { Section, Spec, Standard } from "../_lib/types";
import { SeverityBadge } from "../../findings/_components/badges";
import { formatDate } from "../../findings/_lib/wire";

function Meter({ pass, fail }: { pass: number; fail: number }) {
  const total = pass + fail;
  if (total === 0) return <span className="small muted">no cloud checks</span>;
  return (
    <span className="small" title={`${pass} passing, ${fail} failing`}>
      <span className={styles.meter}><span className={styles.meterFill} style={{ width: `${(pass / total) * 100}%` }} /></span> {Math.round((pass / total) * 100)} %
    </span>
  );
}

function Failing({ slug, citation, n }: { slug: string; citation: string; n: number }) {
  if (n === 0) return <span className="badge ok">0 failing</span>;
  return <Link className="badge bad" href={`/${slug}/findings?citation=${encodeURIComponent(citation)}&status=FAIL,ERROR`}>{n} failing resource{n === 1 ? "" : "s"}</Link>;
}

function Manual({ slug, node }: { slug: string; node: Spec }) {
  if (!node.manual) return null;
  const m = node.manual;
  const cls = m.state === "current" ? "ok" : m.state === "overdue" ? "bad" : "warn";
  const text = m.state === "current" ? `attested, next review ${formatDate(m.nextReviewDueAt, false)}` : m.state === "overdue" ? `overdue since ${formatDate(m.nextReviewDueAt, false)}` : "never attested";
  return <Link className={`badge ${cls}`} href={`/${slug}/manual-controls#${encodeURIComponent(node.citation)}`}>Manual: {text}</Link>;
}

function Checks({ slug, node }: { slug: string; node: Spec }) {
  if (node.checks.length === 0) return null;
  return (
    <ul className={styles.checks}>
      {node.checks.map((c) => (
        <li key={c.id}>
          <span><SeverityBadge severity={c.severity} /> <Link href={`/${slug}/findings?checkId=${encodeURIComponent(c.id)}`}>{c.title}</Link> <span className="muted">({c.provider})</span></span>
          <span>{c.pass + c.fail === 0 ? <span className="muted">not evaluated</span> : <>{c.pass} pass · {c.fail > 0 ? <Link href={`/${slug}/findings?checkId=${encodeURIComponent(c.id)}&status=FAIL,ERROR`}>{c.fail} failing</Link> : "0 failing"}</>}</span>
        </li>
      ))}
    </ul>
  );
}

function SpecRow({ slug, node }: { slug: string; node: Spec }) {
  return (
    <details className={styles.spec}>
      <summary>
        <span className={styles.title}><span className="mono small">{node.citation}</span> {node.title} {node.requirement && <span className="badge">{node.requirement === "R" ? "Required" : "Addressable"}</span>}</span>
        <Manual slug={slug} node={node} />
        <Meter pass={node.pass} fail={node.fail} />
        <Failing slug={slug} citation={node.citation} n={node.failingResources} />
      </summary>
      <p className="small muted" style={{ marginLeft: 20 }}>{node.summary}</p>
      <Checks slug={slug} node={node} />
    </details>
  );
}

function StandardRow({ slug, node }: { slug: string; node: Standard }) {
  return (
    <details className={styles.standard}>
      <summary>
        <span className={styles.title}><span className="mono small">{node.citation}</span> <strong>{node.title}</strong> <span className="small muted">{node.specifications.length} specification{node.specifications.length === 1 ? "" : "s"}</span></span>
        <Manual slug={slug} node={node} />
        <Meter pass={node.pass} fail={node.fail} />
        <Failing slug={slug} citation={node.citation} n={node.failingResources} />
      </summary>
      <p className="small muted">{node.summary}</p>
      <Checks slug={slug} node={node} />
      {node.specifications.map((s) => <SpecRow key={s.citation} slug={slug} node={s} />)}
    </details>
  );
}

/** The rule as an outline; every count links to the findings behind it. */
export function ControlsTree({ slug, sections }: { slug: string; sections: Section[] }) {
  return (
    <div className="stack">
      {sections.map((sec) => (
        <details key={sec.section} className={`card ${styles.section}`} open={sec.section === "164.312" || sec.section === "164.308"}>
          <summary>
            <h2 className={styles.title}>{sec.section} {sec.title}</h2>
            <Meter pass={sec.pass} fail={sec.fail} />
            <Failing slug={slug} citation={sec.section} n={sec.failingResources} />
          </summary>
          {sec.standards.map((s) => <StandardRow key={s.citation} slug={slug} node={s} />)}
        </details>
      ))}
    </div>
  );
}
