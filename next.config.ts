import type { NextConfig } from "next";
import { createRequire } from "node:module";
import path from "node:path";
import { dataContentSecurityPolicy, everyResponseHeaders } from "./lib/security-headers";

// redoc's browser bundle requires `yaml` (for Swagger 2.0 and YAML documents, never our JSON)
// without depending on it; npm nests the copy its own dependencies use. Point the browser build
// at that copy, wherever npm put it.
const require = createRequire(import.meta.url);
const yamlEntry = require.resolve("yaml", { paths: [path.dirname(require.resolve("swagger2openapi"))] });
const yamlPackage = `${path.sep}node_modules${path.sep}yaml`;
const redocYaml = yamlEntry.slice(0, yamlEntry.lastIndexOf(`${yamlPackage}${path.sep}`) + yamlPackage.length);

const nextConfig: NextConfig = {
  turbopack: {
    resolveAlias: { yaml: { browser: `./${path.relative(import.meta.dirname, redocYaml)}` } },
    rules: {
      "*.js": {
        condition: { all: ["browser", { path: /node_modules\/redoc\/bundles\/redoc\.browser\.lib\.js$/ }] },
        loaders: [path.join(import.meta.dirname, "scripts/redoc-local-logo.cjs")],
      },
    },
  },
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it would break those paths. pino spawns worker threads for the same reason.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  // Vercel's functions always run on PostgreSQL (lib/env.ts refuses to start there without
  // DATABASE_URL), and db/ loads only the configured driver: PGlite (about 19 MB of WASM and data)
  // is never loaded there, so it stays out of every traced function. `next dev` and `next start`
  // run from node_modules, not from the traces: locally, PGlite still works without a URL.
  outputFileTracingExcludes: { "*": ["node_modules/@electric-sql/pglite/**"] },
  poweredByHeader: false,
  // A chunk of a few hundred bytes costs the first load a request of its own, and goes out
  // uncompressed (below the server's compression threshold): small chunks are merged instead.
  experimental: { turbopackChunking: { minChunkSize: 100_000 } },
  // Pages get their Content-Security-Policy, with a nonce, from proxy.ts.
  async headers() {
    const dataPolicy = [{ key: "Content-Security-Policy", value: dataContentSecurityPolicy }];
    return [
      { source: "/:path*", headers: everyResponseHeaders },
      { source: "/api/:path*", headers: dataPolicy },
      { source: "/health", headers: dataPolicy },
    ];
  },
};

export default nextConfig;
