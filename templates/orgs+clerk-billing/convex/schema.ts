import { defineSchema } from "convex/server";
import { coreTables } from "./coreTables";
import { orgTables } from "./orgTables";
import { paymentTables } from "./paymentTables";

export default defineSchema({
  ...coreTables,
  ...orgTables,
  ...paymentTables,
});
