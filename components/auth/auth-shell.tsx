import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./auth.module.css";

/** The frame of the sign-in and sign-up pages: brand, a card with the title, the form, a footer. */
export function AuthShell({ title, lead, footer, children }: { title: string; lead: string; footer: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <header>
        <Link href="/" className={styles.brand} prefetch={false}>
          todo-next
        </Link>
      </header>
      <main id="main" className={styles.card}>
        <h1>{title}</h1>
        <p className={styles.lead}>{lead}</p>
        {children}
        <p className={styles.switch}>{footer}</p>
      </main>
    </div>
  );
}
