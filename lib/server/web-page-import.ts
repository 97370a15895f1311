import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/membership";
import { formatBytes } from "@/lib/domain/import-decode";
import { charsetOf, checkFetchUrl, describeNetworkError, extractHtmlArticle, htmlArticleText, isPrivateAddress } from "@/lib/domain/import-html";
import { MAX_BULK_BYTES } from "@/lib/domain/import-jsonl";
import { previewImport } from "@/lib/server/articles";
import { AppError } from "@/lib/server/errors";

// ── HTML pages → the import wizard's preview ───────────────────────────────────────────

const htmlInputSchema = z.object({ fileName: z.string().trim().min(1).max(255), bytes: z.instanceof(Uint8Array) });

export type HtmlPreview = Awaited<ReturnType<typeof previewImport>> & { text: string };

/** A saved .html/.htm page → the same preview previewImport gives, plus the text to import. */
export async function previewHtmlImport(actor: Actor, input: unknown): Promise<HtmlPreview> {
  assertCan(actor, "articles.write");
  const { fileName, bytes } = htmlInputSchema.parse(input);
  if (!/\.html?$/i.test(fileName)) throw new AppError("bad_request", `${fileName}: only .html and .htm pages can be read here`);
  if (bytes.length > MAX_BULK_BYTES)
    throw new AppError("too_large", `${fileName} is ${formatBytes(bytes.length, true)}; the limit is ${formatBytes(MAX_BULK_BYTES)}`);
  if (bytes.length === 0) throw new AppError("bad_request", `${fileName} is empty`);
  return previewPage(actor, new TextDecoder(charsetOf("", bytes.subarray(0, 2048))).decode(bytes), fileName);
}

/** Fetches a public web page (http/https, 10 s, 5 MB) and previews it like an uploaded page. */
export async function previewUrlImport(actor: Actor, input: unknown): Promise<HtmlPreview> {
  assertCan(actor, "articles.write");
  const { url: raw } = z.object({ url: z.string().trim().min(1, "Enter the page's address").max(2000) }).parse(input);
  const checked = checkFetchUrl(raw);
  if (!checked.ok) throw new AppError("bad_request", checked.error, { fields: { url: checked.error } });
  const page = await fetchPage(checked.url);
  const label = `${page.url.hostname}${page.url.pathname}`.slice(0, 255);
  return previewPage(actor, page.html, label, page.url.href);
}

async function previewPage(actor: Actor, html: string, fileName: string, pageUrl?: string): Promise<HtmlPreview> {
  const article = extractHtmlArticle(html, pageUrl);
  if (article.paragraphs.length === 0) throw new AppError("bad_request", `${fileName}: no article text found on this page`);
  const text = htmlArticleText(article);
  const preview = await previewImport(actor, { text, fileName });
  const p = preview.parsed;
  return {
    ...preview,
    text,
    // What the page declares beats what the text suggests; the editor confirms either way.
    parsed: {
      ...p,
      title: article.title ?? p.title,
      publishedAt: article.publishedAt ?? p.publishedAt,
      publisher: article.publisher ?? p.publisher,
      byline: article.byline ?? p.byline,
      url: article.url ?? p.url,
      language: article.language ?? p.language,
    },
  };
}

// ── Fetching a page ──────────────────────────────────────────────────────────────────────

export type FetchOptions = { timeoutMs?: number; maxBytes?: number; maxRedirects?: number; allowPrivateHosts?: boolean };

class Unreachable extends Error {}

// Checked at connect time, on the address actually used, so DNS cannot swap in a private one later.
function publicOnlyLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as dns.LookupAddress[];
      const bad = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new Unreachable(`${hostname} is a local or private address (${bad.address}); only public web pages can be imported`), "", 0);
      const first = list[0];
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      else if (first) callback(null, first.address, first.family);
      else callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", 0);
    });
  };
}

function reason(err: unknown, timeoutMs: number): string {
  if (err instanceof Unreachable) return err.message;
  return describeNetworkError((err as { code?: string }).code, timeoutMs) ?? ((err as Error).message || "unknown network error");
}

type Hop = { redirect: string } | { html: string };

function getOnce(url: URL, deadline: number, o: Required<FetchOptions>): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" }));
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: "GET",
        lookup: publicOnlyLookup(o.allowPrivateHosts),
        headers: { "user-agent": "Claimboard-import/1.0", accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ redirect: res.headers.location });
        }
        if (status >= 400) {
          res.resume();
          return reject(new Unreachable(`the server answered ${status} ${res.statusMessage ?? ""}`.trim()));
        }
        const type = String(res.headers["content-type"] ?? "");
        if (type && !/html|xml/i.test(type)) {
          res.resume();
          return reject(new Unreachable(`it is ${type.split(";")[0]}, not a web page`));
        }
        const tooBig = () => new Unreachable(`the page is larger than ${formatBytes(o.maxBytes)}`);
        if (Number(res.headers["content-length"] ?? 0) > o.maxBytes) {
          res.destroy();
          return reject(tooBig());
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) {
            res.destroy();
            reject(tooBig());
          } else chunks.push(chunk);
        });
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          resolve({ html: new TextDecoder(charsetOf(type, body.subarray(0, 2048))).decode(body) });
        });
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })), remaining);
    request.on("close", () => clearTimeout(timer));
    request.on("error", reject);
    request.end();
  });
}

/**
 * GETs an http(s) page: ≤ timeoutMs overall (10 s), ≤ maxBytes (5 MB), up to 5 redirects, every
 * hop checked against private and loopback addresses. Failures are "Could not reach <url>: …".
 */
export async function fetchPage(start: URL, options: FetchOptions = {}): Promise<{ url: URL; html: string }> {
  const o: Required<FetchOptions> = { timeoutMs: 10_000, maxBytes: MAX_BULK_BYTES, maxRedirects: 5, allowPrivateHosts: false, ...options };
  const deadline = Date.now() + o.timeoutMs;
  let url = start;
  for (let hop = 0; ; hop++) {
    let result: Hop;
    try {
      result = await getOnce(url, deadline, o);
    } catch (err) {
      throw new AppError("bad_request", `Could not reach ${url.href}: ${reason(err, o.timeoutMs)}`, { fields: { url: reason(err, o.timeoutMs) } });
    }
    if ("html" in result) return { url, html: result.html };
    if (hop >= o.maxRedirects) throw new AppError("bad_request", `Could not reach ${start.href}: more than ${o.maxRedirects} redirects`);
    const next = new URL(result.redirect, url);
    const checked = o.allowPrivateHosts && /^https?:$/.test(next.protocol) ? { ok: true as const, url: next } : checkFetchUrl(next.href);
    if (!checked.ok)
      throw new AppError("bad_request", `Could not reach ${start.href}: it redirects to ${next.href}, which cannot be imported (${checked.error})`);
    url = checked.url;
  }
}
