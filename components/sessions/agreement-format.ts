// Pure formatting for the agreement panel: numbers, why a figure is undefined, and the heat map's colour scale.

/** A score with three decimals, the convention for agreement coefficients ("0.812", "−0.120"); null gives "—". */
export function formatScore(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const text = Math.abs(value).toFixed(3);
  // A true minus sign, and no "−0.000" for a value that rounds to zero.
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}

/** Why a figure of the report can be null; the words for each are in the catalogue (sessions.agreement.why). */
export const WHY_UNDEFINED = [
  "f1",
  "precision",
  "recall",
  "meanF1",
  "character",
  "cohenNoUnits",
  "cohenChance",
  "alpha",
  "fleiss",
  "unitizingMany",
  "unitizingFew",
  "unitizingEmpty",
  "noClaims",
  "self",
] as const;
export type WhyUndefined = (typeof WHY_UNDEFINED)[number];

/** Why uα is null, from the number of annotators. */
export function whyNoUnitizing(annotators: number): WhyUndefined {
  if (annotators > 2) return "unitizingMany";
  if (annotators < 2) return "unitizingFew";
  return "unitizingEmpty";
}

/** Krippendorff's reading of an alpha (2004, §12.2): α ≥ .800 reliable, .667 ≤ α < .800 tentative conclusions only. */
export function alphaVerdict(value: number | null): "reliable" | "tentative" | "unreliable" | null {
  if (value === null) return null;
  if (value >= 0.8) return "reliable";
  if (value >= 0.667) return "tentative";
  return "unreliable";
}

export type KappaReading = "poor" | "slight" | "fair" | "moderate" | "substantial" | "almostPerfect";
const KAPPA_WORDS: Record<KappaReading, string> = {
  poor: "poor (below chance)",
  slight: "slight",
  fair: "fair",
  moderate: "moderate",
  substantial: "substantial",
  almostPerfect: "almost perfect",
};

/** Landis & Koch's (1977) band for a kappa, a rough guide only (its words: sessions.agreement.kappaReading). */
export function kappaReading(value: number | null): KappaReading | null {
  if (value === null) return null;
  if (value < 0) return "poor";
  if (value <= 0.2) return "slight";
  if (value <= 0.4) return "fair";
  if (value <= 0.6) return "moderate";
  if (value <= 0.8) return "substantial";
  return "almostPerfect";
}

/** Landis & Koch's (1977) words for a kappa, in English. */
export function kappaVerdict(value: number | null): string | null {
  const reading = kappaReading(value);
  return reading && KAPPA_WORDS[reading];
}

export type Rgb = readonly [number, number, number];
export type ColourStop = { at: number; rgb: Rgb };

/** Scores from 0 to 1 (F1, character Dice): pale to dark blue. */
export const SEQUENTIAL: readonly ColourStop[] = [
  { at: 0, rgb: [248, 250, 252] },
  { at: 0.5, rgb: [147, 197, 253] },
  { at: 1, rgb: [30, 58, 138] },
];

/** Coefficients from −1 to 1 (kappa): red below chance, pale at chance, dark blue at perfect agreement. */
export const DIVERGING: readonly ColourStop[] = [
  { at: -1, rgb: [185, 28, 28] },
  { at: 0, rgb: [248, 250, 252] },
  { at: 0.5, rgb: [147, 197, 253] },
  { at: 1, rgb: [30, 58, 138] },
];

/** The colour a value takes on a scale, linearly between its stops; values past the ends are clamped. */
export function scaleColour(value: number, stops: readonly ColourStop[]): Rgb {
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  if (value <= first.at) return first.rgb;
  if (value >= last.at) return last.rgb;
  for (let i = 1; i < stops.length; i++) {
    const hi = stops[i]!;
    const lo = stops[i - 1]!;
    if (value <= hi.at) {
      const t = (value - lo.at) / (hi.at - lo.at);
      return [0, 1, 2].map((k) => Math.round(lo.rgb[k]! + (hi.rgb[k]! - lo.rgb[k]!) * t)) as unknown as Rgb;
    }
  }
  return last.rgb;
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const INK: Rgb = [15, 23, 42];
const WHITE: Rgb = [255, 255, 255];
const css = ([r, g, b]: Rgb) => `rgb(${r} ${g} ${b})`;

/** A heat-map cell's background and the text colour (dark or white) that reads best on it; null: the "no value" grey. */
export function cellColours(value: number | null, stops: readonly ColourStop[]): { background: string; color: string } {
  if (value === null) return { background: css([226, 232, 240]), color: css([71, 85, 105]) };
  const bg = scaleColour(value, stops);
  return { background: css(bg), color: css(contrast(bg, INK) >= contrast(bg, WHITE) ? INK : WHITE) };
}

/** A CSS linear gradient of a scale, for the legend. */
export function legendGradient(stops: readonly ColourStop[]): string {
  const from = stops[0]!.at;
  const span = stops[stops.length - 1]!.at - from;
  return `linear-gradient(to right, ${stops.map((s) => `${css(s.rgb)} ${Math.round(((s.at - from) / span) * 100)}%`).join(", ")})`;
}
