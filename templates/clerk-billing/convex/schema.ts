import { defineSchema } from "convex/server";
import { coreTables } from "./coreTables";
import { paymentTables } from "./paymentTables";

export default defineSchema({
  ...coreTables,
  ...paymentTables,
});
