import { describe, expect, it } from "vitest";
import { clientAddressOptions } from "@/lib/client-address";

// Better Auth reads the client's address from the headers named here (none: one shared bucket).
describe("clientAddressOptions – where the per-address limits find the client", () => {
  it("off Vercel without TRUSTED_PROXIES: no header is believed (a client could name any address)", () => {
    expect(clientAddressOptions({ onVercel: false, trustedProxies: [] })).toEqual({ ipAddressHeaders: [], trustedProxies: [] });
  });

  it("behind TRUSTED_PROXIES: X-Forwarded-For, read right to left past them", () => {
    expect(clientAddressOptions({ onVercel: false, trustedProxies: ["10.0.0.0/8"] })).toEqual({
      ipAddressHeaders: ["x-forwarded-for"],
      trustedProxies: ["10.0.0.0/8"],
    });
  });

  it("on Vercel: X-Forwarded-For, which Vercel's edge writes", () => {
    expect(clientAddressOptions({ onVercel: true, trustedProxies: [] })).toEqual({ ipAddressHeaders: ["x-forwarded-for"], trustedProxies: [] });
  });
});
