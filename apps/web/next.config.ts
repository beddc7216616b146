import type { NextConfig } from "next";

const config: NextConfig = {
  // Internal packages ship TypeScript source (package.json subpath exports); Next compiles them.
  transpilePackages: ["@safeguard/core", "@safeguard/db", "@safeguard/controls", "@safeguard/jobs", "@safeguard/evidence"],
  // Native-ish Node libraries stay outside the bundle and are required at runtime.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "ioredis", "bullmq", "qrcode"],
  poweredByHeader: false,
  // forbidden() in pages: members whose role lacks a permission get a 403 screen (server/require-permission.ts).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default config;
