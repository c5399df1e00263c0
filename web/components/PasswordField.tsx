import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useId } from 'react';

/**
 * Mantine's PasswordInput does not tie its error and description to the input for screen readers;
 * this one does (the wrapper names them `<id>-error` and `<id>-description`).
 */
export function PasswordField(props: PasswordInputProps) {
  const generated = useId();
  const id = props.id ?? generated;
  const describedBy = [props.error ? `${id}-error` : null, props.description ? `${id}-description` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <PasswordInput
      {...props}
      id={id}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={describedBy || undefined}
    />
  );
}
