import { TextField } from "@/components/ui/text-field";
import type { FieldMessages } from "@/lib/client/form-errors";
import { PASSWORD_MIN } from "@/lib/auth-schema";

interface NewPasswordFieldsProps {
  values: { password: string; confirm: string };
  set: (field: "password" | "confirm") => (value: string) => void;
  errors: FieldMessages;
  /** "Password" on sign-up, "New password" where one is replaced. */
  label: string;
  /** Element ids, when the page has other password fields; the fields' names stay password and confirm. */
  ids?: { password: string; confirm: string };
}

/** A new password and its confirmation, with the minimum length as a hint (sign-up, reset, settings). */
export function NewPasswordFields({ values, set, errors, label, ids = { password: "password", confirm: "confirm" } }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        id={ids.password}
        name="password"
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        value={values.password}
        onChange={set("password")}
        error={errors.password}
      />
      <TextField
        id={ids.confirm}
        name="confirm"
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={set("confirm")}
        error={errors.confirm}
      />
    </>
  );
}
