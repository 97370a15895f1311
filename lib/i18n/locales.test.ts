import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/locales";

describe("negotiateLocale", () => {
  it.each([
    [null, null],
    ["", null],
    ["en-US,en;q=0.9", "en"],
    ["vi-VN,vi;q=0.9,en;q=0.8", "vi"],
    ["fr-FR,fr;q=0.9,vi;q=0.5,en;q=0.4", "vi"],
    ["en;q=0.3, vi;q=0.7", "vi"],
    ["VI", "vi"],
    ["de, fr", null],
    ["vi;q=0, en;q=0.1", "en"],
    ["*", null],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
