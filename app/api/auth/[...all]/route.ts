// better-auth's endpoints (sign-in, sign-out, session, password change). Self sign-up is disabled in lib/auth.
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/better-auth";

const handler = (req: Request) => auth().handler(req);
export const { GET, POST } = toNextJsHandler(handler);
