import type { FieldErrors } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { phrase } from "@/lib/i18n/phrasebook";
import { translateFieldErrors } from "./use-local-resolver";

describe("translateFieldErrors", () => {
  it("translates every message, nested and in arrays, and keeps the DOM ref and the type", () => {
    const ref = { name: "email", focus: () => {} };
    const errors = {
      email: { type: "invalid_format", message: "Enter a valid email address", ref },
      speakers: [{ entityId: { type: "custom", message: "Choose a speaker from this workspace" } }],
      other: { type: "custom", message: "Words the phrasebook does not know" },
    } as unknown as FieldErrors;
    const vi = translateFieldErrors(errors, "vi");
    expect(vi.email as unknown).toEqual({ type: "invalid_format", message: phrase("vi", "Enter a valid email address"), ref });
    expect(vi.email?.ref).toBe(ref);
    expect(vi.email?.message).not.toBe("Enter a valid email address");
    expect((vi.speakers as unknown as { entityId: { message: string } }[])[0]?.entityId.message).toBe(phrase("vi", "Choose a speaker from this workspace"));
    expect(vi.other?.message).toBe("Words the phrasebook does not know");
    expect(translateFieldErrors(errors, "en")).toEqual(errors);
  });
});
