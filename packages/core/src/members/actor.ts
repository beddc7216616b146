import type { Role } from "@safeguard/db/client";

/** The member performing a change, as resolved by the web layer (never from client input). */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
}
