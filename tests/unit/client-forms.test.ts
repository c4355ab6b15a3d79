import { describe, expect, it } from "vitest";
import { ChangePasswordInput, DeleteAccountInput, PASSWORD_MAX, PASSWORD_MIN, ProfileInput, SignInInput, SignUpInput } from "@/lib/auth-schema";
import { describeAuthError, validateForm } from "@/lib/client/form-errors";
import { DEFAULT_AFTER_SIGN_IN, safeRedirectTarget, signInPath } from "@/lib/redirect-target";
import { TaskCreate } from "@/lib/tasks/schema";

describe("validateForm", () => {
  it("returns the parsed values, or the first message per field", () => {
    expect(validateForm(TaskCreate, { title: "  Buy milk " })).toEqual({ ok: true, data: { title: "Buy milk" } });
    expect(validateForm(TaskCreate, { title: "   ", description: "x".repeat(1001) })).toEqual({
      ok: false,
      errors: { title: "title must not be blank", description: "description must be at most 1000 characters" },
    });
  });

  it("puts an error without a path on the form", () => {
    expect(validateForm(TaskCreate, "not an object")).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
  });
});

describe("sign-up and sign-in rules", () => {
  const valid = { name: "Ada", email: "ada@example.com", password: "correct-horse", confirm: "correct-horse" };

  it("match the server's password limits", () => {
    expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([8, 128]);
    expect(validateForm(SignUpInput, valid).ok).toBe(true);
    expect(validateForm(SignUpInput, { ...valid, password: "short", confirm: "short" })).toMatchObject({
      errors: { password: "Password must be at least 8 characters" },
    });
    const long = "x".repeat(129);
    expect(validateForm(SignUpInput, { ...valid, password: long, confirm: long })).toMatchObject({
      errors: { password: "Password must be at most 128 characters" },
    });
  });

  it("need a name, an email and a matching confirmation", () => {
    expect(validateForm(SignUpInput, { ...valid, name: "  ", email: "ada", confirm: "other-horse" })).toEqual({
      ok: false,
      errors: { name: "Enter your name", email: "Enter an email address like name@example.com", confirm: "Passwords do not match" },
    });
    expect(validateForm(SignInInput, { email: "ada@example.com", password: "" })).toEqual({ ok: false, errors: { password: "Enter your password" } });
  });
});

describe("account settings rules", () => {
  it("a name is trimmed, at most 100 characters, without control characters", () => {
    expect(validateForm(ProfileInput, { name: "  Ada  " })).toEqual({ ok: true, data: { name: "Ada" } });
    expect(validateForm(ProfileInput, { name: "x".repeat(101) })).toMatchObject({ errors: { name: "Name must be at most 100 characters" } });
    expect(validateForm(ProfileInput, { name: "a\u0007b" })).toMatchObject({ errors: { name: "Name must not contain control characters (line breaks, tabs and the like)" } });
  });

  it("a password change needs the current password and a matching new one", () => {
    expect(validateForm(ChangePasswordInput, { current: "", password: "short", confirm: "other" })).toEqual({
      ok: false,
      errors: { current: "Enter your current password", password: "Password must be at least 8 characters", confirm: "Passwords do not match" },
    });
  });

  it("deleting needs the password and DELETE typed exactly", () => {
    expect(validateForm(DeleteAccountInput, { password: "pw", confirmation: "DELETE" }).ok).toBe(true);
    for (const confirmation of ["delete", "DELETE ", ""]) {
      expect(validateForm(DeleteAccountInput, { password: "pw", confirmation })).toMatchObject({ errors: { confirmation: "Type DELETE to confirm" } });
    }
  });
});

describe("describeAuthError", () => {
  it("places Better Auth's errors on the right field, or on the form", () => {
    expect(describeAuthError({ status: 422, code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", message: "User already exists. Use another email." })).toEqual({
      field: "email",
      message: "User already exists. Use another email.",
    });
    expect(describeAuthError({ status: 400, code: "INVALID_EMAIL", message: "Invalid email" })).toEqual({ field: "email", message: "Invalid email" });
    expect(describeAuthError({ status: 400, code: "PASSWORD_TOO_SHORT", message: "Password too short" })).toEqual({ field: "password", message: "Password too short" });
    expect(describeAuthError({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" })).toEqual({ message: "Invalid email or password" });
    expect(describeAuthError({ status: 500 })).toEqual({ message: "Something went wrong. Please try again." });
  });

  it("places the server's field errors (errors[]) on their field", () => {
    const tooLong = { loc: ["body", "name"], msg: "Name must be at most 100 characters" };
    expect(describeAuthError({ status: 422, errors: [tooLong] })).toEqual({ field: "name", message: "Name must be at most 100 characters" });
    expect(describeAuthError({ status: 422, message: "Validation failed", errors: [{ loc: ["body", "image"], msg: "too long" }] })).toEqual({ message: "Validation failed" });
  });

  it("says when to come back from an account's sign-in limit or the sign-up budget", () => {
    const locked = { status: 429, code: "TOO_MANY_FAILED_SIGN_INS", message: "Too many failed sign-ins for this account. Try again in 15 minutes." };
    expect(describeAuthError(locked)).toEqual({ message: "Too many failed sign-ins for this account. Try again in 15 minutes." });
  });

  it("lets a form place particular codes: on one of its fields, with a message of its own, or on the form", () => {
    const wrong = { status: 400, code: "INVALID_PASSWORD", message: "Invalid password" };
    expect(describeAuthError(wrong)).toEqual({ message: "Invalid password" });
    expect(describeAuthError(wrong, { INVALID_PASSWORD: "current" })).toEqual({ field: "current", message: "Invalid password" });
    expect(describeAuthError(wrong, { INVALID_PASSWORD: { field: "current", message: "That is not your current password." } })).toEqual({
      field: "current",
      message: "That is not your current password.",
    });
    expect(describeAuthError({ status: 400, code: "INVALID_TOKEN", message: "Invalid token" }, { INVALID_TOKEN: { message: "The link has expired." } })).toEqual({
      message: "The link has expired.",
    });
  });

  it("explains rate limiting and network failures", () => {
    expect(describeAuthError({ status: 429, message: "Too many requests." }).message).toMatch(/Too many attempts/);
    expect(describeAuthError({ status: 0 }).message).toMatch(/Could not reach the server/);
    expect(describeAuthError({}).message).toMatch(/Could not reach the server/);
  });
});

describe("safeRedirectTarget", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeRedirectTarget("/tasks")).toBe("/tasks");
    expect(safeRedirectTarget("/tasks?filter=active#top")).toBe("/tasks?filter=active#top");
  });

  it("refuses anything that could leave the site or loop back to sign-in", () => {
    for (const next of [undefined, ["/tasks"], "", "tasks", "//evil.example", "/\\evil.example", "https://evil.example/", "/\tevil", "/sign-in", "/sign-up?x=1", `/${"a".repeat(600)}`]) {
      expect(safeRedirectTarget(next)).toBe(DEFAULT_AFTER_SIGN_IN);
    }
  });

  it("signInPath carries the way back", () => {
    expect(signInPath("/tasks")).toBe("/sign-in?next=%2Ftasks");
    expect(signInPath("//evil.example")).toBe("/sign-in?next=%2Ftasks");
  });
});
