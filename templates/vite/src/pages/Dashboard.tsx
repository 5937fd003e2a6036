import Account from "../components/Account";

export default function Dashboard() {
  return (
    <div className="mx-auto max-w-3xl space-y-10 px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Dashboard</h1>
      <Account />
    </div>
  );
}
