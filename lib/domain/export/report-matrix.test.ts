import { describe, expect, it } from "vitest";
import { reportMatrix } from "./report-matrix";
import { link, mention, proposition } from "./test-fixtures";

const at = (publisher: string | null, stance: "SUPPORTS" | "REFUTES" | "NEUTRAL", propId = link().id) =>
  mention({ annotationId: `${publisher}-${stance}`, publisher, propositions: [link({ id: propId, stance })] });

describe("reportMatrix", () => {
  it("has one column per publisher, sorted, and a glyph per proposition × publisher", () => {
    const p1 = proposition({ statement: "P1", mentions: [at("VnExpress", "SUPPORTS"), at("RFI", "REFUTES"), at("RFI", "SUPPORTS"), at(null, "NEUTRAL")] });
    const p2 = proposition({ id: "p2", statement: "P2", mentions: [at("RFI", "NEUTRAL", "p2")] });
    expect(reportMatrix([p1, p2])).toEqual({
      columns: ["No publisher", "RFI", "VnExpress"],
      rows: [
        { statement: "P1", cells: ["○", "±", "✔"] },
        { statement: "P2", cells: ["·", "○", "·"] },
      ],
    });
  });

  it("reads the stance of the link to the row's proposition, not another one", () => {
    const m = mention({ publisher: "RFI", propositions: [link({ id: "other", stance: "REFUTES" }), link({ stance: "SUPPORTS" })] });
    expect(reportMatrix([proposition({ mentions: [m] })]).rows[0]?.cells).toEqual(["✔"]);
  });

  it("has no columns without mentions", () => {
    expect(reportMatrix([proposition({ mentions: [] })])).toEqual({ columns: [], rows: [{ statement: proposition().statement, cells: [] }] });
  });
});
