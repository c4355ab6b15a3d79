/** Where an authorization asks the signed-in person to allow a client (app/oauth/consent). */
export const CONSENT_PAGE = "/oauth/consent";
/** Where a person sees and disconnects the assistants they allowed. */
export const CONNECTED_APPS_PAGE = "/settings/connected-apps";
