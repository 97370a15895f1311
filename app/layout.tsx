import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { THEME_SCRIPT } from "@/components/workspace/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimboard", template: "%s · Claimboard" },
  description: "Claims and source-comparison annotator for fact-checking desks",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), which a
  // page pre-rendered at build time could not have, so its scripts would be refused.
  await connection();
  // The theme script runs before first paint, so it is inline and needs the same nonce.
  const csp = (await headers()).get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed script of ours, no user input */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
