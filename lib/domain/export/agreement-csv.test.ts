import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { agreementReport } from "@/lib/domain/agreement";
import type { AgreementClaim } from "@/lib/domain/agreement/types";
import { AGREEMENT_CSV_COLUMNS, agreementCsv } from "./agreement-csv";

const claim = (id: string, annotatorId: string, start: number, end: number, claimType = "arms"): AgreementClaim => ({
  id,
  annotatorId,
  articleId: "art",
  passageId: "p1",
  start,
  end,
  labels: { claimType, speaker: "", modality: "ASSERTED" },
});

describe("agreementCsv", () => {
  const report = agreementReport({
    annotators: ["a", "b"],
    claims: [claim("1", "a", 0, 10), claim("2", "b", 0, 10), claim("3", "b", 20, 30)],
    passageLengths: { p1: 40 },
  });
  const rows = parse(
    agreementCsv(report, {
      annotators: new Map([
        ["a", "=Lan"],
        ["b", "Minh"],
      ]),
      articles: new Map([["art", "+Bài"]]),
    }).slice(1),
    {
      columns: true,
    },
  ) as Record<string, string>[];

  it("writes one figure per row under the documented header, session first, then each article", () => {
    expect(Object.keys(rows[0]!)).toEqual([...AGREEMENT_CSV_COLUMNS]);
    expect(rows[0]!.scope).toBe("session");
    expect(rows.some((r) => r.scope === "article" && r.article_id === "art")).toBe(true);
    // One exact match of 1 and 2 claims: F1 = 2·1 / (1 + 2).
    const f1 = rows.find((r) => r.scope === "session" && r.metric === "f1_exact");
    expect(Number(f1?.value)).toBeCloseTo(2 / 3, 4);
    expect(f1?.units).toBe("1");
  });

  it("neutralises names and titles that a spreadsheet would run as formulas", () => {
    const pair = rows.find((r) => r.scope === "article" && r.metric === "f1_exact")!;
    expect(pair.annotator_a).toBe("'=Lan");
    expect(pair.article_title).toBe("'+Bài");
  });

  it("leaves an undefined figure empty rather than zero", () => {
    const kappa = rows.find((r) => r.scope === "session" && r.metric === "cohen_kappa" && r.dimension === "claimType");
    expect(kappa?.value).toBe("");
  });
});
