"use server";

import { z } from "zod";
import { beginMfaEnrolment } from "@safeguard/core/auth/begin-mfa-enrolment";
import { confirmMfaEnrolment } from "@safeguard/core/auth/confirm-mfa-enrolment";
import { disableMfa } from "@safeguard/core/auth/disable-mfa";
import { signOutEverywhere } from "@safeguard/core/auth/sign-out-everywhere";
import { userAction } from "../../../server/user-action";
import { qrCodeSvg } from "../../../server/qr-code";

const codeSchema = z.object({ code: z.string().trim().min(6, "Enter the code.").max(20) });

export const signOutEverywhereAction = userAction(z.object({}), async ({ user, meta }) => {
  await signOutEverywhere(user.userId, meta);
  return null;
});

/** Starts enrolment; the QR code is rendered on the server (the seed is never sent as an image URL elsewhere). */
export const beginMfaEnrolmentAction = userAction(z.object({}), async ({ user }) => {
  const enrolment = await beginMfaEnrolment(user.userId);
  return { secretBase32: enrolment.secretBase32, qrSvg: await qrCodeSvg(enrolment.otpauthUri) };
});

export const confirmMfaEnrolmentAction = userAction(codeSchema, async ({ user, input, meta }) => confirmMfaEnrolment(user.userId, input.code, meta));

export const disableMfaAction = userAction(codeSchema, async ({ user, input, meta }) => {
  await disableMfa(user.userId, input.code, meta);
  return null;
});
