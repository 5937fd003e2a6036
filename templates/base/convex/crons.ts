import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

// Off the top of the hour, when many deployments' crons run at once.
crons.daily(
  "prune the webhook events log",
  { hourUTC: 3, minuteUTC: 17 },
  internal.webhookEvents.prune,
  {},
);

export default crons;
