// Demo propositions linking the demo claims (by article key and claim index in demo-content.ts),
// chosen so the comparison page shows every verdict: conflict, detail conflict, single origin, agree.
type Stance = "SUPPORTS" | "REFUTES" | "NEUTRAL";
type Ref = [articleKey: string, claimIndex: number, stance: Stance];

// The first mention makes the proposition (from that claim); the others are linked to it.
export const demoPropositions: { statement: string; mentions: [Ref, ...Ref[]]; rating?: string }[] = [
  {
    statement: "North Korea supplies artillery shells and munitions to Russia",
    mentions: [
      ["arms-allegation-en", 1, "SUPPORTS"],
      ["pyongyang-visit-vi", 4, "SUPPORTS"],
      ["summit-relay-en", 2, "NEUTRAL"],
      ["summit-wire-en", 4, "NEUTRAL"],
      ["summit-relay-vi", 2, "NEUTRAL"],
      ["gifts-state-en", 3, "REFUTES"],
      ["arms-allegation-en", 3, "REFUTES"],
      ["arms-allegation-en", 4, "REFUTES"],
      ["pyongyang-visit-vi", 5, "REFUTES"],
    ],
  },
  {
    statement: "Kim Jong Un was given attack drones by a Russian regional governor",
    mentions: [
      ["gifts-state-en", 1, "SUPPORTS"],
      ["gifts-relay-vi", 1, "SUPPORTS"],
      ["arms-allegation-en", 5, "SUPPORTS"],
    ],
  },
  {
    statement: "Putin and Kim met at the Vostochny cosmodrome on 13 September 2023",
    mentions: [
      ["summit-wire-en", 0, "SUPPORTS"],
      ["summit-relay-vi", 0, "SUPPORTS"],
      ["summit-relay-en", 0, "SUPPORTS"],
    ],
  },
  {
    statement: "Russia will help North Korea with satellite and space technology",
    mentions: [
      ["summit-wire-en", 2, "SUPPORTS"],
      ["summit-relay-en", 1, "SUPPORTS"],
      ["summit-wire-en", 5, "NEUTRAL"],
      ["summit-relay-vi", 1, "NEUTRAL"],
      ["pyongyang-visit-vi", 3, "NEUTRAL"],
    ],
  },
  {
    statement: "Putin gave Kim Jong Un a hunting rifle and a carrier rocket model",
    mentions: [
      ["gifts-state-en", 0, "SUPPORTS"],
      ["gifts-relay-vi", 2, "SUPPORTS"],
    ],
  },
  {
    statement: "The United States threatens new sanctions over a North Korea–Russia arms deal",
    mentions: [
      ["summit-relay-vi", 4, "SUPPORTS"],
      ["summit-relay-en", 3, "SUPPORTS"],
      ["arms-allegation-en", 2, "SUPPORTS"],
    ],
  },
  {
    statement: "Putin and Kim signed a comprehensive strategic partnership treaty in Pyongyang",
    mentions: [["pyongyang-visit-vi", 1, "SUPPORTS"]],
  },
];
