import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it would break those paths. pino spawns worker threads for the same reason.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  poweredByHeader: false,
};

export default nextConfig;
