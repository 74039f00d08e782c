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

/**
 * Directives only a header can carry: browsers ignore `frame-ancestors` in a <meta> (CSP
 * Level 3 says so) and Chromium logs an error on every page that has it there. Where the
 * host sends no headers (GitHub Pages), templates/assets/frame-guard.js keeps a page out of
 * other sites' frames instead.
 */
const HEADER_ONLY: Readonly<Record<string, string>> = { "frame-ancestors": "'none'" };

/** Sent as a header and as `<meta name="referrer">`: another site learns the origin a reader came from, never the page. */
export const REFERRER_POLICY = "strict-origin-when-cross-origin";

export function contentSecurityPolicy(headers = false): string {
  return Object.entries({ ...CSP_DIRECTIVES, ...(headers ? HEADER_ONLY : {}) })
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

/** The headers a host should send with every page (README: Publishing); a `_headers` file for the hosts that read one. */
export function securityHeaders(): Readonly<Record<string, string>> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(true),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": REFERRER_POLICY,
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}

export function headersFile(): string {
  return ["/*", ...Object.entries(securityHeaders()).map(([name, value]) => `  ${name}: ${value}`), ""].join("\n");
}
