// Typed domain errors. Route handlers and the action wrapper map them to a 404,
// a 403, or a message next to the form; internal messages never reach a page.

/** The object does not exist in the caller's account (another account's id included). */
export class NotFoundError extends Error {
  constructor(readonly subject: string, readonly id?: string | number) {
    super(`${subject} ${id ?? ''} not found`.trim());
    this.name = 'NotFoundError';
  }
}

/** The user may not do this (an agent asking for a manager action). */
export class ForbiddenError extends Error {
  constructor(message = 'forbidden') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/**
 * Input that parsed but breaks a domain rule; `messageKey` names a catalog message
 * and `field` the form field it belongs to.
 */
export class DomainError extends Error {
  constructor(
    readonly messageKey: string,
    readonly field?: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = 'DomainError';
  }
}
