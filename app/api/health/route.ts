import { healthResponse } from "@/lib/server/health";

// For load balancers and uptime checks: no sign-in, nothing cached.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return healthResponse();
}
