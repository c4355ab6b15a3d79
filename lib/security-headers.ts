/**
 * The security headers: the ones every response carries (next.config.ts), and the page policy
 * proxy.ts builds per request around a fresh nonce. Free of server-only imports: next.config.ts
 * reads it at build time.
 */

// Powerful browser features no page of this app uses, turned off for it and anything it frames.
const permissionsPolicy = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "payment",
  "usb",
  "browsing-topics",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

export const everyResponseHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: permissionsPolicy },
];

/** Responses that are not pages (JSON, /health): nothing in them may load anything or be framed. */
export const dataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** A random value for one response, as CSP's nonce-source wants it (base64, 128 bits). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * A page's policy. Scripts run only if they carry this response's nonce (Next puts it on its
 * own) or were loaded by one that does ('strict-dynamic'): an injected inline script runs
 * nowhere, so it cannot fetch a token with the session cookie. Styles keep 'unsafe-inline'
 * (Swagger UI and ReDoc set style attributes); React's development tools need 'unsafe-eval'.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Browsers that once reached the app over https keep to https for two years. Only sent on https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
