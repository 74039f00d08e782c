/**
 * The Content-Security-Policy every page is served under: nothing runs but the site's own
 * scripts (and the WebAssembly of the search index), no inline script or style, no plugin,
 * no request to another origin. Given as a <meta> and as a `_headers` file.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  "default-src": "'self'",
  "script-src": "'self' 'wasm-unsafe-eval'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'self'",
  "form-action": "'self'",
};

/** Directives a <meta> cannot carry: only the `_headers` file sends them. */
const HEADER_ONLY: Readonly<Record<string, string>> = { "frame-ancestors": "'none'" };

export function contentSecurityPolicy(headers = false): string {
  return Object.entries({ ...CSP_DIRECTIVES, ...(headers ? HEADER_ONLY : {}) })
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

export function headersFile(): string {
  return [
    "/*",
    `  Content-Security-Policy: ${contentSecurityPolicy(true)}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  Permissions-Policy: camera=(), microphone=(), geolocation=()",
    "",
  ].join("\n");
}
