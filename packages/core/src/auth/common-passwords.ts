import { COMMON_PASSWORDS_TEXT } from "./common-passwords.data";

let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set(COMMON_PASSWORDS_TEXT.split("\n").map((s) => s.trim()).filter(Boolean));
  return list;
}

const LEET: Record<string, string> = { "@": "a", "4": "a", "0": "o", "3": "e", "1": "i", "!": "i", $: "s", "5": "s", "7": "t" };

/**
 * True when the password is on the common list, case-insensitively, or is a common word dressed up
 * the usual ways: digits/symbols tacked on either end ("Sunshine2024!") or leetspeak ("P@ssw0rd1").
 * The length rule (12+) already removes short ones; this catches the long predictable ones.
 */
export function isCommonPassword(password: string): boolean {
  const words = commonPasswords();
  const lower = password.toLowerCase();
  if (words.has(lower) || isKeyboardOrNumberRun(lower)) return true;
  const stem = lower.replace(/^[\d\W_]+/, "").replace(/[\d\W_]+$/, "");
  if (stem.length >= 4 && words.has(stem)) return true;
  const deLeeted = lower.replace(/[\d\W_]+$/, "").replace(/[@40315!$7]/g, (c) => LEET[c] ?? c);
  if (deLeeted.length >= 4 && words.has(deLeeted)) return true;
  // A single word repeated ("passwordpassword") or a keyboard/number run repeated.
  const half = lower.length / 2;
  return Number.isInteger(half) && lower.slice(0, half) === lower.slice(half) && words.has(lower.slice(0, half));
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}

const RUNS = ["01234567890123456789", "98765432109876543210", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb", "qazwsxedcrfvtgbyhnujm"];

/** "123456789012", "abcdefghijkl", "qwertyuiopas": long, and the first thing an attacker tries. */
function isKeyboardOrNumberRun(lower: string): boolean {
  return RUNS.some((run) => run.includes(lower) || (run + run).includes(lower));
}
