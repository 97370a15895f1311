// Security headers, built here and nowhere else. The proxy (proxy.ts) sends the per-request
// Content-Security-Policy; next.config.ts sends the fixed headers on every response, static
// files included. Pure: no environment reads, so the policy is testable and the same in every caller.

/** A fresh CSP nonce: 128 random bits in base64, the alphabet a CSP nonce-source accepts. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type CspOptions = {
  /** From `createNonce()`; Next.js finds it in the request's CSP header and puts it on its own scripts. */
  nonce: string;
  /** `next dev`: React's dev tooling needs eval. Never in production. */
  dev: boolean;
  /** Served over https: ask the browser to upgrade any stray http subresource. */
  https: boolean;
};

/**
 * The policy for pages and API answers. Scripts run only with this request's nonce, and what
 * they load ('strict-dynamic'), so injected markup cannot run script. Styles allow inline:
 * React `style` attributes, Radix popover positioning and Next's injected styles cannot carry a
 * nonce (nonces do not cover style attributes, and a nonce in style-src would disable
 * 'unsafe-inline'); CSS cannot run script. Nothing may frame a page (clickjacking).
 */
export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    // Same-origin fetches, server actions and the live-changes EventSource (/api/v1/workspaces/*/events).
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * For answers that are never documents that run this app, so they may load nothing and be framed
 * by nobody: files served as they are (`/_next/static`, `/_next/image`) and the REST API's answers
 * (`/api/v1`, `/api/health`: JSON, CSV, event streams), which the proxy skips.
 */
export const INERT_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Sent only over https (browsers ignore it over http anyway): two years, subdomains of this
 * host included, no preload-list commitment.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Features this app never uses, denied to it and to anything it might embed. */
const DENIED_FEATURES = ["accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb", "browsing-topics"];

/**
 * The headers that are the same on every response. Referrer: full URL within the site, only the
 * origin to other sites (article and workspace paths stay private when a reader follows an
 * article's source link), nothing on https → http. Not `no-referrer`: that makes browsers send
 * `Origin: null` on same-site form posts, which server actions' origin check refuses.
 */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: DENIED_FEATURES.map((f) => `${f}=()`).join(", ") },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * Whether the browser reached us over https: directly, or through a TLS-terminating proxy that
 * says so in X-Forwarded-Proto (its first value). A forged header only adds HSTS over http, which browsers ignore.
 */
export function servedOverHttps(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}
