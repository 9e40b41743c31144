import { useRef } from 'react';
import { apiFieldErrors, type FieldLabels, focusFirstInvalid } from './form-errors';

interface ErrorSettable {
  setErrors(errors: Record<string, string>): void;
}

/**
 * What every form does when a check fails: the API's refusals go next to their fields, and focus moves to the
 * first field that needs fixing (for keyboard and screen-reader users), after a server refusal or a client check.
 */
export function useFormErrors(labels: FieldLabels) {
  const formRef = useRef<HTMLFormElement>(null);
  return {
    formRef,
    onInvalid: () => focusFirstInvalid(formRef.current),
    showApiErrors: (form: ErrorSettable, error: unknown) => {
      form.setErrors(apiFieldErrors(error, labels));
      focusFirstInvalid(formRef.current);
    },
  };
}
