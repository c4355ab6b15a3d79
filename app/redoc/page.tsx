import type { Metadata } from "next";
import { RedocView } from "@/components/docs/redoc-view";
import styles from "@/components/docs/docs.module.css";

export const metadata: Metadata = {
  title: "API reference (ReDoc) – todo-next",
  description: "The todo-next REST API, rendered by ReDoc.",
};

export default function RedocPage() {
  return (
    <main className={styles.wide}>
      <RedocView />
    </main>
  );
}
