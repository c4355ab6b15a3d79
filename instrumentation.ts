// Runs once when a server process starts (next dev, next start, each Vercel function instance).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { announceMail, checkConfiguration } = await import("./lib/startup");
    await checkConfiguration();
    await announceMail();
  }
}
