import { z } from "zod";

export const roleSchema = z.enum(["OWNER", "ADMIN", "SECURITY_OFFICER", "AUDITOR", "VIEWER"], { message: "Choose a role." });
