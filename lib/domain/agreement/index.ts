// Inter-annotator agreement for annotation sessions: pure functions, no I/O.
export { krippendorffAlphaNominal } from "./alpha";
export { maxWeightMatching } from "./assignment";
export { cohenKappa, fleissKappa } from "./kappa";
export { matchUnits } from "./matching";
export { agreementReport } from "./report";
export { characterAgreement, spanScores } from "./spans";
export * from "./types";
export {
  krippendorffUnitizingAlpha,
  type UnitizingContinuum,
  type UnitizingDisagreement,
  type UnitizingUnit,
  unitizingDisagreement,
} from "./unitizing";
