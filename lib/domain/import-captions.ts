// Recognises photo captions that copy-pasted news articles carry inline: "… ngày 13/9/2023.
// (Ảnh: Mikhail Metzel/POOL/AFP/Getty Images)", "… thăm Nga. Ảnh: KCNA.", "… (Photo: AP)",
// "… Photo: Evgeny Biyatov / Reuters", "(Nguồn ảnh: …)", "Ảnh minh họa".
// A caption is article text (it stays a passage) but it never names the article, so the
// title is taken from the first paragraph that is not one. The test is on the END of a short
// paragraph only: a body sentence that mentions "ảnh" or a wire agency in passing is not a
// caption, and a long paragraph is body text whatever it ends with.
import { codePointLength } from "./text";

/** Captions are a sentence or two; a longer paragraph is body text even if it ends in a credit. */
export const MAX_CAPTION_LENGTH = 400;

/** Labels that introduce the photographer or agency: "Ảnh: KCNA", "Photo: Reuters". */
const CREDIT_LABEL = String.raw`(?:nguồn\s+ảnh|ảnh\s+minh\s+h(?:ọa|oạ)|ảnh\s+tư\s+liệu|ảnh\s+chụp\s+màn\s+hình|hình\s+ảnh|ảnh|hình|photo\s+credit|photograph|photo|image|picture|file\s+photo|credit|source\s+of\s+photo)`;

/** Labels that are a whole credit on their own: "(Ảnh minh họa)", "Illustrative photo". */
const STANDALONE_LABEL = String.raw`(?:ảnh\s+minh\s+h(?:ọa|oạ)|ảnh\s+tư\s+liệu|ảnh\s+chụp\s+màn\s+hình|illustrative\s+(?:photo|image|picture)|illustration|file\s+photo|stock\s+photo|screenshot)`;

/** Where a trailing credit may start: the paragraph start, a sentence end, or a dash or bar. */
const CREDIT_START = String.raw`(?:^|[.!?…"”’»)]\s+|\s[-–—|]\s+)`;

// "(Ảnh: Mikhail Metzel/POOL/AFP/Getty Images)", "(Photo: AP)", "(Nguồn ảnh: Reuters)". Inside
// parentheses the label may be lower-case: the parentheses already set it apart.
const PAREN_LABELLED = new RegExp(String.raw`\(\s*${CREDIT_LABEL}\s*[:：]\s*[^()]{1,120}\)\s*\.?$`, "iu");
const PAREN_STANDALONE = new RegExp(String.raw`\(\s*${STANDALONE_LABEL}\s*\)\s*\.?$`, "iu");
// "… thăm Nga. Ảnh: Bộ Quốc phòng Nga." Outside parentheses the credit must follow a sentence
// end (or open the paragraph) and be short: "trên bức ảnh: …" inside a sentence is body text.
const BARE_LABELLED = new RegExp(String.raw`${CREDIT_START}(${CREDIT_LABEL})\s*[:：]\s*(\S[^]{0,99}?)\s*\.?$`, "iu");
const BARE_STANDALONE = new RegExp(String.raw`${CREDIT_START}(${STANDALONE_LABEL})\s*\.?$`, "iu");
// "(Mikhail Metzel/POOL/AFP/Getty Images)", "(Reuters/Evgeny Biyatov)": a slash-separated credit.
const PAREN_SLASHED = /\(([^()]{3,120}\/[^()]{1,120})\)\s*\.?$/u;
// "… in Vladivostok. REUTERS/Evgeny Biyatov", "AP Photo/Alexander Zemlianichenko".
const WIRE_SLASHED = new RegExp(
  String.raw`${CREDIT_START}((?:REUTERS|AFP|AP(?: Photo)?|EPA(?:-EFE)?|XINHUA|YONHAP|KCNA|TASS|SPUTNIK|TTXVN|POOL)\s*\/\s*[^/]{2,60}(?:\/[^/]{2,60}){0,3})\s*\.?$`,
  "u",
);

/** Wire and photo agencies that appear in slash credits, lower-cased. */
const AGENCIES = new Set([
  "reuters",
  "afp",
  "ap",
  "ap photo",
  "epa",
  "epa-efe",
  "getty",
  "getty images",
  "pool",
  "xinhua",
  "yonhap",
  "kcna",
  "tass",
  "sputnik",
  "ria novosti",
  "ttxvn",
  "vna",
  "anadolu",
  "bloomberg",
  "shutterstock",
  "alamy",
]);
/** Parts that only a photo credit carries; "Reuters/AP" alone is a relay credit, not a caption. */
const PHOTO_ONLY = new Set(["getty", "getty images", "pool", "ap photo", "epa-efe", "shutterstock", "alamy"]);

/** "Mikhail Metzel/POOL/AFP/Getty Images": an agency plus a photographer or a photo service. */
function isSlashedPhotoCredit(inner: string): boolean {
  const parts = inner.split("/").map((part) => part.trim().toLowerCase());
  if (parts.length < 2 || parts.some((part) => part.length === 0 || part.split(/\s+/u).length > 4)) return false;
  if (!parts.some((part) => AGENCIES.has(part))) return false;
  return parts.some((part) => PHOTO_ONLY.has(part) || !AGENCIES.has(part));
}

/** A credit after a bare label is a name or two, not a clause: a few words, no sentence break. */
function isShortCredit(credit: string): boolean {
  return credit.split(/\s+/u).length <= 10 && !/[!?…]|\.\s+\p{Ll}/u.test(credit);
}

/** True when the paragraph is a photo caption: short and ending in a photo credit (see the rules above). */
export function isPhotoCaption(paragraph: string): boolean {
  const text = paragraph.normalize("NFC").trim();
  if (text.length === 0 || codePointLength(text) > MAX_CAPTION_LENGTH) return false;
  if (PAREN_LABELLED.test(text) || PAREN_STANDALONE.test(text)) return true;
  const slashed = PAREN_SLASHED.exec(text)?.[1];
  if (slashed !== undefined && isSlashedPhotoCredit(slashed)) return true;
  if (WIRE_SLASHED.test(text)) return true;
  // Outside parentheses the label must be capitalised, as a credit is written ("Ảnh:", "Photo:").
  const bare = BARE_LABELLED.exec(text);
  if (bare?.[1] !== undefined && bare[2] !== undefined && /^\p{Lu}/u.test(bare[1]) && isShortCredit(bare[2])) return true;
  const standalone = BARE_STANDALONE.exec(text)?.[1];
  return standalone !== undefined && /^\p{Lu}/u.test(standalone);
}
