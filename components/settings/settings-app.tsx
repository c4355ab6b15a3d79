"use client";

import { useState } from "react";
import { AppHeader } from "@/components/tasks/app-header";
import headerStyles from "@/components/tasks/tasks.module.css";
import { createTokenStore } from "@/lib/client/token-store";
import type { AccountSession } from "@/lib/session";
import { DeleteSection } from "./delete-section";
import { EmailSection } from "./email-section";
import { ExportSection } from "./export-section";
import { PasswordSection } from "./password-section";
import { ProfileSection } from "./profile-section";
import { SessionsSection } from "./sessions-section";
import styles from "./settings.module.css";

/**
 * The settings page: name, email, password, sessions, the export and deleting the account. Each
 * section talks to Better Auth's endpoints through its client; the export is a Bearer call to the
 * task API, with a token kept in memory as on the task page.
 */
export function SettingsApp({ user, sessionId, mail }: AccountSession & { mail: boolean }) {
  const [tokens] = useState(() => createTokenStore());
  // Bumped when a change ends other sessions, so the list shows what is left.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  const [currentSession, setCurrentSession] = useState(sessionId);

  return (
    <>
      <AppHeader user={user} current="/settings" onSignedOut={() => tokens.clear()} />
      <main id="main" className={headerStyles.main}>
        <div className={styles.page}>
          <h1 className={styles.title}>Settings</h1>
          <ProfileSection name={user.name} />
          <EmailSection email={user.email} verified={user.emailVerified} mail={mail} />
          <PasswordSection
            onOtherSessionsEnded={(renewedSessionId) => {
              if (renewedSessionId) setCurrentSession(renewedSessionId);
              setSessionsVersion((version) => version + 1);
            }}
          />
          <SessionsSection currentSessionId={currentSession} version={sessionsVersion} />
          <ExportSection userId={user.id} tokens={tokens} />
          <DeleteSection />
        </div>
      </main>
    </>
  );
}
