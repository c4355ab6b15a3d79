"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import "swagger-ui-react/swagger-ui.css";
import { jwtClaims } from "@/lib/client/jwt-claims";
import { openApi31Supported } from "./apidom-registration";
import { SessionPanel, type SessionUser } from "./session-panel";

// Swagger UI touches `window` as it loads: browser only.
const SwaggerUI = dynamic(() => import("swagger-ui-react"), { ssr: false, loading: () => <p>Loading Swagger UI…</p> });

type OpenApiDocument = { servers?: { url: string; description?: string }[]; components?: { parameters?: Record<string, { example?: unknown }> } };
interface SwaggerSystem {
  preauthorizeApiKey: (scheme: string, value: string) => unknown;
  authActions: { logout: (schemes: string[]) => void };
}

async function sessionUser(): Promise<SessionUser | null> {
  const response = await fetch("/api/auth/get-session", { cache: "no-store" });
  const session = response.ok ? ((await response.json()) as { user?: SessionUser } | null) : null;
  return session?.user ? { id: session.user.id, email: session.user.email } : null;
}

/** "Try it out" goes to the document's server: here, this page's own origin (not the document's default). */
function onThisOrigin(apiDocument: OpenApiDocument): OpenApiDocument {
  return { ...apiDocument, servers: [{ url: window.location.origin, description: "This server" }] };
}

/** The document with the visitor's id as the `user_id` example, so "Try it out" starts with it. */
function withUserIdExample(apiDocument: OpenApiDocument, userId: string): OpenApiDocument {
  const copy = structuredClone(apiDocument);
  const parameter = copy.components?.parameters?.UserId;
  if (parameter) parameter.example = userId;
  return copy;
}

/**
 * /docs: Swagger UI on /api/openapi.json. A signed-in visitor fills the bearer token with one
 * click; the token lives only in Swagger UI's in-memory state (`persistAuthorization` off), so a
 * reload forgets it and the same click fills it again.
 */
export function SwaggerDocs() {
  const [apiDocument, setApiDocument] = useState<OpenApiDocument | null>(null);
  const [spec, setSpec] = useState<OpenApiDocument | null>(null);
  const [system, setSystem] = useState<SwaggerSystem | null>(null);
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [tokenNote, setTokenNote] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([fetch("/api/openapi.json").then((response) => response.json() as Promise<OpenApiDocument>), sessionUser()]).then(
      ([served, signedIn]) => {
        if (!current) return;
        const loaded = onThisOrigin(served);
        setApiDocument(loaded);
        setSpec(loaded);
        setUser(signedIn);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  async function loadSession() {
    setUser(await sessionUser());
  }

  async function fillToken() {
    if (!system || !apiDocument) return;
    const response = await fetch("/api/auth/token", { cache: "no-store" });
    if (!response.ok) {
      setTokenNote("No session: sign in again.");
      return loadSession();
    }
    const { token } = (await response.json()) as { token: string };
    system.preauthorizeApiKey("bearerAuth", token);
    const { sub, exp } = jwtClaims(token) ?? {};
    if (typeof sub === "string" && sub) setSpec(withUserIdExample(apiDocument, sub));
    const until = typeof exp === "number" && exp ? new Date(exp * 1000).toLocaleTimeString() : "its expiry";
    setTokenNote(`Token filled in: “Try it out” sends it until ${until}; {user_id} is prefilled with yours. Click again for a fresh one.`);
  }

  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    system?.authActions.logout(["bearerAuth"]);
    if (apiDocument) setSpec(apiDocument);
    setTokenNote(null);
    setUser(null);
  }

  return (
    <>
      <SessionPanel
        user={user}
        tokenNote={tokenNote}
        busy={!system}
        onSignedIn={() => void loadSession()}
        onUseToken={() => void fillToken()}
        onSignOut={() => void signOut()}
      />
      {!openApi31Supported() && <p role="alert">Swagger UI cannot read OpenAPI 3.1 in this build; see components/docs/apidom-registration.ts.</p>}
      {spec && (
        <SwaggerUI
          spec={spec}
          onComplete={(loaded: SwaggerSystem) => setSystem(loaded)}
          persistAuthorization={false}
          docExpansion="list"
          defaultModelsExpandDepth={0}
          displayRequestDuration
          tryItOutEnabled={false}
        />
      )}
    </>
  );
}
