import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, INERT_CSP, STATIC_SECURITY_HEADERS, servedOverHttps } from "@/lib/security-headers";

/** The policy as directive → its sources, the way a browser splits it. */
function parse(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(out.has(name), `${name} given twice`).toBe(false);
    out.set(name, sources);
  }
  return out;
}

describe("createNonce", () => {
  it("is 128 bits of base64, different every time", () => {
    const nonces = Array.from({ length: 200 }, createNonce);
    for (const n of nonces) {
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(atob(n)).toHaveLength(16);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe("contentSecurityPolicy", () => {
  const nonce = createNonce();
  const prod = parse(contentSecurityPolicy({ nonce, dev: false, https: false }));

  it.each([
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ])("production: %s is %j", (directive, sources) => {
    expect(prod.get(directive)).toEqual(sources);
  });

  it("production allows neither eval nor inline script, and does not upgrade over http", () => {
    const scripts = prod.get("script-src") ?? [];
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(prod.has("upgrade-insecure-requests")).toBe(false);
  });

  it("a style nonce would silently switch 'unsafe-inline' off, so styles carry none", () => {
    expect((prod.get("style-src") ?? []).some((s) => s.startsWith("'nonce-"))).toBe(false);
  });

  it("development adds 'unsafe-eval' to scripts and changes nothing else", () => {
    const dev = parse(contentSecurityPolicy({ nonce, dev: true, https: false }));
    expect(dev.get("script-src")).toEqual([...(prod.get("script-src") ?? []), "'unsafe-eval'"]);
    dev.delete("script-src");
    const rest = new Map(prod);
    rest.delete("script-src");
    expect(dev).toEqual(rest);
  });

  it("over https, asks for insecure requests to be upgraded", () => {
    expect(parse(contentSecurityPolicy({ nonce, dev: false, https: true })).get("upgrade-insecure-requests")).toEqual([]);
  });

  it("puts this request's nonce in the policy, and only it", () => {
    const other = createNonce();
    const policy = contentSecurityPolicy({ nonce: other, dev: false, https: false });
    expect(policy).toContain(`'nonce-${other}'`);
    expect(policy).not.toContain(nonce);
  });
});

describe("fixed headers", () => {
  const headers = new Map(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));

  it.each([
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
  ])("%s: %s", (key, value) => {
    expect(headers.get(key)).toBe(value);
  });

  it("Permissions-Policy denies camera, microphone and geolocation to everyone", () => {
    const features = (headers.get("Permissions-Policy") ?? "").split(/,\s*/);
    expect(features).toEqual(expect.arrayContaining(["camera=()", "microphone=()", "geolocation=()"]));
    for (const f of features) expect(f).toMatch(/^[a-z-]+=\(\)$/);
  });

  it("the fixed set carries no CSP (the proxy sends the per-request one; a second policy would also be enforced)", () => {
    expect(headers.has("Content-Security-Policy")).toBe(false);
  });

  it("static files may load nothing and be framed by nobody", () => {
    expect(parse(INERT_CSP)).toEqual(
      new Map([
        ["default-src", ["'none'"]],
        ["frame-ancestors", ["'none'"]],
      ]),
    );
  });
});

describe("servedOverHttps", () => {
  it.each([
    ["https://claims.example/w/x", null, true],
    ["http://localhost:3000/", null, false],
    ["http://10.0.0.5:3000/", "https", true],
    ["http://10.0.0.5:3000/", "HTTPS, http", true],
    ["http://10.0.0.5:3000/", "http, https", false],
    ["http://10.0.0.5:3000/", "", false],
  ])("%s with X-Forwarded-Proto %j: %s", (url, proto, expected) => {
    expect(servedOverHttps(new URL(url), proto)).toBe(expected);
  });
});
