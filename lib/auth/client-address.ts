import { isIP } from "node:net";

/**
 * The client's address for per-client sign-in limits, as the reverse proxy reports it: the last
 * `X-Forwarded-For` entry (the one the nearest proxy appended), else `X-Real-IP`, else "unknown".
 * This trusts the proxy. Without one in front, a client can send any value (Next.js fills
 * `X-Forwarded-For` from the socket only when the header is absent), which is why the per-account
 * limits never depend on it. IPv6 addresses count per /64, the block one subscriber usually gets.
 */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1);
  return normalize(forwarded) ?? normalize(headers.get("x-real-ip")) ?? "unknown";
}

function normalize(raw: string | null | undefined): string | null {
  let ip = raw?.trim().toLowerCase() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed?.[1]) ip = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  if (ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version === 6) return ipv6Block(ip);
  return null;
}

/** The /64 network of a valid IPv6 address, as "2001:db8:0:1::/64". */
function ipv6Block(ip: string): string {
  const [head = "", tail] = ip.split("::");
  const groups = (part: string) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...Array<string>(8 - front.length - back.length).fill("0"), ...back];
  return `${all
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
