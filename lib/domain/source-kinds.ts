import { foldForMatch } from "./claim-types";

type Kind = "OUTLET" | "WIRE_AGENCY" | "STATE_MEDIA" | "GOVERNMENT" | "PERSON" | "OTHER";

const WIRES = ["reuters", "afp", "ap", "associated press", "tass", "xinhua", "kyodo", "yonhap", "interfax", "ria novosti", "bernama", "efe", "dpa", "ansa"];
const STATE_MEDIA = ["kcna", "rodong sinmun", "ttxvn", "vna", "rt", "cctv", "sputnik"];

/** A first guess at a source's kind from its name; editors can correct it. */
export function guessSourceKind(name: string): Kind {
  const key = foldForMatch(name);
  if (WIRES.includes(key)) return "WIRE_AGENCY";
  if (STATE_MEDIA.includes(key)) return "STATE_MEDIA";
  return "OUTLET";
}
