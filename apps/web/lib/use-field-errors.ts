"use client";

import { useState } from "react";

export interface FieldIssue {
  field: string;
  message: string;
}

/** Holds the latest server-side field issues of a form and looks them up by field name. */
export function useFieldErrors() {
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  return {
    issues,
    setIssues,
    clear: () => setIssues([]),
    of: (field: string) => issues.find((i) => i.field === field || i.field.startsWith(`${field}.`))?.message,
  };
}
