"use server";

import { decideException } from "@safeguard/core/exceptions/decide-exception";
import { decideExceptionSchema, requestExceptionSchema, revokeExceptionSchema } from "@safeguard/core/exceptions/exception-input";
import { requestException } from "@safeguard/core/exceptions/request-exception";
import { revokeException } from "@safeguard/core/exceptions/revoke-exception";
import { orgAction } from "../../../../server/org-action";

export const requestExceptionAction = orgAction("exceptions.request", requestExceptionSchema, ({ ctx, tx, input }) =>
  requestException({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, input }));

export const decideExceptionAction = orgAction("exceptions.decide", decideExceptionSchema, ({ ctx, tx, input }) =>
  decideException({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, input }));

export const revokeExceptionAction = orgAction("exceptions.decide", revokeExceptionSchema, ({ ctx, tx, input }) =>
  revokeException({ tx, orgId: ctx.orgId, actor: { userId: ctx.userId, email: ctx.email }, exceptionId: input.exceptionId, note: input.note }));
