export default function HomePage() {
  return (
    <main>
      <h1>todo-next</h1>
      <p>A per-user task manager. The REST API lives under <code>/api/&#123;user_id&#125;/tasks</code>.</p>
      <ul>
        <li>
          Sign up: <code>POST /api/auth/sign-up/email</code>, then get a token: <code>GET /api/auth/token</code>
        </li>
        <li>
          Health: <a href="/health">/health</a>
        </li>
      </ul>
    </main>
  );
}
