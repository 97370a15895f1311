// A saved or fetched web page → plain article text plus the metadata the page declares.
// jsdom parses without running scripts or loading anything (no runScripts, no resources),
// Readability picks the main content, and only text nodes are kept, so no markup survives.
import { isIP } from "node:net";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

export type HtmlArticle = {
  title: string | null;
  byline: string | null;
  /** yyyy-mm-dd as the page states it (the date part of its own time zone). */
  publishedAt: string | null;
  publisher: string | null;
  url: string | null;
  language: "vi" | "en" | null;
  paragraphs: string[];
};

const BLOCKS = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT TR UL".split(
    " ",
  ),
);
// Never text a reader would see as the article: code, media, form controls.
const SKIPPED = new Set(
  "SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME OBJECT EMBED SVG CANVAS MATH IMG PICTURE VIDEO AUDIO SOURCE BUTTON SELECT TEXTAREA INPUT LINK META HEAD".split(" "),
);
// Page furniture, never the article: removed before Readability looks, which on short pages
// would otherwise keep the whole body. Headers and footers inside the article are left to Readability.
const FURNITURE = "nav, aside, form, dialog, [role=navigation], [role=complementary], [role=search], [aria-hidden=true], [hidden]";
const PAGE_FURNITURE = "header, footer, [role=banner], [role=contentinfo]";

function removeFurniture(doc: Document) {
  for (const el of doc.querySelectorAll(FURNITURE)) el.remove();
  doc.querySelectorAll(PAGE_FURNITURE).forEach((el) => {
    if (!el.parentElement?.closest("article, main, [role=main]")) el.remove();
  });
}

const clean = (s: string | null | undefined) => (s ?? "").replace(/[\s\u00a0]+/g, " ").trim();

/** Plain-text paragraphs of a DOM subtree: block elements break paragraphs, whitespace collapses. */
export function blockText(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const text = clean(current);
    if (text) paragraphs.push(text);
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    const block = BLOCKS.has(tag);
    if (block) flush();
    if (tag === "TD" || tag === "TH") current += " ";
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = clean(el?.getAttribute("content"));
    if (value) return value;
  }
  return null;
}

/** yyyy-mm-dd from an ISO date-time as written (its own time zone), else from any date Date can read. */
export function dateOnly(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function httpUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const u = new URL(value, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

function languageOf(tag: string | null | undefined): "vi" | "en" | null {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "vi" || primary === "en" ? primary : null;
}

/** Extracts the main text and metadata of an HTML page (offline: nothing is fetched or run). */
export function extractHtmlArticle(html: string, pageUrl?: string): HtmlArticle {
  // A silent console: pages are full of CSS jsdom cannot parse, which is no concern of ours.
  const dom = new JSDOM(html, { url: httpUrl(pageUrl) ?? undefined, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  try {
    // Read the metadata first: Readability rewrites the document.
    const declared = {
      title: meta(doc, "og:title", "twitter:title") ?? (clean(doc.title) || null),
      byline: meta(doc, "author", "article:author", "byl"),
      publishedAt: dateOnly(
        meta(doc, "article:published_time", "datePublished", "pubdate", "date", "dc.date") ?? doc.querySelector("time[datetime]")?.getAttribute("datetime"),
      ),
      publisher: meta(doc, "og:site_name", "application-name"),
      url: httpUrl(meta(doc, "og:url"), pageUrl) ?? httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), pageUrl) ?? httpUrl(pageUrl),
      language: languageOf(doc.documentElement.getAttribute("lang")) ?? languageOf(meta(doc, "og:locale", "language")),
    };
    // The page's own headline: <title> and og:title often carry the site's name as well.
    const headline = clean((doc.querySelector("article h1, main h1") ?? doc.querySelector("h1"))?.textContent) || null;
    removeFurniture(doc);
    const article = new Readability<Node>(doc, { serializer: (node) => node }).parse();
    const root = article?.content ?? doc.body;
    const title = headline || clean(article?.title) || declared.title;
    const byline = clean(article?.byline) || declared.byline;
    // Readability often keeps the headline (and the byline) as the first blocks; the metadata carries them.
    const furniture = new Set([title, declared.title, clean(article?.title), byline].filter((x): x is string => !!x));
    let paragraphs = root ? blockText(root) : [];
    while (paragraphs.length > 0 && furniture.has(paragraphs[0]!)) paragraphs = paragraphs.slice(1);
    return {
      title: title || null,
      byline,
      publishedAt: declared.publishedAt ?? dateOnly(article?.publishedTime),
      publisher: declared.publisher ?? (clean(article?.siteName) || null),
      url: declared.url,
      language: declared.language ?? languageOf(article?.lang),
      paragraphs,
    };
  } finally {
    dom.window.close();
  }
}

/**
 * The text fed to the normal import flow: the title as a Markdown heading (so parseArticle
 * always takes it as the title, never as a paragraph), then one paragraph per block.
 */
export function htmlArticleText(article: HtmlArticle): string {
  const body = article.paragraphs.join("\n\n");
  return article.title ? `# ${clean(article.title)}\n\n${body}` : body;
}

// ── URL safety ───────────────────────────────────────────────────────────────────────────

function ipv4Parts(ip: string): [number, number, number, number] | null {
  const [a, b, c, d, ...more] = ip.split(".").map(Number);
  if (a === undefined || b === undefined || c === undefined || d === undefined || more.length > 0) return null;
  const parts: [number, number, number, number] = [a, b, c, d];
  return parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? parts : null;
}

/** True for loopback, private, link-local, CGNAT, multicast, unspecified and other non-public addresses. */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip);
  if (kind === 4) {
    const [a, b] = ipv4Parts(ip)!;
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      a >= 224 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19))
    );
  }
  if (kind === 6) {
    const lower = ip.toLowerCase().replace(/^\[|\]$/g, "");
    const mapped = (/^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(lower))?.[1];
    if (mapped !== undefined) return isPrivateAddress(mapped);
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
    if (hexMapped?.[1] !== undefined && hexMapped[2] !== undefined) {
      const hi = parseInt(hexMapped[1], 16);
      const lo = parseInt(hexMapped[2], 16);
      return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    if (lower === "::" || lower === "::1") return true;
    const first = parseInt(lower.split(":")[0] || "0", 16);
    return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
  }
  return false;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; error: string };

/** A URL the server may fetch: http(s), no credentials, and not a private or loopback address written literally. */
export function checkFetchUrl(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: `“${raw.trim().slice(0, 200)}” is not a web address; enter a full URL starting with http:// or https://` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { ok: false, error: `Only http:// and https:// addresses can be imported, not ${url.protocol}` };
  if (url.username || url.password) return { ok: false, error: "Addresses with a user name or password cannot be imported" };
  // "localhost." is localhost too.
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost") || (isIP(host) && isPrivateAddress(host))) {
    return { ok: false, error: `${url.hostname} is a local or private address; only public web pages can be imported` };
  }
  return { ok: true, url };
}

/** The text encoding a page declares (Content-Type, else a <meta charset> in its first bytes), as a TextDecoder label; UTF-8 when none or unknown. */
export function charsetOf(contentType: string, head: Uint8Array): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(new TextDecoder("latin1").decode(head))?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").encoding;
  } catch {
    return "utf-8";
  }
}

/** Words for a Node network error code, or null when the code says nothing useful. */
export function describeNetworkError(code: string | undefined, timeoutMs: number): string | null {
  if (code === "ENOTFOUND") return "the host name was not found";
  if (code === "EAI_AGAIN") return "the host name could not be looked up (is the server offline?)";
  if (code === "ECONNREFUSED") return "the connection was refused";
  if (code === "ECONNRESET") return "the connection was closed by the other side";
  if (code === "ETIMEDOUT") return `no answer within ${timeoutMs / 1000} s`;
  if (code === "ENETUNREACH" || code === "EHOSTUNREACH") return "the network is unreachable from this server";
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return "the secure connection failed (certificate problem)";
  return null;
}
