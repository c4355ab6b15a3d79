"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth-client";
import { NAME_MAX, ProfileInput } from "@/lib/auth-schema";
import styles from "./settings.module.css";

export function ProfileSection({ name }: { name: string }) {
  const router = useRouter();
  const form = useAuthForm({ name });
  const [saved, setSaved] = useState(false);

  return (
    <section className={styles.section} aria-labelledby="profile-heading">
      <h2 id="profile-heading">Name</h2>
      <form
        className={styles.form}
        noValidate
        aria-label="Change your name"
        onSubmit={async (event) => {
          setSaved(false);
          const done = await form.submit(event, { schema: ProfileInput, send: ({ name: next }) => authClient.updateUser({ name: next }) });
          if (done) {
            setSaved(true);
            // The header shows the name: the server renders it afresh.
            router.refresh();
          }
        }}
      >
        <TextField id="name" label="Name" autoComplete="name" maxLength={NAME_MAX} value={form.values.name} onChange={form.set("name")} error={form.errors.name} />
        <p className="form-error" role="alert">
          {form.formError}
        </p>
        <div className={styles.actions}>
          <button type="submit" className="button" disabled={form.pending}>
            {form.pending ? "Saving…" : "Save name"}
          </button>
          <p role="status" className={styles.done}>
            {saved ? "Saved." : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
