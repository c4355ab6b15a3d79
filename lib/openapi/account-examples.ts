import type { z } from "zod";
import type {
  ChangeEmailRequest,
  ChangePasswordRequest,
  ChangePasswordResponse,
  DeleteUserRequest,
  DeleteUserResponse,
  RequestPasswordResetRequest,
  ResetPasswordRequest,
  RevokeSessionRequest,
  SendVerificationEmailRequest,
  SessionList,
  StatusMessageResponse,
  UpdateUserRequest,
} from "@/lib/openapi/auth-schemas";
import { authError, CHANGED, CREATED, error, fieldError, task, user, USER_ID } from "@/lib/openapi/examples";
import type { TaskExport } from "@/lib/tasks/schema";

/**
 * `components.examples` of the account endpoints and the export, typed against their schemas like
 * lib/openapi/examples.ts (and validated against the document by its test).
 */

const session = (id: string, token: string, userAgent: string) => ({
  id,
  userId: USER_ID,
  token,
  expiresAt: "2026-01-22T09:30:00.000Z",
  createdAt: CREATED,
  updatedAt: CHANGED,
  ipAddress: "203.0.113.7",
  userAgent,
});

const examples = {
  // Password reset and verification
  PasswordResetRequest: { summary: "Ask for a reset link", value: { email: "ada@example.com", redirectTo: "/reset-password" } satisfies z.input<typeof RequestPasswordResetRequest> },
  ResetLinkSent: {
    summary: "The same answer for every address",
    value: { status: true, message: "If this email exists in our system, check your email for the reset link" } satisfies z.infer<typeof StatusMessageResponse>,
  },
  ResetPasswordRequest: { summary: "A new password", value: { newPassword: "a-new-correct-horse", token: "lE3dTwNVsiDJbh46e9HEziI9" } satisfies z.input<typeof ResetPasswordRequest> },
  Done: { summary: "Done", value: { status: true } },
  MissingField: {
    summary: "A required field is missing",
    value: authError("VALIDATION_ERROR", "[body.token] Invalid input: expected string, received undefined", "VALIDATION_ERROR"),
  },
  InvalidToken: { summary: "Link used, expired or unknown", value: authError("VALIDATION_ERROR", "Invalid token", "INVALID_TOKEN") },
  ResetDisabled: { summary: "No email on this server", value: authError("VALIDATION_ERROR", "Reset password isn't enabled", "RESET_PASSWORD_DISABLED") },
  VerificationEmailRequest: { summary: "Send a new link", value: { email: "ada@example.com", callbackURL: "/verified" } satisfies z.input<typeof SendVerificationEmailRequest> },
  InvalidCallbackURL: { summary: "A callbackURL of another site", value: authError("AUTH_FORBIDDEN", "Invalid callbackURL", "INVALID_CALLBACK_URL") },
  EmailNotVerified: { summary: "Email not verified yet", value: authError("AUTH_FORBIDDEN", "Email not verified", "EMAIL_NOT_VERIFIED") },
  // Settings
  UpdateNameRequest: { summary: "A new name", value: { name: "Ada Lovelace" } satisfies z.input<typeof UpdateUserRequest> },
  ChangePasswordRequest: {
    summary: "Change the password, end other sessions",
    value: { currentPassword: "correct-horse", newPassword: "a-new-correct-horse", revokeOtherSessions: true } satisfies z.input<typeof ChangePasswordRequest>,
  },
  PasswordChanged: { summary: "Changed; this session renewed", value: { token: "vYZirmj9892owcMGZKJ8PBb63e8vlS0X", user } satisfies z.infer<typeof ChangePasswordResponse> },
  InvalidPassword: { summary: "Wrong current password", value: authError("VALIDATION_ERROR", "Invalid password", "INVALID_PASSWORD") },
  ChangeEmailRequest: { summary: "A new address", value: { newEmail: "ada@example.org", callbackURL: "/verified?change=email" } satisfies z.input<typeof ChangeEmailRequest> },
  SameEmail: { summary: "The current address", value: { message: "Email is the same", ...error("VALIDATION_ERROR", "Email is the same") } },
  Sessions: {
    summary: "Two sessions",
    value: [
      session("zU4vkkLnppwr1OiB2HOwnWRRTyBMjaVn", "xu7TqRQJX3VGoGlqjWno9FLI1zM0oaJm", "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36"),
      session("Qm8b0dWvb3z3HkC0c6oQ5WJgkqBzUoYt", "BZntQXb9BgSBr9245pYLR0XnfrCNDznz", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148 Safari/604.1"),
    ] satisfies z.infer<typeof SessionList>,
  },
  RevokeSessionRequest: { summary: "End one session", value: { token: "BZntQXb9BgSBr9245pYLR0XnfrCNDznz" } satisfies z.input<typeof RevokeSessionRequest> },
  DeleteUserRequest: { summary: "Delete with the password", value: { password: "correct-horse" } satisfies z.input<typeof DeleteUserRequest> },
  UserDeleted: { summary: "Deleted", value: { success: true, message: "User deleted" } satisfies z.infer<typeof DeleteUserResponse> },
  PasswordRequired: { summary: "No password", value: authError("VALIDATION_ERROR", "Enter your password to delete your account.", "PASSWORD_REQUIRED") },
  // The export
  TaskExport: { summary: "Two tasks", value: { exported_at: CHANGED, tasks: [task, { ...task, id: 43, title: "Call Bob", description: null }] } satisfies z.infer<typeof TaskExport> },
  TaskExportCsv: {
    summary: "Two tasks as CSV",
    value: `\ufeffid,user_id,title,description,complete,created_at,updated_at\r\n42,${USER_ID},Buy milk,2 litres,false,${CREATED},${CREATED}\r\n43,${USER_ID},"Call Bob, about ""the plan""",,false,${CREATED},${CREATED}\r\n`,
  },
  BadFormat: { summary: "format neither json nor csv", value: fieldError(["query", "format"], "format must be json or csv", "enum") },
  AccountGone: { summary: "The token's account was deleted", value: error("AUTH_INVALID", "Invalid access token: the account no longer exists.") },
};

export type AccountExampleName = keyof typeof examples;
export const accountExamples: Record<AccountExampleName, { summary: string; value: unknown }> = examples;
