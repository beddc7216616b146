import { describe, expect, it } from "vitest";
import { parsePolicyCached } from "./policy";
import { TextMemo } from "./text-memo";

describe("TextMemo", () => {
  it("builds once per distinct text, whatever string object carries it", () => {
    let builds = 0;
    const m = new TextMemo<number>(100);
    const a = m.get(["ab", "c"].join(""), (t) => (builds++, t.length));
    const b = m.get("abc", (t) => (builds++, t.length));
    expect([a, b, builds]).toEqual([3, 3, 1]);
  });

  it("evicts the oldest texts to stay within its character budget, and keeps none larger than it", () => {
    const m = new TextMemo<string>(10);
    for (const t of ["aaaa", "bbbb", "cccc"]) m.get(t, (x) => x);
    expect(m.size).toBe(2);
    let rebuilt = false;
    m.get("aaaa", (x) => ((rebuilt = true), x));
    expect(rebuilt).toBe(true);
    m.get("x".repeat(11), (x) => x);
    expect(m.size).toBe(2);
  });
});

describe("parsePolicyCached", () => {
  const text = '{"Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject"],"Resource":"*"}]}';

  it("shares one parse between holders carrying the same policy text", () => {
    const one = parsePolicyCached({}, text);
    const two = parsePolicyCached({}, JSON.parse(JSON.stringify(text)) as string);
    expect(two).toBe(one);
    expect(one.ok && one.statements[0]!.actions).toEqual(["s3:GetObject"]);
  });

  it("parses an object document once per holder", () => {
    const holder = { Policy: JSON.parse(text) as unknown };
    expect(parsePolicyCached(holder, holder.Policy)).toBe(parsePolicyCached(holder, holder.Policy));
    expect(parsePolicyCached({}, holder.Policy)).not.toBe(parsePolicyCached(holder, holder.Policy));
  });
});
