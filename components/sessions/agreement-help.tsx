import type { ReactNode } from "react";

const DEFINITIONS: [string, ReactNode][] = [
  [
    "Units, exact and overlap matching",
    <>
      The annotators&apos; claims are matched into <em>units</em>: claims of different annotators that mark the same words. A unit holds at most one claim per
      annotator and every claim is in exactly one unit; a claim nobody else matched is a unit of its own. <strong>Exact</strong> matching pairs only claims with
      identical start and end. <strong>Overlap</strong> matching pairs claims whose spans share at least one character, choosing the pairing that maximises the
      characters shared (a maximum-weight matching), so one long claim cannot swallow several short ones. With more than two annotators, each annotator in turn
      is matched against the units formed so far.
    </>,
  ],
  [
    "Precision, recall and F1",
    <>
      For a pair (first – second annotator), taking the first as reference: <strong>precision</strong> is the share of the second annotator&apos;s claims
      matched to one of the first&apos;s, <strong>recall</strong> the share of the first&apos;s claims matched, and <strong>F1</strong> = 2 × matched ÷ (claims
      of both), which is the same whichever annotator comes first. Mean F1 averages F1 over all pairs that have one.
    </>,
  ],
  [
    "Character score",
    <>
      Partial credit for spans that overlap without matching exactly: the Dice coefficient 2 × |A ∩ B| ÷ (|A| + |B|) over the characters each annotator covers
      with any claim (a character covered twice by one annotator counts once). 1 means both marked exactly the same characters.
    </>,
  ],
  [
    "Cohen's kappa",
    <>
      Per pair and per label (claim type, speaker, modality), on the units both annotators have a claim in under overlap matching: (observed agreement − chance
      agreement) ÷ (1 − chance agreement), chance computed from each annotator&apos;s own use of the labels. 0 is chance level, 1 perfect, below 0 worse than
      chance. Undefined when there is no such unit, or when both used one and the same label on every unit (chance agreement is then 1).
    </>,
  ],
  [
    "Fleiss' kappa",
    <>
      The group version of kappa, per label, computed only on the units <em>every</em> annotator marked (overlap matching). Units someone missed are left out,
      so read it together with the number of units and with Krippendorff&apos;s alpha.
    </>,
  ],
  [
    "Krippendorff's alpha (nominal)",
    <>
      Per label, over all overlap units: α = 1 − observed disagreement ÷ expected disagreement, both read from the coincidence matrix (every ordered pair of
      values given to one unit by two different annotators, weighted 1 ÷ (values in the unit − 1)). An annotator with no claim in a unit is a{" "}
      <em>missing value</em>, not a disagreement; a unit with fewer than two values drops out. Undefined when no unit has two values or every value is the same.
    </>,
  ],
  [
    "Unitizing alpha (uα)",
    <>
      Krippendorff&apos;s binary unitizing alpha compares where the annotators put their spans, whatever their labels. Each paragraph is a continuum of
      characters split by each annotator into marked sections and gaps (one annotator&apos;s overlapping claims are merged). Two overlapping sections disagree
      by (difference of starts)² + (difference of ends)²; a section lying in the other&apos;s gap disagrees by its length². uα = 1 − observed ÷ expected
      disagreement, expected being what random placement of the same sections would give. It is computed for exactly two annotators (per pair, and for the
      session when it has two): for more, Krippendorff and colleagues (2016) found this definition misbehaves, and its replacement is not implemented, so it
      shows “—”.
    </>,
  ],
  [
    "The speaker label",
    <>
      Two claims agree on the speaker when they list the same speakers (entities or sources) in the same order. A claim naming no speaker has the value “no
      speaker”, which is a value like any other: two annotators who both leave it empty agree, and one empty against one named disagree.
    </>,
  ],
  [
    "Reading the figures",
    <>
      Krippendorff&apos;s alpha: α ≥ .800 is reliable, .667 ≤ α &lt; .800 allows tentative conclusions only, below .667 the labels should not be relied on.
      Kappa (Landis &amp; Koch, a rough guide): ≤ .20 slight, .21–.40 fair, .41–.60 moderate, .61–.80 substantial, above .80 almost perfect. F1 and the
      character score are plain shares: low F1 with a high character score means the annotators found the same passages but cut their spans differently. With
      few units every figure swings widely; a “—” means the figure is undefined, and its tooltip says why.
    </>,
  ],
];

/** Plain-words definitions of every figure in the agreement panel. */
export function AgreementHelp() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="agreement-help">
      <summary className="cursor-pointer font-medium text-slate-800">How these figures are computed</summary>
      <dl className="mt-3 space-y-3">
        {DEFINITIONS.map(([term, text]) => (
          <div key={term}>
            <dt className="font-medium text-slate-900">{term}</dt>
            <dd className="mt-0.5 max-w-3xl leading-relaxed text-slate-700">{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
