// How large a form post may be, shared by the forms (which check a chosen file before sending it), the server actions
// and the proxy (which refuses a larger post with 413 before Next reads it). No imports: client components use it.

/** The largest file the import forms take (events and prices), as the README documents. */
export const MAX_FORM_FILE_BYTES = 5_000_000;

/**
 * The largest form post: one file at the limit plus the fields around it. next.config.js gives Next's own
 * server-action limit (experimental.serverActions.bodySizeLimit) the same value.
 */
export const MAX_FORM_BODY_BYTES = 6 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;

/** The message for a form whose file is over the limit, or null when every file fits. */
export function oversizedFileMessage(form: FormData): string | null {
  for (const value of form.values()) {
    if (typeof value !== "string" && value.size > MAX_FORM_FILE_BYTES) {
      return `${value.name || "The file"} is ${megabytes(value.size)}: files up to ${megabytes(MAX_FORM_FILE_BYTES)} can be imported. Split it, or load it from the command line.`;
    }
  }
  return null;
}
