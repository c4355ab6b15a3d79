import Link from "next/link";
import styles from "./home.module.css";

export default function HomePage() {
  return (
    <main id="main" className={styles.home}>
      <h1>todo-next</h1>
      <p className={styles.lead}>A simple, private task list. Sign up, add what you need to do, tick it off.</p>
      <div className={styles.actions}>
        <Link href="/sign-up" className="button" prefetch={false}>
          Create an account
        </Link>
        <Link href="/sign-in" className="button button-secondary" prefetch={false}>
          Sign in
        </Link>
      </div>
      <p className={styles.api}>
        Developers: the same tasks are a REST API under <code>/api/&#123;user_id&#125;/tasks</code>, with a
        JWT from <code>GET /api/auth/token</code>: see the <Link href="/docs" prefetch={false}>API docs</Link> (try
        every endpoint in the browser). Health: <a href="/health">/health</a>.
      </p>
    </main>
  );
}
