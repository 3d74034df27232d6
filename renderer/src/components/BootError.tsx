/** Shown when the page cannot reach the API at all (no preload, or the bridge host is gone). */
export function BootError({ message }: Readonly<{ message: string }>) {
  return (
    <main className="login-screen">
      <div className="login-card" role="alert" data-testid="boot-error">
        <h1 className="brand">Tidings</h1>
        <p>{message}</p>
      </div>
    </main>
  );
}
