import { clsx } from "clsx";
import type { CSSProperties } from "react";

/**
 * A claim type's colour as a dot, in its ink: the hue of the chosen colour at a lightness that keeps
 * 3:1 against the page in both themes (app/globals.css `.claim-ink`). A type that is gone is grey.
 */
export function ClaimTypeDot({ color, className }: { color: string | null | undefined; className?: string }) {
  return (
    <span
      aria-hidden
      className={clsx("claim-ink inline-block size-2.5 shrink-0 rounded-full bg-(--claim-ink)", className)}
      style={{ "--claim-color": color ?? "#94a3b8" } as CSSProperties}
    />
  );
}
