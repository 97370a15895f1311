// Sign up against a running app the way the sign-up form does (its server action), for the
// scripts that drive a production build over HTTP (the soak test and the benchmark).

/** Sign `name` up with `email` and `password`; returns the session cookie. */
export async function signUpThroughForm(base: string, { name, email, password }: { name: string; email: string; password: string }): Promise<string> {
  const html = await (await fetch(`${base}/signup`)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let actionId: string | undefined;
  for (const src of scripts) {
    const js = await (await fetch(`${base}${src}`)).text();
    actionId = /createServerReference\)\("([0-9a-f]{16,})"[^)]*?"signUpAction"\)/.exec(js)?.[1];
    if (actionId) break;
  }
  if (!actionId) throw new Error("could not find the sign-up form's server action in the /signup page's scripts");
  const res = await fetch(`${base}/signup`, {
    method: "POST",
    headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base },
    body: JSON.stringify([{ name, email, password }]),
    redirect: "manual",
  });
  const body = await res.text();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!res.ok || !body.includes('"ok":true') || !cookie.includes("session-token")) throw new Error(`sign-up failed: ${res.status} ${body.slice(0, 300)}`);
  return cookie;
}
