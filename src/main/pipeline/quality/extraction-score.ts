import type { Memory } from '../../../shared/contract';

/** What one sentence should yield: whether it is a to-do, and the date-time it names (ISO) or null. */
export interface ExpectedMemory {
  todo: boolean;
  at: string | null;
}

export interface ExtractionScore {
  /** To-do sentences found as to-dos / to-do sentences. */
  todoRecall: number;
  /** Sentences called to-dos that are to-dos / sentences called to-dos. */
  todoPrecision: number;
  /** Sentences naming a date whose to-do or event carries exactly that date-time / such sentences. */
  dateAccuracy: number;
}

/** Scores extraction sentence by sentence (pure): `got[i]` are the memories found in sentence i. */
export function scoreExtraction(
  expected: readonly ExpectedMemory[],
  got: readonly (readonly Memory[])[],
): ExtractionScore {
  let todos = 0;
  let todosFound = 0;
  let calledTodo = 0;
  let dated = 0;
  let datesRight = 0;
  expected.forEach((e, i) => {
    const memories = got[i] ?? [];
    const isTodo = memories.some((m) => m.kind === 'todo');
    if (e.todo) todos++;
    if (isTodo) calledTodo++;
    if (e.todo && isTodo) todosFound++;
    if (e.at !== null) {
      dated++;
      if (memories.some((m) => (m.kind === 'todo' || m.kind === 'event') && m.at === e.at)) datesRight++;
    }
  });
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    todoRecall: ratio(todosFound, todos),
    todoPrecision: ratio(todosFound, calledTodo),
    dateAccuracy: ratio(datesRight, dated),
  };
}
