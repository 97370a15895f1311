import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it.each([
    ["no headers", {}, "unknown"],
    ["the proxy's entry: the last of X-Forwarded-For", { "x-forwarded-for": "203.0.113.9, 198.51.100.4" }, "198.51.100.4"],
    ["one entry", { "x-forwarded-for": " 192.0.2.1 " }, "192.0.2.1"],
    ["X-Real-IP when X-Forwarded-For is absent", { "x-real-ip": "192.0.2.7" }, "192.0.2.7"],
    ["X-Real-IP when X-Forwarded-For is not an address", { "x-forwarded-for": "evil", "x-real-ip": "192.0.2.7" }, "192.0.2.7"],
    ["garbage everywhere", { "x-forwarded-for": "<script>", "x-real-ip": "also bad" }, "unknown"],
    ["an IPv4 address with a port", { "x-forwarded-for": "192.0.2.1:51234" }, "192.0.2.1"],
    ["an IPv4-mapped IPv6 address", { "x-forwarded-for": "::ffff:192.0.2.1" }, "192.0.2.1"],
    ["IPv6 by its /64", { "x-forwarded-for": "2001:db8:0:1:aaaa:bbbb:cccc:dddd" }, "2001:db8:0:1::/64"],
    ["IPv6 compressed, same /64", { "x-forwarded-for": "2001:DB8:0:1::5" }, "2001:db8:0:1::/64"],
    ["IPv6 in brackets with a port", { "x-forwarded-for": "[2001:db8::1]:443" }, "2001:db8:0:0::/64"],
    ["IPv6 loopback", { "x-forwarded-for": "::1" }, "0:0:0:0::/64"],
  ])("%s", (_label, headers, expected) => {
    expect(clientAddress(h(headers))).toBe(expected);
  });
});
