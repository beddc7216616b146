import NextAuth from "next-auth";
import { authOptions } from "../../../../server/auth-options";

// next-auth's handler reads the configuration per request, so env() is validated at first use, not at build.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
