import "server-only";
import type { Actor } from "@/lib/auth/membership";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type Json = Prisma.InputJsonValue | undefined;

/** Append an audit event inside the caller's transaction, so it commits with the change. */
export async function audit(
  tx: Tx,
  actor: Pick<Actor, "userId" | "workspaceId">,
  action: string,
  entityType: string,
  entityId: string,
  before?: unknown,
  after?: unknown,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action,
      entityType,
      entityId,
      before: toJson(before),
      after: toJson(after),
    },
  });
}

function toJson(value: unknown): Json {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
