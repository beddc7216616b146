// Errors every use case may throw; route handlers and actions map them to HTTP in one place.

/** The thing does not exist *for this organisation*. Foreign ids look exactly like unknown ones. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Bad input: names the field and the reason, so the caller can show it next to the field. */
export class ValidationError extends Error {
  constructor(
    readonly issues: Array<{ field: string; message: string }>,
  ) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join("; "));
    this.name = "ValidationError";
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

/** The caller's role does not allow the action. */
export class ForbiddenError extends Error {
  constructor(readonly permission: string) {
    super(`Your role does not allow ${permission}`);
    this.name = "ForbiddenError";
  }
}

/** The request conflicts with the current state (duplicate, already decided, scan in flight…). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}
