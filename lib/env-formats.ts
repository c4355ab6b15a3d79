import { isIP } from "node:net";
import { z } from "zod";

/** The formats of configuration values, for lib/env.ts: each message says what a good value looks like. */

export const databaseUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "must be a postgres:// or postgresql:// connection URL",
  });

export const hostname = z
  .string()
  .trim()
  .regex(/^[a-z0-9.-]+(:\d+)?$/i, "must be a host name such as my-app.vercel.app (no scheme)");

export const wsProxyAddress = z
  .string()
  .trim()
  .regex(/^[a-z0-9.-]+(:\d+)?(\/\S*)?$/i, "must be host:port, optionally followed by a path (no scheme)");

export const origin = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ""), {
    message: "must be an origin such as https://app.example.com (scheme, host and optional port)",
  });

export const ipOrRange = z
  .string()
  .trim()
  .refine(
    (value) => {
      const [address = "", prefix, ...rest] = value.split("/");
      // A zone (fe80::1%eth0) is valid to Node but not to Better Auth, which would skip the entry.
      const family = address.includes("%") ? 0 : isIP(address);
      if (!family || rest.length) return false;
      return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
    },
    { message: "must be IP addresses or CIDR ranges such as 10.0.0.0/8, comma-separated" },
  );

export const smtpUrl = z
  .string()
  .trim()
  .refine((value) => /^smtps?:\/\/[^\s]+$/.test(value) && URL.canParse(value) && new URL(value).hostname !== "", {
    message: "must be an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.com:465",
  });

// "Name <address>" or a bare address: what nodemailer puts in From.
export const mailbox = z
  .string()
  .trim()
  .refine((value) => /^([^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/.test(value), {
    message: "must be an address such as todo-next <no-reply@example.com>",
  });
