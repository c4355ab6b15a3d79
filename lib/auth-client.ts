import { createAuthClient } from "better-auth/react";

/**
 * Better Auth's React client for sign-up, sign-in and sign-out. Same origin: it talks to
 * /api/auth on whatever host served the page, so no URL is configured here.
 */
export const authClient = createAuthClient();
