/**
 * Turbopack loader for redoc's browser bundle: its menu footer shows a logo from
 * https://cdn.redoc.ly, the one thing /redoc would fetch from another origin (and the
 * Content-Security-Policy would block). The logo becomes an empty inline SVG; the link stays.
 */
const CDN_LOGO = '"https://cdn.redoc.ly/redoc/logo-mini.svg"';
const EMPTY_SVG = JSON.stringify("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E");

module.exports = function redocLocalLogo(source) {
  if (!source.includes(CDN_LOGO)) {
    throw new Error(`redoc-local-logo: ${CDN_LOGO} not found in ${this.resourcePath}; remove the loader if redoc no longer loads it.`);
  }
  return source.replaceAll(CDN_LOGO, EMPTY_SVG);
};
