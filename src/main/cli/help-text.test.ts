import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './program';

function everyCommand(c: Command): Command[] {
  return [c, ...c.commands.flatMap(everyCommand)];
}

const fullName = (c: Command): string => (c.parent ? `${fullName(c.parent)} ${c.name()}` : c.name());

describe('lifeline <command> --help', () => {
  it('says what every argument is ("<ref>  the #N that lifeline upcoming shows"), not only its name', () => {
    const bare = everyCommand(buildProgram()).flatMap((c) =>
      c.registeredArguments.filter((a) => !a.description).map((a) => `${fullName(c)} <${a.name()}>`),
    );
    expect(bare).toEqual([]);
  });

  it('shows the description under Arguments', () => {
    const done = buildProgram().commands.find((c) => c.name() === 'done')!;
    expect(done.helpInformation()).toMatch(/Arguments:\n {2}ref +the #N that lifeline upcoming shows/);
  });
});
