import type { Metadata } from "next";
import { headers } from "next/headers";
import { cache } from "react";
import { PrintDocument } from "@/components/print/print-document";
import { PrintToolbar } from "@/components/print/print-toolbar";
import { getPrincipal } from "@/lib/auth";
import { pageData } from "@/lib/page";
import { getPlanExport, PRINT_TICKET_HEADER, redeemPrintTicket } from "@/lib/services/exports";

type Props = { params: Promise<{ id: string }> };

// The PDF export's Chromium arrives with a one-time ticket instead of a session; everyone else is
// whoever is signed in. Cached so metadata and page share one redemption.
const principalFor = cache(async (planId: string) => {
  const ticket = (await headers()).get(PRINT_TICKET_HEADER);
  return ticket ? redeemPrintTicket(ticket, planId) : getPrincipal();
});

const load = cache(async (planId: string) => getPlanExport(await principalFor(planId), planId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const found = await load(id).catch(() => null);
  return { title: found ? `${found.model.plan.title} · Print · Planwright` : "Plan · Planwright" };
}

export default async function PrintPage({ params }: Props) {
  const { id } = await params;
  const { model, planId } = await pageData(() => load(id), `/plans/${id}/print`);
  return (
    <div className="min-h-screen bg-white">
      <PrintToolbar planId={planId} />
      <main>
        <PrintDocument model={model} />
      </main>
    </div>
  );
}
