"use client";

import { useState } from "react";
import { fetchExport, saveFile, type ExportFormat } from "@/lib/client/export-download";
import { ApiError } from "@/lib/client/api-error";
import type { TokenStore } from "@/lib/client/token-store";
import styles from "./settings.module.css";

/** "Export tasks": every task as a JSON or CSV file. */
export function ExportSection({ userId, tokens }: { userId: string; tokens: TokenStore }) {
  const [pending, setPending] = useState<ExportFormat | undefined>();
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState("");

  async function download(format: ExportFormat) {
    setPending(format);
    setStatus("");
    setProblem("");
    try {
      const file = await fetchExport(userId, format, tokens);
      saveFile(file);
      setStatus(`Downloaded ${file.filename}.`);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.detail : "The export failed. Please try again.");
    } finally {
      setPending(undefined);
    }
  }

  return (
    <section className={styles.section} aria-labelledby="export-heading">
      <h2 id="export-heading">Export tasks</h2>
      <p className={styles.muted}>All your tasks in one file: JSON (as the API returns them) or CSV (for spreadsheets).</p>
      <div className={styles.actions}>
        <button type="button" className="button button-secondary" disabled={pending !== undefined} onClick={() => download("json")}>
          {pending === "json" ? "Preparing…" : "Download JSON"}
        </button>
        <button type="button" className="button button-secondary" disabled={pending !== undefined} onClick={() => download("csv")}>
          {pending === "csv" ? "Preparing…" : "Download CSV"}
        </button>
        <p role="status" className={styles.done}>
          {status}
        </p>
      </div>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </section>
  );
}
