import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page carries a per-request CSP nonce (server.ts), so none may be prerendered once at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Planwright",
  description: "Write implementation plans together, live.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
