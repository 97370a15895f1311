import { apiHandler, methods } from "@/lib/api/handler";
import { readBody } from "@/lib/api/http";
import { endpoints } from "@/lib/api/endpoints";
import { changePasswordAndSignIn } from "@/lib/auth/change-password";

// A route, not a server action: the render Next.js runs after an action that set a cookie reads
// the request's old cookie, and the old session has just ended, so that render sent the browser
// to sign in (lib/auth/change-password.ts).
const post = apiHandler(
  async ({ req, auth }) => {
    const { data } = await readBody(req, endpoints.changePassword.body);
    return changePasswordAndSignIn(auth.userId, data, req.headers);
  },
  { auth: "session" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
