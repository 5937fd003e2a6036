import { defineSchema } from "convex/server";
import { coreTables } from "./coreTables";

export default defineSchema({
  ...coreTables,
});
