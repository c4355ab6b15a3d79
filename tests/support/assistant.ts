import { randomUUID } from "node:crypto";
import type {
  OAuthClientMetadata,
  OAuthClientProvider,
  OAuthDiscoveryState,
  StoredOAuthClientInformation,
  StoredOAuthTokens,
} from "@modelcontextprotocol/client";

/** One request as a log shows it: `POST /api/mcp 401`. */
export type Exchange = string;

/** An assistant's OAuth state, as a real client keeps it between runs. */
export class TestAssistant implements OAuthClientProvider {
  readonly redirectUrl = "http://127.0.0.1:53682/callback";
  authorizationUrl?: URL;
  client?: StoredOAuthClientInformation;
  stored?: StoredOAuthTokens;
  verifier?: string;
  discovery?: OAuthDiscoveryState;
  /** Every request the assistant made, in order. */
  readonly log: Exchange[] = [];

  /** `scope`: what this assistant asks for instead of what the server suggests (e.g. read only). */
  constructor(
    readonly name = "Test Assistant",
    readonly scope?: string,
  ) {}

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.name,
      redirect_uris: [this.redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  state() {
    return randomUUID();
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(client: StoredOAuthClientInformation) {
    this.client = client;
  }
  tokens() {
    return this.stored;
  }
  saveTokens(tokens: StoredOAuthTokens) {
    this.stored = tokens;
  }
  redirectToAuthorization(url: URL) {
    if (this.scope) url.searchParams.set("scope", this.scope);
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    if (!this.verifier) throw new Error("no code verifier saved");
    return this.verifier;
  }
  saveDiscoveryState(state: OAuthDiscoveryState) {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery;
  }
}

