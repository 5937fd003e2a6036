import { defineSchema } from "convex/server";
import { coreTables } from "./coreTables";
import { orgTables } from "./orgTables";

export default defineSchema({
  ...coreTables,
  ...orgTables,
});
