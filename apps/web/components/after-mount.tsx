"use client";

import { useSyncExternalStore, type ReactNode } from "react";

const subscribe = () => () => undefined;

/**
 * Renders its children only in the browser, after hydration. Charts go through it: a responsive
 * chart cannot measure its width on the server, so server-rendering it produces an empty box at
 * the cost of running the whole chart library per request. The placeholder keeps the layout.
 */
export function AfterMount({ children, height }: { children: ReactNode; height: number }) {
  const mounted = useSyncExternalStore(subscribe, () => true, () => false);
  return mounted ? children : <div style={{ height }} aria-hidden />;
}
