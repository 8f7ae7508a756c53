import type {Messages} from '../../../i18n/en.js';
import {validateDraft} from '../../../model/validation.js';

/** What is wrong with an edited body, as the form would say it (the same limits as the rules). */
export function editProblem(m: Messages, body: string): string | undefined {
  const [problem] = validateDraft({body});
  if (!problem) return undefined;
  if (problem.code === 'tooLong') return m.errors.bodyTooLong(problem.limit ?? 0, body.trim().length);
  if (problem.code === 'tooManyLinks') return m.errors.bodyTooManyLinks(problem.limit ?? 0);
  return m.errors.bodyRequired;
}
